import {
  Alert,
  Button,
  ClipboardCopy,
  Content,
  List,
  ListItem,
  Stack,
} from '@patternfly/react-core';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import { MachineConfigModel, MachineConfigPoolModel, NodeModel } from '../../k8s/models';
import { readApiError } from '../../k8s/api-error';
import { nextFreeName } from './next-free-name';
import type { CreateResult, CreateStep } from './create-sequence';

type Failure = Extract<CreateResult, { outcome: 'failed' }>;

interface CreateErrorAlertProps {
  failure: Failure;
  /** The label the flow puts on a new pool's nodes, for the clean-up commands. */
  labelKey?: string;
  onUseName: (name: string) => void;
}

const MODEL_OF = {
  pool: MachineConfigPoolModel,
  machineConfig: MachineConfigModel,
  nodeLabel: NodeModel,
} as const;

/** The `oc` command that removes what a failed rollback step left behind. */
const cleanUpCommand = (step: CreateStep, labelKey: string): string => {
  switch (step.target) {
    case 'pool':
      return `oc delete machineconfigpool ${step.name}`;
    case 'machineConfig':
      return `oc delete machineconfig ${step.name}`;
    case 'nodeLabel':
      return `oc label node ${step.name} ${labelKey}-`;
  }
};

/** Why the create failed, what to do about it, and what, if anything, is left in the cluster. */
const CreateErrorAlert = ({ failure, labelKey = '', onUseName }: CreateErrorAlertProps) => {
  const { t } = usePluginTranslation();
  const { failedStep, rollbackFailures } = failure;
  const details = readApiError(failure.error);
  const model = MODEL_OF[failedStep.target];
  const verb = failedStep.target === 'nodeLabel' ? 'patch' : 'create';

  const guidance = () => {
    switch (details.code) {
      case 409:
        if (failedStep.target === 'machineConfig') {
          const suggestion = nextFreeName(failedStep.name);
          return (
            <>
              <Content component="p">
                {t('A MachineConfig named {{name}} already exists. Choose another name.', {
                  name: failedStep.name,
                })}
              </Content>
              <Button
                variant="link"
                isInline
                onClick={() => {
                  onUseName(suggestion);
                }}
                data-test="day1-use-suggested-name"
              >
                {t('Use {{name}}', { name: suggestion })}
              </Button>
            </>
          );
        }
        if (failedStep.target === 'pool') {
          return t(
            'A MachineConfigPool named {{name}} already exists. Choose it in the pool list, or another name for the new pool.',
            {
              name: failedStep.name,
            },
          );
        }
        return t('Node {{name}} changed while it was being labelled. Try again.', {
          name: failedStep.name,
        });
      case 403:
        return t(
          'Your user may not {{verb}} {{resource}}. Creating a Day 1 config needs permission to create machineconfigs, and for a new pool to create machineconfigpools and patch nodes: cluster administrators (the cluster-admin role) have them. Ask one to create this config, or to grant you these permissions.',
          { verb, resource: model.plural },
        );
      case 422:
        return (
          <>
            <Content component="p">
              {t('The API server rejected the {{kind}} {{name}} as invalid:', {
                kind: model.kind,
                name: failedStep.name,
              })}
            </Content>
            {details.causes.length > 0 && (
              <List data-test="day1-create-error-causes">
                {details.causes.map((cause) => (
                  <ListItem key={`${cause.field ?? ''}:${cause.message}`}>
                    {cause.field ? `${cause.field}: ${cause.message}` : cause.message}
                  </ListItem>
                ))}
              </List>
            )}
          </>
        );
      case 404:
        return t('{{kind}} {{name}} no longer exists. Reload the page and choose again.', {
          kind: model.kind,
          name: failedStep.name,
        });
      default:
        return t(
          'The API server could not complete the request. Check the cluster, then try again.',
        );
    }
  };

  return (
    <Stack hasGutter>
      <Alert
        variant="danger"
        isInline
        title={
          failure.phase === 'dryRun'
            ? t('The dry run failed: nothing was created')
            : rollbackFailures.length === 0
              ? t('Create failed: what this attempt had created was rolled back')
              : t('Create failed, and the rollback is incomplete')
        }
        data-test="day1-create-error"
        data-code={details.code}
      >
        <Stack hasGutter>
          <Content component="p" data-test="day1-create-error-message">
            {details.message}
          </Content>
          <div data-test="day1-create-error-guidance">{guidance()}</div>
          <Content component="small">{t('Every value in the form is kept.')}</Content>
        </Stack>
      </Alert>
      {rollbackFailures.length > 0 && (
        <Alert
          variant="danger"
          isInline
          title={t('Left in the cluster: remove these by hand')}
          data-test="day1-rollback-failed"
        >
          <List>
            {rollbackFailures.map((step) => (
              <ListItem key={step.id}>
                <Content component="p">{readApiError(step.error).message}</Content>
                <ClipboardCopy isReadOnly isCode hoverTip={t('Copy')} clickTip={t('Copied')}>
                  {cleanUpCommand(step, labelKey)}
                </ClipboardCopy>
              </ListItem>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  );
};

export default CreateErrorAlert;
