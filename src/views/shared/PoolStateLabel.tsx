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

/**
 * The pool's rollout state as a status label. A filled PatternFly Label rather than console's status
 * components (icon and text): beside the pool's name in its card header and the list's rollout link,
 * it reads as the pool's state at a glance, and is not taken for part of the name or the link.
 */
const PoolStateLabel = ({ state }: { state: PoolState }) => {
  const { t } = usePluginTranslation();
  return (
    <Label status={STATUS[state]} data-test="pool-state" data-state={state}>
      {poolStateText(t, state)}
    </Label>
  );
};

export default PoolStateLabel;
