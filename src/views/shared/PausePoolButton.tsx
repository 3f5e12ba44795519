import { lazy } from 'react';
import { PauseIcon } from '@patternfly/react-icons';
import { usePluginTranslation } from './usePluginTranslation';
import PoolPatchButton from './PoolPatchButton';
import type { PauseContext } from './PausePoolModal';

// Not needed before the user asks to pause.
const PausePoolModal = lazy(() => import('./PausePoolModal'));

interface PausePoolButtonProps {
  poolName: string;
  /** Where the button is: the confirmation says what pausing means there. */
  context: PauseContext;
  /** The button's text; "Pause" by default. */
  label?: string;
}

/** Pause for a pool, after a confirmation, if the user may patch it; the reason otherwise. */
const PausePoolButton = ({ poolName, context, label }: PausePoolButtonProps) => {
  const { t } = usePluginTranslation();
  return (
    <PoolPatchButton
      poolName={poolName}
      icon={<PauseIcon />}
      label={label ?? t('Pause')}
      variant="secondary"
      testId="pause-pool"
      confirmation={(close) => (
        <PausePoolModal poolName={poolName} context={context} onClose={close} />
      )}
    />
  );
};

export default PausePoolButton;
