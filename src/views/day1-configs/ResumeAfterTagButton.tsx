import { lazy, Suspense, useState } from 'react';
import { useAccessReview } from '@openshift-console/dynamic-plugin-sdk';
import { Button, Tooltip } from '@patternfly/react-core';
import { PlayIcon } from '@patternfly/react-icons';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import { MachineConfigPoolModel } from '../../k8s/models';
import LoadingModal from '../shared/LoadingModal';

// Not needed before the user asks to resume.
const ResumeAfterTagModal = lazy(() => import('./ResumeAfterTagModal'));

/** Resume for a pool paused for an update, after a confirmation, if the user may patch it. */
const ResumeAfterTagButton = ({ poolName }: { poolName: string }) => {
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
      variant="primary"
      size="sm"
      icon={<PlayIcon />}
      isAriaDisabled={!canPatch}
      isLoading={checking}
      onClick={() => {
        setConfirming(true);
      }}
      data-test={`resume-after-tag-${poolName}`}
    >
      {t('Resume {{pool}}', { pool: poolName })}
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
          <ResumeAfterTagModal poolName={poolName} onClose={close} />
        </Suspense>
      )}
    </>
  );
};

export default ResumeAfterTagButton;
