import { Suspense, useState } from 'react';
import type { ReactNode } from 'react';
import { useAccessReview } from '@openshift-console/dynamic-plugin-sdk';
import { Button, Tooltip } from '@patternfly/react-core';
import type { ButtonProps } from '@patternfly/react-core';
import { usePluginTranslation } from './usePluginTranslation';
import { MachineConfigPoolModel } from '../../k8s/models';
import LoadingModal from './LoadingModal';

interface PoolPatchButtonProps {
  poolName: string;
  icon: ReactNode;
  label: string;
  variant: ButtonProps['variant'];
  testId: string;
  /** The (lazy) confirmation that patches the pool; it calls `close` when done or cancelled. */
  confirmation: (close: () => void) => ReactNode;
}

/**
 * A button that changes a MachineConfigPool after a confirmation (Pause, Resume): disabled, with the
 * reason, when the access review says the user may not patch the pool.
 */
const PoolPatchButton = ({
  poolName,
  icon,
  label,
  variant,
  testId,
  confirmation,
}: PoolPatchButtonProps) => {
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
      variant={variant}
      size="sm"
      icon={icon}
      isAriaDisabled={!canPatch}
      isLoading={checking}
      onClick={() => {
        setConfirming(true);
      }}
      data-test={testId}
    >
      {label}
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
        <Suspense fallback={<LoadingModal onClose={close} />}>{confirmation(close)}</Suspense>
      )}
    </>
  );
};

export default PoolPatchButton;
