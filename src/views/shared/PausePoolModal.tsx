import { k8sPatch } from '@openshift-console/dynamic-plugin-sdk';
import { Alert, Stack } from '@patternfly/react-core';
import { usePluginTranslation } from './usePluginTranslation';
import { MachineConfigPoolModel } from '../../k8s/models';
import ConfirmActionModal from './ConfirmActionModal';

/**
 * Where the pause is asked for, which changes what the confirmation stresses: the rollout page (nodes
 * behind stay where they are), the create page (the new config waits), an OpenShift update (the
 * nodes stay on the old kernel).
 */
export type PauseContext = 'rollout' | 'create' | 'update';

interface PausePoolModalProps {
  poolName: string;
  context: PauseContext;
  onClose: () => void;
}

/**
 * Confirms pausing a pool, saying what it means: MCO applies no new rendered config to its nodes, so
 * none is drained or rebooted until the pool is resumed, and the paused nodes miss the kubelet CA
 * rotation.
 */
const PausePoolModal = ({ poolName, context, onClose }: PausePoolModalProps) => {
  const { t } = usePluginTranslation();
  const situation = {
    rollout: t(
      'The nodes of {{pool}} that are not on its target config yet stay on the config they run now.',
      { pool: poolName },
    ),
    create: t(
      'The config you create is rendered for {{pool}}, but no node of the pool reboots into it until you resume the pool, from its rollout page.',
      { pool: poolName },
    ),
    update: t(
      'During an OpenShift update, pausing holds the nodes of {{pool}} on the old kernel and the old OpenShift version: the update of this pool cannot finish until you resume it. Resume once the module image has a tag for the new kernel.',
      { pool: poolName },
    ),
  }[context];
  return (
    <ConfirmActionModal
      id="pause-pool"
      title={t('Pause {{pool}}?', { pool: poolName })}
      confirmLabel={t('Pause')}
      confirmVariant="primary"
      action={() =>
        // A stub, not the watched object: only the name is needed. "add" sets the field, present or not.
        k8sPatch({
          model: MachineConfigPoolModel,
          resource: { metadata: { name: poolName } },
          data: [{ op: 'add', path: '/spec/paused', value: true }],
        })
      }
      failureTitle={t('Could not pause {{pool}}', { pool: poolName })}
      verb="patch"
      resource={MachineConfigPoolModel.plural}
      onClose={onClose}
    >
      <Stack hasGutter>
        <p data-test="pause-pool-meaning">
          {t(
            'While {{pool}} is paused, the Machine Config Operator applies no new rendered config to its nodes: it drains and reboots none of them until you resume the pool. A node already in the middle of an update finishes it.',
            { pool: poolName },
          )}
        </p>
        <p data-test={`pause-pool-${context}`}>{situation}</p>
        <Alert
          variant="warning"
          isInline
          isPlain
          title={t('Paused nodes miss certificate updates')}
          data-test="pause-pool-certificates"
        >
          {t(
            'The kube-apiserver-to-kubelet CA certificate is renewed automatically (a new one about 292 days after installation, the old one removed after 365 days), and the nodes of a paused pool do not get it. Resume the pool before a rotation, or the cluster degrades and oc debug, oc logs, oc exec and oc attach fail on these nodes.',
          )}
        </Alert>
      </Stack>
    </ConfirmActionModal>
  );
};

export default PausePoolModal;
