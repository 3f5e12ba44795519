import { Alert, AlertActionCloseButton, Content } from '@patternfly/react-core';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import type { Translate } from '../shared/usePluginTranslation';
import type { Reapplied, ReapplyConflict } from '../../preflight';
import { fieldLabel } from './field-labels';

interface ReappliedAlertProps {
  /** The resourceVersion of the newer config the edit now applies to. */
  version: string;
  /** The merge; undefined when the newer version is not a Day 1 config this page can read. */
  reapplied?: Reapplied;
  onClose: () => void;
}

const valueText = (t: Translate, value: ReapplyConflict['mine']): string => {
  const text = typeof value === 'string' ? value : value.join(', ');
  return text === '' ? t('none') : text;
};

/**
 * After "Reapply my changes on top": which parameters came from the newer version (the other
 * person's changes, kept), and each one both changed differently, with both values (the user's is in
 * the form). The diff in the preview is against the newer version, to review before saving again.
 */
const ReappliedAlert = ({ version, reapplied, onClose }: ReappliedAlertProps) => {
  const { t } = usePluginTranslation();
  const close = <AlertActionCloseButton onClose={onClose} />;
  if (reapplied === undefined)
    return (
      <Alert
        variant="warning"
        isInline
        title={t(
          'Version {{version}} is not a Day 1 config this page can read: saving replaces it with the form as it is',
          { version },
        )}
        actionClose={close}
        data-test="day1-edit-reapplied"
      >
        {t('Check the changes in the preview before saving again.')}
      </Alert>
    );
  const { conflicts, fromTheirs } = reapplied;
  return (
    <Alert
      variant={conflicts.length > 0 ? 'warning' : 'info'}
      isInline
      title={
        conflicts.length > 0
          ? t(
              'Your changes are reapplied on top of version {{version}}: check the fields you both changed',
              { version },
            )
          : t('Your changes are reapplied on top of version {{version}}', { version })
      }
      actionClose={close}
      data-test="day1-edit-reapplied"
    >
      {fromTheirs.length > 0 && (
        <Content component="p" data-test="day1-edit-reapplied-theirs">
          {t('Kept from the newer version: {{fields}}.', {
            fields: fromTheirs.map((field) => fieldLabel(t, field)).join(', '),
          })}
        </Content>
      )}
      {conflicts.length > 0 && (
        <Content component="ul">
          {conflicts.map((conflict) => (
            <Content
              component="li"
              key={conflict.field}
              data-test={`day1-edit-reapplied-conflict-${conflict.field}`}
            >
              {t(
                '{{field}} was changed by both: the form keeps yours, {{mine}}; the newer version has {{theirs}}.',
                {
                  field: fieldLabel(t, conflict.field),
                  mine: valueText(t, conflict.mine),
                  theirs: valueText(t, conflict.theirs),
                },
              )}
            </Content>
          ))}
        </Content>
      )}
      <Content component="p">
        {t(
          'The preview shows your changes against version {{version}}. Save again to apply them.',
          {
            version,
          },
        )}
      </Content>
    </Alert>
  );
};

export default ReappliedAlert;
