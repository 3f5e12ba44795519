import {
  Button,
  Content,
  List,
  ListItem,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  Stack,
} from '@patternfly/react-core';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import type { ConfigChange, Preflight } from '../../preflight';
import { rebootNoteTestId, rebootNoteText } from '../day1-create/preflight-text';
import { fieldLabel } from './field-labels';

interface ConfirmEditModalProps {
  machineConfigName: string;
  change: ConfigChange;
  /** The preflight the page shows: the confirmation says what it says, never something else. */
  preflight: Preflight;
  onConfirm: () => void;
  onCancel: () => void;
}

/** The last word before nodes reboot for an edit: what changes, and which nodes reboot and how. */
const ConfirmEditModal = ({
  machineConfigName,
  change,
  preflight,
  onConfirm,
  onCancel,
}: ConfirmEditModalProps) => {
  const { t } = usePluginTranslation();
  return (
    <Modal
      variant="medium"
      isOpen
      onClose={onCancel}
      aria-labelledby="day1-edit-confirm-title"
      aria-describedby="day1-edit-confirm-body"
      data-test="day1-edit-confirm-modal"
    >
      <ModalHeader
        title={t('Save {{name}} and reboot nodes?', { name: machineConfigName })}
        labelId="day1-edit-confirm-title"
        titleIconVariant="warning"
      />
      <ModalBody id="day1-edit-confirm-body">
        <Stack hasGutter>
          <Content component="p" data-test="day1-edit-confirm-changes">
            {change.fields.length > 0
              ? t('Changed: {{fields}}.', {
                  fields: change.fields.map((field) => fieldLabel(t, field)).join(', '),
                })
              : t(
                  'The parameters are the same, but the config is rewritten in the shape this console makes.',
                )}
          </Content>
          <List>
            {preflight.rebootNotes.map((note) => (
              <ListItem key={note.code} data-test={rebootNoteTestId('day1-edit-confirm', note)}>
                {rebootNoteText(t, note)}
              </ListItem>
            ))}
          </List>
          <Content component="p">
            {t(
              'The server checks the update first (a dry run). It is refused, and nothing is written, if anyone changed the config since you opened it.',
            )}
          </Content>
        </Stack>
      </ModalBody>
      <ModalFooter>
        <Button variant="danger" onClick={onConfirm} data-test="day1-edit-confirm-save">
          {t('Save and reboot nodes')}
        </Button>
        <Button variant="link" onClick={onCancel} data-test="day1-edit-confirm-cancel">
          {t('Cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
};

export default ConfirmEditModal;
