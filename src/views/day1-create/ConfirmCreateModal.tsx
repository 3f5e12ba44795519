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
import { useTranslation } from 'react-i18next';
import type { RebootPlan, SameModuleConfig } from '../../preflight';
import SameModuleWarning from './SameModuleWarning';

interface ConfirmCreateModalProps {
  isOpen: boolean;
  poolName: string;
  machineConfigName: string;
  plan?: RebootPlan;
  /** Set when the flow also creates the pool and labels these nodes. */
  newPoolNodes?: string[];
  /** Other Day 1 configs that load the same module on these nodes: warned about once more here. */
  sameModule?: SameModuleConfig[];
  moduleName?: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/** The last word before nodes reboot: which pool, how many nodes, and twice on first apply. */
const ConfirmCreateModal = ({
  isOpen,
  poolName,
  machineConfigName,
  plan,
  newPoolNodes,
  sameModule = [],
  moduleName = '',
  onConfirm,
  onCancel,
}: ConfirmCreateModalProps) => {
  const { t } = useTranslation('plugin__kmm-day1-console-plugin');
  const nodeCount = plan?.nodeCount ?? 0;
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
            <ListItem data-test="day1-confirm-reboots">
              {nodeCount === 0
                ? t(
                    'No node of pool {{pool}} reboots now; nodes that join it later reboot to load the module.',
                    {
                      pool: poolName,
                    },
                  )
                : t(
                    'Nodes of pool {{pool}} that will reboot: {{nodes}}. Each reboots twice on first apply: once to apply the config, and once more after pulling the kernel module image.',
                    { pool: poolName, nodes: nodeCount },
                  )}
            </ListItem>
            {plan && plan.nodeCount > 0 && (
              <ListItem>
                {t('{{maxUnavailable}} at a time, about {{low}} to {{high}} minutes in all.', {
                  maxUnavailable: plan.maxUnavailable,
                  low: plan.estimatedMinutes.low,
                  high: plan.estimatedMinutes.high,
                })}
              </ListItem>
            )}
            {plan?.paused && (
              <ListItem>{t('The pool is paused: no node reboots until you resume it.')}</ListItem>
            )}
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
