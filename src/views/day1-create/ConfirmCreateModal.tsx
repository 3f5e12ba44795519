import {
  Button,
  Stack,
  List,
  ListItem,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  Content,
} from '@patternfly/react-core';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import type { Preflight, SameModuleConfig } from '../../preflight';
import { poolNoteText, rebootNoteTestId, rebootNoteText } from './preflight-text';
import SameModuleWarning from './SameModuleWarning';

interface ConfirmCreateModalProps {
  isOpen: boolean;
  poolName: string;
  machineConfigName: string;
  /** The preflight the page shows: the confirmation says what it says, never something else. */
  preflight: Preflight;
  /** Set when the flow also creates the pool and labels these nodes. */
  newPoolNodes?: string[];
  /** Other Day 1 configs that load the same module on these nodes: warned about once more here. */
  sameModule?: SameModuleConfig[];
  moduleName?: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * The last word before nodes reboot: which pool, which nodes, and how each reboots, in the preflight's
 * own words.
 */
const ConfirmCreateModal = ({
  isOpen,
  poolName,
  machineConfigName,
  preflight,
  newPoolNodes,
  sameModule = [],
  moduleName = '',
  onConfirm,
  onCancel,
}: ConfirmCreateModalProps) => {
  const { t } = usePluginTranslation();
  return (
    <Modal
      variant="medium"
      isOpen={isOpen}
      onClose={onCancel}
      aria-labelledby="day1-confirm-title"
      aria-describedby="day1-confirm-body"
      data-test="day1-confirm-modal"
    >
      <ModalHeader
        title={t('Create {{name}} and reboot nodes?', { name: machineConfigName })}
        labelId="day1-confirm-title"
        titleIconVariant="warning"
      />
      <ModalBody id="day1-confirm-body">
        <Stack hasGutter>
          <List>
            {newPoolNodes && (
              <ListItem>
                {t(
                  'Create the MachineConfigPool {{pool}} and move these nodes into it: {{nodes}}.',
                  {
                    pool: poolName,
                    nodes: newPoolNodes.join(', '),
                  },
                )}
              </ListItem>
            )}
            {/* The item above names the moved nodes; these say what the move means for their configs. */}
            {newPoolNodes &&
              preflight.poolNotes
                .filter((note) => note.code !== 'nodes-leave-pool')
                .map((note) => (
                  <ListItem
                    key={`${note.code}-${'from' in note ? note.from : ''}`}
                    data-test={`day1-confirm-${note.code}`}
                  >
                    {poolNoteText(t, note)}
                  </ListItem>
                ))}
            {preflight.rebootNotes.map((note) => (
              <ListItem key={note.code} data-test={rebootNoteTestId('day1-confirm', note)}>
                {rebootNoteText(t, note)}
              </ListItem>
            ))}
          </List>
          <SameModuleWarning
            moduleName={moduleName}
            configs={sameModule}
            testId="day1-confirm-same-module"
          />
          <Content component="p">
            {t(
              'The server checks everything first (a dry run); nothing is created if any check fails.',
            )}
          </Content>
        </Stack>
      </ModalBody>
      <ModalFooter>
        <Button variant="danger" onClick={onConfirm} data-test="day1-confirm-create">
          {t('Create and reboot nodes')}
        </Button>
        <Button variant="link" onClick={onCancel} data-test="day1-confirm-cancel">
          {t('Cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
};

export default ConfirmCreateModal;
