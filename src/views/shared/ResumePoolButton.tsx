import { lazy } from 'react';
import { PlayIcon } from '@patternfly/react-icons';
import { usePluginTranslation } from './usePluginTranslation';
import type { PoolRollout } from '../../rollout';
import PoolPatchButton from './PoolPatchButton';
import type { ResumeContext } from './ResumePoolModal';

// Not needed before the user asks to resume.
const ResumePoolModal = lazy(() => import('./ResumePoolModal'));

interface ResumePoolButtonProps {
  /** The pool's rollout (the confirmation then counts the nodes to update), or only its name. */
  pool: PoolRollout | string;
  /** Where the button is: the confirmation says what resuming means there. */
  context: ResumeContext;
  /** The button's text; "Resume" by default. */
  label?: string;
}

/** Resume for a paused pool, after a confirmation, if the user may patch it; the reason otherwise. */
const ResumePoolButton = ({ pool, context, label }: ResumePoolButtonProps) => {
  const { t } = usePluginTranslation();
  const poolName = typeof pool === 'string' ? pool : pool.name;
  return (
    <PoolPatchButton
      poolName={poolName}
      icon={<PlayIcon />}
      label={label ?? t('Resume')}
      // During an update, resuming is what the banner asks for once the tags exist.
      variant={context === 'update' ? 'primary' : 'secondary'}
      testId="resume-pool"
      confirmation={(close) => (
        <ResumePoolModal
          poolName={poolName}
          rollout={typeof pool === 'string' ? undefined : pool}
          context={context}
          onClose={close}
        />
      )}
    />
  );
};

export default ResumePoolButton;
