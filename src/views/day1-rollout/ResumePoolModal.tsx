import { useState } from 'react';
import { k8sPatch } from '@openshift-console/dynamic-plugin-sdk';
import {
  Button,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  ModalVariant,
} from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { MachineConfigPoolModel } from '../../k8s/models';
import type { PoolRollout } from '../../rollout';
import ApiErrorAlert from '../shared/ApiErrorAlert';

interface ResumePoolModalProps {
  pool: PoolRollout;
  onClose: () => void;
}

/** Confirms unpausing a pool: from then on MCO drains and reboots its nodes that are behind. */
const ResumePoolModal = ({ pool, onClose }: ResumePoolModalProps) => {
  const { t } = useTranslation('plugin__kmm-day1-console-plugin');
  const [resuming, setResuming] = useState(false);
  const [error, setError] = useState<unknown>();
  const behind = pool.machineCount - pool.phaseCounts.Updated;

  const resume = async () => {
    setResuming(true);
    setError(undefined);
    try {
      // A stub, not the watched object: only the name is needed, and "test" guards the patch.
      await k8sPatch({
        model: MachineConfigPoolModel,
        resource: { metadata: { name: pool.name } },
        data: [
          { op: 'test', path: '/spec/paused', value: true },
          { op: 'replace', path: '/spec/paused', value: false },
        ],
      });
      onClose();
    } catch (e) {
      setError(e);
      setResuming(false);
    }
  };

  return (
    <Modal
      variant={ModalVariant.small}
      isOpen
      onClose={resuming ? undefined : onClose}
      aria-labelledby="resume-pool-title"
      aria-describedby="resume-pool-body"
      data-test="resume-pool-modal"
    >
      <ModalHeader
        title={t('Resume {{pool}}?', { pool: pool.name })}
        titleIconVariant="warning"
        labelId="resume-pool-title"
      />
      <ModalBody id="resume-pool-body">
        <p data-test="resume-pool-warning">
          {t(
            'Resuming lets the Machine Config Operator drain and reboot the nodes of {{pool}} that are not on its target config, {{maxUnavailable}} at a time. Nodes to update: {{nodeCount}}.',
            { pool: pool.name, maxUnavailable: pool.maxUnavailable, nodeCount: behind },
          )}
        </p>
        {error !== undefined && (
          <ApiErrorAlert
            error={error}
            title={t('Could not resume {{pool}}', { pool: pool.name })}
            verb="patch"
            resource={MachineConfigPoolModel.plural}
          />
        )}
      </ModalBody>
      <ModalFooter>
        <Button
          variant="primary"
          onClick={() => void resume()}
          isLoading={resuming}
          isDisabled={resuming}
          data-test="confirm-resume-pool"
        >
          {t('Resume')}
        </Button>
        <Button variant="link" onClick={onClose} isDisabled={resuming}>
          {t('Cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
};

export default ResumePoolModal;
