import { Label } from '@patternfly/react-core';
import { usePluginTranslation } from './usePluginTranslation';
import type { PoolState } from '../../rollout';
import { poolStateText } from './rollout-text';

const STATUS: Record<PoolState, 'success' | 'info' | 'warning' | 'danger'> = {
  Updated: 'success',
  Updating: 'info',
  Paused: 'warning',
  Degraded: 'danger',
  RenderDegraded: 'danger',
};

/** The pool's rollout state as a status label. */
const PoolStateLabel = ({ state }: { state: PoolState }) => {
  const { t } = usePluginTranslation();
  return (
    <Label status={STATUS[state]} data-test="pool-state" data-state={state}>
      {poolStateText(t, state)}
    </Label>
  );
};

export default PoolStateLabel;
