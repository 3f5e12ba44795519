import { lazy, Suspense, useState } from 'react';
import { useAccessReview } from '@openshift-console/dynamic-plugin-sdk';
import { Button, Tooltip } from '@patternfly/react-core';
import { PauseIcon } from '@patternfly/react-icons';
import { usePluginTranslation } from './usePluginTranslation';
import { MachineConfigPoolModel } from '../../k8s/models';
import LoadingModal from './LoadingModal';
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
  const [confirming, setConfirming] = useState(false);
  const [canPatch, checking] = useAccessReview({
    group: MachineConfigPoolModel.apiGroup,
    resource: MachineConfigPoolModel.plural,
    verb: 'patch',
    name: poolName,
  });
  const close = () => {
    setConfirming(false);
  };
  const button = (
    <Button
      variant="secondary"
      size="sm"
      icon={<PauseIcon />}
      isAriaDisabled={!canPatch}
      isLoading={checking}
      onClick={() => {
        setConfirming(true);
      }}
      data-test="pause-pool"
    >
      {label ?? t('Pause')}
    </Button>
  );
  return (
    <>
      {canPatch || checking ? (
        button
      ) : (
        <Tooltip content={t('You cannot patch MachineConfigPools.')}>{button}</Tooltip>
      )}
      {confirming && (
        <Suspense fallback={<LoadingModal onClose={close} />}>
          <PausePoolModal poolName={poolName} context={context} onClose={close} />
        </Suspense>
      )}
    </>
  );
};

export default PausePoolButton;
