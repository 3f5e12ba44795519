import { k8sPatch } from '@openshift-console/dynamic-plugin-sdk';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import { MachineConfigPoolModel } from '../../k8s/models';
import ConfirmActionModal from '../shared/ConfirmActionModal';

interface ResumeAfterTagModalProps {
  poolName: string;
  onClose: () => void;
}

/** Confirms resuming a pool paused for an OpenShift update, now that the image has the tag. */
const ResumeAfterTagModal = ({ poolName, onClose }: ResumeAfterTagModalProps) => {
  const { t } = usePluginTranslation();
  return (
    <ConfirmActionModal
      id="resume-after-tag"
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
      <p data-test="resume-after-tag-warning">
        {t(
          'The Machine Config Operator then drains and reboots the nodes of {{pool}} one batch at a time (maxUnavailable) into the new OpenShift version and its kernel; each pulls the module image for that kernel at boot.',
          { pool: poolName },
        )}
      </p>
    </ConfirmActionModal>
  );
};

export default ResumeAfterTagModal;
