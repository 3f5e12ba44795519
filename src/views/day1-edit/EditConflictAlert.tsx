import { lazy, Suspense } from 'react';
import { Alert, AlertActionLink, Content, Spinner } from '@patternfly/react-core';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import type { MachineConfig } from '../../k8s/types';

const MachineConfigDiff = lazy(() => import('./MachineConfigDiff'));

interface EditConflictAlertProps {
  /** The config as the user loaded it. */
  base: MachineConfig;
  /** The config as it is in the cluster now. */
  theirs: MachineConfig;
  onReapply: () => void;
}

/**
 * A refused save (409): someone changed the config after the user opened it. Shows what they changed
 * (theirs against the version the user started from); the user's edits stay in the form, and can be
 * reapplied on top of the new version (a three-way merge: reapplyOnTop), which the user then reviews
 * and saves again.
 */
const EditConflictAlert = ({ base, theirs, onReapply }: EditConflictAlertProps) => {
  const { t } = usePluginTranslation();
  return (
    <Alert
      variant="warning"
      isInline
      title={t('{{name}} changed in the cluster after you opened it', {
        name: base.metadata.name,
      })}
      actionLinks={
        <AlertActionLink onClick={onReapply} data-test="day1-edit-reapply">
          {t('Reapply my changes on top')}
        </AlertActionLink>
      }
      data-test="day1-edit-conflict"
    >
      <Content component="p">
        {t(
          'Nothing was saved. Your changes are kept in the form. This is what changed meanwhile (version {{theirs}} against version {{base}}, which you started from):',
          {
            theirs: theirs.metadata.resourceVersion ?? '?',
            base: base.metadata.resourceVersion ?? '?',
          },
        )}
      </Content>
      <Suspense fallback={<Spinner size="md" aria-label={t('Loading')} />}>
        <MachineConfigDiff
          before={base}
          after={theirs}
          testId="day1-edit-their-diff"
          sameText={t('Only the server metadata changed.')}
        />
      </Suspense>
      <Content component="p">
        {t(
          'Reapplying keeps the fields you changed, and takes the newer version of the fields you left alone.',
        )}
      </Content>
    </Alert>
  );
};

export default EditConflictAlert;
