import { Alert, List, ListItem } from '@patternfly/react-core';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import type { RebootNote } from '../../preflight';
import { rebootNoteTestId, rebootNoteText } from './preflight-text';

interface RebootSummaryProps {
  /** The preflight's reboot notes, as the create confirmation shows them too. */
  notes: RebootNote[];
  /** Some node will boot without the module. */
  warning: boolean;
}

/** What creating or editing the config does to the pool's nodes: reboots, their number and how long. */
const RebootSummary = ({ notes, warning }: RebootSummaryProps) => {
  const { t } = usePluginTranslation();
  if (notes.length === 0) return null;
  const [first, ...rest] = notes;
  if (first.code === 'no-nodes' || first.code === 'no-change') {
    return (
      <Alert
        variant="info"
        isInline
        isPlain
        title={first.code === 'no-change' ? t('No change') : t('No node reboots yet')}
        data-test="day1-reboot-summary"
      >
        {rebootNoteText(t, first)}
      </Alert>
    );
  }
  return (
    <Alert
      variant={warning ? 'warning' : 'info'}
      isInline
      title={rebootNoteText(t, first)}
      data-test="day1-reboot-summary"
    >
      <List>
        {rest.map((note) => (
          <ListItem key={note.code} data-test={rebootNoteTestId('day1', note)}>
            {rebootNoteText(t, note)}
          </ListItem>
        ))}
      </List>
    </Alert>
  );
};

export default RebootSummary;
