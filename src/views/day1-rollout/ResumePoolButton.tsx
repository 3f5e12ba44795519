import { useState } from 'react';
import { useAccessReview } from '@openshift-console/dynamic-plugin-sdk';
import { Button, Tooltip } from '@patternfly/react-core';
import { PlayIcon } from '@patternfly/react-icons';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import { MachineConfigPoolModel } from '../../k8s/models';
import type { PoolRollout } from '../../rollout';
import ResumePoolModal from './ResumePoolModal';

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
        <ResumePoolModal
          pool={pool}
          onClose={() => {
            setConfirming(false);
          }}
        />
      )}
    </>
  );
};

export default ResumePoolButton;
