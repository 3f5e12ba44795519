import { useState } from 'react';
import { useAccessReview } from '@openshift-console/dynamic-plugin-sdk';
import {
  Alert,
  Button,
  ClipboardCopy,
  Form,
  FormGroup,
  FormHelperText,
  HelperText,
  HelperTextItem,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  ModalVariant,
  Stack,
  StackItem,
  TextInput,
} from '@patternfly/react-core';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import { PodModel } from '../../k8s/models';
import { DEFAULT_VERIFY_IMAGE, DEFAULT_VERIFY_NAMESPACE } from '../../rollout';
import type { NodeRollout } from '../../rollout';
import ApiErrorAlert from '../shared/ApiErrorAlert';
import { errorMessage } from '../shared/error-message';
import type { Verification } from './useVerifications';
import { VerifyCancelledError, VerifyPodError, VerifyTimeoutError } from './verify-runner';
import VerifyProgress from './VerifyProgress';
import VerifyResultView from './VerifyResultView';

interface VerifyNodeModalProps {
  node: NodeRollout;
  /** The Day 1 MachineConfigs in the target of the node's pool. */
  machineConfigs: readonly string[];
  verification?: Verification;
  onStart: (request: { namespace: string; image: string }) => void;
  onClose: () => void;
}

/** Why the run stopped, with what to do about it. */
const RunError = ({ error }: { error: unknown }) => {
  const { t } = usePluginTranslation();
  if (error instanceof VerifyCancelledError) {
    return <Alert isInline variant="info" title={t('Verification cancelled')} />;
  }
  if (error instanceof VerifyTimeoutError) {
    return (
      <Alert
        isInline
        variant="warning"
        title={t('The pod did not finish in time')}
        data-test="verify-timeout"
      >
        {t(
          'The pod {{podName}} did not finish within {{seconds}} s. The node may be busy or unreachable, or its image slow to pull.',
          { podName: error.podName, seconds: Math.round(error.timeoutMs / 1000) },
        )}
      </Alert>
    );
  }
  if (error instanceof VerifyPodError) {
    return (
      <Alert isInline variant="danger" title={t('The pod cannot run')} data-test="verify-pod-error">
        {errorMessage(error)}
      </Alert>
    );
  }
  return (
    <ApiErrorAlert
      error={error}
      title={t('Verification failed')}
      verb="create"
      resource={PodModel.plural}
    />
  );
};

/**
 * Verify: runs a short-lived debug pod on the node that reads the Day 1 status files, lsmod and the Day 1
 * units' journal, shows what it found, and deletes the pod. The run belongs to the page: closing this
 * dialog leaves it running, and its result shows in the node table.
 */
const VerifyNodeModal = ({
  node,
  machineConfigs,
  verification,
  onStart,
  onClose,
}: VerifyNodeModalProps) => {
  const { t } = usePluginTranslation();
  const [namespace, setNamespace] = useState(
    verification?.request.namespace ?? DEFAULT_VERIFY_NAMESPACE,
  );
  const [image, setImage] = useState(verification?.request.image ?? DEFAULT_VERIFY_IMAGE);
  const trimmedNamespace = namespace.trim();
  const [canCreatePods, checkingAccess] = useAccessReview({
    group: '',
    resource: PodModel.plural,
    verb: 'create',
    namespace: trimmedNamespace || undefined,
  });
  const running = verification?.step !== undefined;
  const result = running ? undefined : verification?.result;
  const canRun =
    !running &&
    canCreatePods &&
    trimmedNamespace !== '' &&
    image.trim() !== '' &&
    machineConfigs.length > 0;

  return (
    <Modal
      variant={ModalVariant.medium}
      isOpen
      onClose={onClose}
      aria-labelledby="verify-node-title"
      aria-describedby="verify-node-body"
      data-test="verify-node-modal"
    >
      <ModalHeader
        title={t('Verify the Day 1 kernel module on {{node}}', { node: node.name })}
        labelId="verify-node-title"
      />
      <ModalBody id="verify-node-body">
        <Stack hasGutter>
          <StackItem>
            {t(
              'Runs a short-lived privileged pod on the node, as oc debug node does. It reads the Day 1 status files, lsmod and the last journal lines of the Day 1 units, then the pod is deleted.',
            )}
          </StackItem>
          <StackItem>
            {machineConfigs.length > 0
              ? t('Day 1 configs checked: {{names}}', { names: machineConfigs.join(', ') })
              : t("The target config of this node's pool has no Day 1 config to verify.")}
          </StackItem>
          <StackItem>
            <Form
              onSubmit={(event) => {
                event.preventDefault();
              }}
            >
              <FormGroup label={t('Namespace for the pod')} isRequired fieldId="verify-namespace">
                <TextInput
                  id="verify-namespace"
                  value={namespace}
                  onChange={(_event, value) => {
                    setNamespace(value);
                  }}
                  isDisabled={running}
                  data-test="verify-namespace"
                />
                <FormHelperText>
                  <HelperText>
                    {!checkingAccess && trimmedNamespace !== '' && !canCreatePods ? (
                      <HelperTextItem variant="error" data-test="verify-denied">
                        {t('You cannot create pods in {{podNamespace}}.', {
                          podNamespace: trimmedNamespace,
                        })}
                      </HelperTextItem>
                    ) : (
                      <HelperTextItem>
                        {t('Privileged pods must be admitted there (pod security "privileged").')}
                      </HelperTextItem>
                    )}
                  </HelperText>
                </FormHelperText>
              </FormGroup>
              <FormGroup label={t('Image')} isRequired fieldId="verify-image">
                <TextInput
                  id="verify-image"
                  value={image}
                  onChange={(_event, value) => {
                    setImage(value);
                  }}
                  isDisabled={running}
                  data-test="verify-image"
                />
              </FormGroup>
            </Form>
          </StackItem>
          {verification && (running || result) && (
            <StackItem>
              <VerifyProgress step={verification.step} podName={verification.podName} />
            </StackItem>
          )}
          {result?.error !== undefined && (
            <StackItem>
              <RunError error={result.error} />
            </StackItem>
          )}
          {result?.cleanupError !== undefined && result.pod && (
            <StackItem>
              <Alert
                isInline
                variant="warning"
                title={t('The pod {{podName}} could not be deleted', { podName: result.pod.name })}
                data-test="verify-cleanup-error"
              >
                <p>{errorMessage(result.cleanupError)}</p>
                <p>{t('It stops by itself within 5 minutes. To remove it:')}</p>
                <ClipboardCopy isReadOnly hoverTip={t('Copy')} clickTip={t('Copied')}>
                  {`oc delete pod -n ${result.pod.namespace} ${result.pod.name}`}
                </ClipboardCopy>
              </Alert>
            </StackItem>
          )}
          {result?.output && (
            <StackItem>
              <VerifyResultView node={node} output={result.output} log={result.log ?? ''} />
            </StackItem>
          )}
        </Stack>
      </ModalBody>
      <ModalFooter>
        {running ? (
          <Button variant="secondary" onClick={verification.cancel} data-test="verify-cancel">
            {t('Cancel verification')}
          </Button>
        ) : (
          <Button
            variant="primary"
            isAriaDisabled={!canRun}
            onClick={() => {
              onStart({ namespace: trimmedNamespace, image: image.trim() });
            }}
            data-test="verify-run"
          >
            {result ? t('Verify again') : t('Verify')}
          </Button>
        )}
        <Button variant="link" onClick={onClose} data-test="verify-close">
          {t('Close')}
        </Button>
      </ModalFooter>
    </Modal>
  );
};

export default VerifyNodeModal;
