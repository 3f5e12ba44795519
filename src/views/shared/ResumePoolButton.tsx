import { lazy, Suspense, useState } from 'react';
import { useAccessReview } from '@openshift-console/dynamic-plugin-sdk';
import { Button, Tooltip } from '@patternfly/react-core';
import { PlayIcon } from '@patternfly/react-icons';
import { usePluginTranslation } from './usePluginTranslation';
import { MachineConfigPoolModel } from '../../k8s/models';
import type { PoolRollout } from '../../rollout';
import LoadingModal from './LoadingModal';
import type { ResumeContext } from './ResumePoolModal';

// Not needed before the user asks to resume.
const ResumePoolModal = lazy(() => import('./ResumePoolModal'));

interface ResumePoolButtonProps {
  /** The pool's rollout (the confirmation then counts the nodes to update), or only its name. */
  pool: PoolRollout | string;
  /** Where the button is: the confirmation says what resuming means there. */
  context: ResumeContext;
  /** The button's text; "Resume" by default. */
  label?: string;
}

/** Resume for a paused pool, after a confirmation, if the user may patch it; the reason otherwise. */
const ResumePoolButton = ({ pool, context, label }: ResumePoolButtonProps) => {
  const { t } = usePluginTranslation();
  const [confirming, setConfirming] = useState(false);
  const poolName = typeof pool === 'string' ? pool : pool.name;
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
      // During an update, resuming is what the banner asks for once the tags exist.
      variant={context === 'update' ? 'primary' : 'secondary'}
      size="sm"
      icon={<PlayIcon />}
      isAriaDisabled={!canPatch}
      isLoading={checking}
      onClick={() => {
        setConfirming(true);
      }}
      data-test="resume-pool"
    >
      {label ?? t('Resume')}
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
          <ResumePoolModal
            poolName={poolName}
            rollout={typeof pool === 'string' ? undefined : pool}
            context={context}
            onClose={close}
          />
        </Suspense>
      )}
    </>
  );
};

export default ResumePoolButton;
