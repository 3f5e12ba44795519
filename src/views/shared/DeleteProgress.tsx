import { ProgressStep, ProgressStepper } from '@patternfly/react-core';
import { usePluginTranslation } from './usePluginTranslation';
import type { DeleteStep, DeleteStepStatus } from './delete-sequence';

const VARIANT: Record<DeleteStepStatus, 'default' | 'info' | 'success' | 'danger'> = {
  pending: 'default',
  running: 'info',
  done: 'success',
  failed: 'danger',
};

interface DeleteProgressProps {
  steps: DeleteStep[];
  /** While the sequence waits: how many nodes have left the pool. */
  nodesLeft?: { done: number; total: number };
}

/** Each step of a delete with its pool: each node's label, the wait, the config, the pool. */
const DeleteProgress = ({ steps, nodesLeft }: DeleteProgressProps) => {
  const { t } = usePluginTranslation();
  const title = ({ target, name }: DeleteStep): string => {
    switch (target) {
      case 'machineConfig':
        return t('Delete the MachineConfig {{name}}', { name });
      case 'nodeLabel':
        return t('Remove the pool label from node {{name}}', { name });
      case 'waitNodes':
        return t('Wait until the Machine Config Operator has moved the nodes to their new pool');
      case 'pool':
        return t('Delete the MachineConfigPool {{name}}', { name });
    }
  };
  const status: Record<DeleteStepStatus, string> = {
    pending: t('Not started'),
    running: t('In progress'),
    done: t('Done'),
    failed: t('Failed'),
  };
  const description = (step: DeleteStep): string =>
    step.target === 'waitNodes' && step.status === 'running' && nodesLeft
      ? t('Nodes moved: {{done}} of {{total}}', nodesLeft)
      : status[step.status];
  return (
    <ProgressStepper isVertical aria-label={t('Delete progress')} data-test="delete-progress">
      {steps.map((step) => (
        <ProgressStep
          key={step.id}
          id={`delete-step-${step.id}`}
          titleId={`delete-step-${step.id}-title`}
          variant={VARIANT[step.status]}
          isCurrent={step.status === 'running'}
          description={description(step)}
          aria-label={t('{{step}}: {{status}}', {
            step: title(step),
            status: description(step),
          })}
          data-test={`delete-step-${step.id}`}
          data-status={step.status}
        >
          {title(step)}
        </ProgressStep>
      ))}
    </ProgressStepper>
  );
};

export default DeleteProgress;
