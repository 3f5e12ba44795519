import { lazy, Suspense, useState } from 'react';
import { useAccessReview } from '@openshift-console/dynamic-plugin-sdk';
import { Button, Tooltip } from '@patternfly/react-core';
import { PlayIcon } from '@patternfly/react-icons';
import { usePluginTranslation } from './usePluginTranslation';
import { MachineConfigPoolModel } from '../../k8s/models';
import type { PoolRollout } from '../../rollout';
import LoadingModal from './LoadingModal';

// Not needed before the user asks to resume.
const ResumePoolModal = lazy(() => import('./ResumePoolModal'));

/** Resume for a paused pool, if the user may patch it; the reason otherwise. */
const ResumePoolButton = ({ pool }: { pool: PoolRollout }) => {
  const { t } = usePluginTranslation();
  const [confirming, setConfirming] = useState(false);
  const [canPatch, checking] = useAccessReview({
    group: MachineConfigPoolModel.apiGroup,
    resource: MachineConfigPoolModel.plural,
    verb: 'patch',
    name: pool.name,
  });
  const close = () => {
    setConfirming(false);
  };
  const button = (
    <Button
      variant="secondary"
      size="sm"
      icon={<PlayIcon />}
      isAriaDisabled={!canPatch}
      isLoading={checking}
      onClick={() => {
        setConfirming(true);
      }}
      data-test="resume-pool"
    >
      {t('Resume')}
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
          <ResumePoolModal pool={pool} onClose={close} />
        </Suspense>
      )}
    </>
  );
};

export default ResumePoolButton;
