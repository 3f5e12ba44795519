import { k8sPatch } from '@openshift-console/dynamic-plugin-sdk';
import { usePluginTranslation } from './usePluginTranslation';
import { MachineConfigPoolModel } from '../../k8s/models';
import type { PoolRollout } from '../../rollout';
import ConfirmActionModal from './ConfirmActionModal';

interface ResumePoolModalProps {
  pool: PoolRollout;
  onClose: () => void;
}

/** Confirms unpausing a pool: from then on MCO drains and reboots its nodes that are behind. */
const ResumePoolModal = ({ pool, onClose }: ResumePoolModalProps) => {
  const { t } = usePluginTranslation();
  // A node in its Day 1 reboot is on the target already: MCO has nothing to do on it.
  const behind = pool.machineCount - pool.phaseCounts.Updated - pool.phaseCounts.RebootingForDay1;
  return (
    <ConfirmActionModal
      id="resume-pool"
      title={t('Resume {{pool}}?', { pool: pool.name })}
      confirmLabel={t('Resume')}
      confirmVariant="primary"
      action={() =>
        // A stub, not the watched object: only the name is needed, and "test" guards the patch.
        k8sPatch({
          model: MachineConfigPoolModel,
          resource: { metadata: { name: pool.name } },
          data: [
            { op: 'test', path: '/spec/paused', value: true },
            { op: 'replace', path: '/spec/paused', value: false },
          ],
        })
      }
      failureTitle={t('Could not resume {{pool}}', { pool: pool.name })}
      verb="patch"
      resource={MachineConfigPoolModel.plural}
      onClose={onClose}
    >
      <p data-test="resume-pool-warning">
        {t(
          'Resuming lets the Machine Config Operator drain and reboot the nodes of {{pool}} that are not on its target config, {{maxUnavailable}} at a time. Nodes to update: {{nodeCount}}.',
          { pool: pool.name, maxUnavailable: pool.maxUnavailable, nodeCount: behind },
        )}
      </p>
    </ConfirmActionModal>
  );
};

export default ResumePoolModal;
