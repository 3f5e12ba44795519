import { ProgressStep, ProgressStepper } from '@patternfly/react-core';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import type { CreateStep, StepStatus } from './create-sequence';

const VARIANT: Record<StepStatus, 'default' | 'info' | 'success' | 'danger'> = {
  pending: 'default',
  running: 'info',
  done: 'success',
  failed: 'danger',
};

/** Each step of the create as it happens: dry runs, writes, and any rollback. */
const CreateProgress = ({ steps }: { steps: CreateStep[] }) => {
  const { t } = usePluginTranslation();
  const title = ({ phase, target, name }: CreateStep): string => {
    switch (`${phase}:${target}`) {
      case 'dryRun:pool':
        return t('Check the MachineConfigPool {{name}} (dry run)', { name });
      case 'dryRun:machineConfig':
        return t('Check the MachineConfig {{name}} (dry run)', { name });
      case 'dryRun:nodeLabel':
        return t('Check the label on node {{name}} (dry run)', { name });
      case 'apply:pool':
        return t('Create the MachineConfigPool {{name}}', { name });
      case 'apply:machineConfig':
        return t('Create the MachineConfig {{name}}', { name });
      case 'apply:nodeLabel':
        return t('Label node {{name}}', { name });
      case 'rollback:pool':
        return t('Roll back: delete the MachineConfigPool {{name}}', { name });
      case 'rollback:machineConfig':
        return t('Roll back: delete the MachineConfig {{name}}', { name });
      default:
        return t('Roll back: remove the label from node {{name}}', { name });
    }
  };
  const status: Record<StepStatus, string> = {
    pending: t('Not started'),
    running: t('In progress'),
    done: t('Done'),
    failed: t('Failed'),
  };
  return (
    <ProgressStepper isVertical aria-label={t('Create progress')} data-test="day1-create-progress">
      {steps.map((step) => (
        <ProgressStep
          key={step.id}
          id={`day1-step-${step.id}`}
          titleId={`day1-step-${step.id}-title`}
          variant={VARIANT[step.status]}
          isCurrent={step.status === 'running'}
          description={status[step.status]}
          aria-label={`${title(step)}: ${status[step.status]}`}
          data-test={`day1-step-${step.id}`}
          data-status={step.status}
        >
          {title(step)}
        </ProgressStep>
      ))}
    </ProgressStepper>
  );
};

export default CreateProgress;
