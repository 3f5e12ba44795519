import { ProgressStep, ProgressStepper } from '@patternfly/react-core';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import type { VerifyStep } from './verify-runner';

const STEPS: readonly VerifyStep[] = ['creating', 'waiting', 'reading', 'deleting'];

interface VerifyProgressProps {
  /** The step running now; undefined once the run is over. */
  step?: VerifyStep;
  podName?: string;
}

/** The Verify run's steps, the current one highlighted. */
const VerifyProgress = ({ step, podName }: VerifyProgressProps) => {
  const { t } = usePluginTranslation();
  const current = step === undefined ? STEPS.length : STEPS.indexOf(step);
  const title = (s: VerifyStep): string => {
    switch (s) {
      case 'creating':
        return t('Create the debug pod');
      case 'waiting':
        return podName
          ? t('Wait for the pod {{podName}} to finish', { podName })
          : t('Wait for the pod to finish');
      case 'reading':
        return t('Read its log');
      case 'deleting':
        return t('Delete the pod');
    }
  };
  return (
    <ProgressStepper isVertical aria-label={t('Verify progress')} data-test="verify-progress">
      {STEPS.map((s, i) => (
        <ProgressStep
          key={s}
          id={`verify-step-${s}`}
          titleId={`verify-step-${s}-title`}
          variant={i < current ? 'success' : i === current ? 'info' : 'pending'}
          isCurrent={i === current}
          data-test={`verify-step-${s}`}
          data-status={i < current ? 'done' : i === current ? 'running' : 'pending'}
        >
          {title(s)}
        </ProgressStep>
      ))}
    </ProgressStepper>
  );
};

export default VerifyProgress;
