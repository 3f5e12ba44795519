import { k8sPatch } from '@openshift-console/dynamic-plugin-sdk';
import { usePluginTranslation } from './usePluginTranslation';
import { MachineConfigPoolModel } from '../../k8s/models';
import type { PoolRollout } from '../../rollout';
import ConfirmActionModal from './ConfirmActionModal';

/**
 * Where the resume is asked for, which changes what the confirmation says: the rollout page (the nodes
 * behind its target config update), an OpenShift update (the nodes reboot into the new release and
 * its kernel, now that the module images have its tag).
 */
export type ResumeContext = 'rollout' | 'update';

interface ResumePoolModalProps {
  poolName: string;
  /** The pool's rollout, when known: the confirmation counts the nodes to update. */
  rollout?: PoolRollout;
  context: ResumeContext;
  onClose: () => void;
}

/** Confirms unpausing a pool: from then on MCO drains and reboots its nodes that are behind. */
const ResumePoolModal = ({ poolName, rollout, context, onClose }: ResumePoolModalProps) => {
  const { t } = usePluginTranslation();
  let warning: string;
  if (context === 'update') {
    warning = t(
      'The Machine Config Operator then drains and reboots the nodes of {{pool}} one batch at a time (maxUnavailable) into the new OpenShift version and its kernel; each pulls the module image for that kernel at boot.',
      { pool: poolName },
    );
  } else if (rollout === undefined) {
    warning = t(
      'Resuming lets the Machine Config Operator drain and reboot the nodes of {{pool}} that are not on its target config, one batch at a time (maxUnavailable).',
      { pool: poolName },
    );
  } else {
    // A node in its Day 1 reboot is on the target already: MCO has nothing to do on it.
    const behind =
      rollout.machineCount - rollout.phaseCounts.Updated - rollout.phaseCounts.RebootingForDay1;
    warning = t(
      'Resuming lets the Machine Config Operator drain and reboot the nodes of {{pool}} that are not on its target config, {{maxUnavailable}} at a time. Nodes to update: {{nodeCount}}.',
      { pool: poolName, maxUnavailable: rollout.maxUnavailable, nodeCount: behind },
    );
  }
  return (
    <ConfirmActionModal
      id="resume-pool"
      title={t('Resume {{pool}}?', { pool: poolName })}
      confirmLabel={t('Resume')}
      confirmVariant="primary"
      action={() =>
        // A stub, not the watched object: only the name is needed, and "test" guards the patch.
        k8sPatch({
          model: MachineConfigPoolModel,
          resource: { metadata: { name: poolName } },
          data: [
            { op: 'test', path: '/spec/paused', value: true },
            { op: 'replace', path: '/spec/paused', value: false },
          ],
        })
      }
      failureTitle={t('Could not resume {{pool}}', { pool: poolName })}
      verb="patch"
      resource={MachineConfigPoolModel.plural}
      onClose={onClose}
    >
      <p data-test="resume-pool-warning">{warning}</p>
    </ConfirmActionModal>
  );
};

export default ResumePoolModal;
