import { memo } from 'react';
import { Progress, ProgressMeasureLocation, ProgressVariant } from '@patternfly/react-core';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import type { PoolRollout } from '../../rollout';

interface PoolCardProgressProps {
  updated: number;
  total: number;
  completion: number;
  state: PoolRollout['state'];
}

const progressVariant = (
  state: PoolRollout['state'],
  completion: number,
): ProgressVariant | undefined =>
  state === 'Degraded' || state === 'RenderDegraded'
    ? ProgressVariant.danger
    : state === 'Paused'
      ? ProgressVariant.warning
      : completion === 100
        ? ProgressVariant.success
        : undefined;

/** How many of the pool's nodes are updated. Memoised: it moves once per node that finishes. */
const PoolCardProgress = ({ updated, total, completion, state }: PoolCardProgressProps) => {
  const { t } = usePluginTranslation();
  return (
    <Progress
      value={completion}
      title={t('Nodes updated')}
      label={t('{{updated}} of {{total}}', { updated, total })}
      valueText={t('{{updated}} of {{count}} nodes updated', {
        updated,
        count: total,
        defaultValue_one: '{{updated}} of {{count}} node updated',
      })}
      measureLocation={ProgressMeasureLocation.outside}
      variant={progressVariant(state, completion)}
      data-test="pool-progress"
      data-updated={updated}
      data-total={total}
    />
  );
};

export default memo(PoolCardProgress);
