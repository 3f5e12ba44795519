import { useState } from 'react';
import { k8sDelete } from '@openshift-console/dynamic-plugin-sdk';
import {
  Alert,
  Button,
  List,
  ListItem,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  ModalVariant,
} from '@patternfly/react-core';
import { Trans, useTranslation } from 'react-i18next';
import { MachineConfigModel } from '../../k8s/models';
import ApiErrorAlert from '../shared/ApiErrorAlert';
import type { Day1ConfigRow } from './types';

interface DeleteDay1ConfigModalProps {
  row: Day1ConfigRow;
  onClose: () => void;
}

/**
 * Confirms a delete, naming every pool whose nodes reboot: removing the MachineConfig makes MCO roll
 * the pool back to a config without the Day 1 units, so its nodes come back on the in-tree driver.
 */
const DeleteDay1ConfigModal = ({ row, onClose }: DeleteDay1ConfigModalProps) => {
  const { t } = useTranslation('plugin__kmm-day1-console-plugin');
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<unknown>();
  const name = row.summary.machineConfigName;
  const pools = row.reachedPools;
  const nodeCount = pools.reduce((sum, p) => sum + (p.status?.machineCount ?? 0), 0);

  const confirm = async () => {
    setDeleting(true);
    setError(undefined);
    try {
      await k8sDelete({ model: MachineConfigModel, resource: row.machineConfig });
      onClose();
    } catch (e) {
      setError(e);
      setDeleting(false);
    }
  };

  return (
    <Modal
      variant={ModalVariant.small}
      isOpen
      onClose={deleting ? undefined : onClose}
      aria-labelledby="delete-day1-config-title"
      aria-describedby="delete-day1-config-body"
      data-test="delete-day1-config-modal"
    >
      <ModalHeader
        title={t('Delete Day 1 kernel module config?')}
        titleIconVariant="warning"
        labelId="delete-day1-config-title"
      />
      <ModalBody id="delete-day1-config-body">
        <p>
          <Trans t={t} values={{ name }}>
            Deleting <strong>{'{{name}}'}</strong> removes its kernel module units from the nodes.
          </Trans>
        </p>
        {pools.length > 0 ? (
          <Alert
            variant="warning"
            isInline
            isPlain
            title={t('Nodes that will reboot: {{nodeCount}}', { nodeCount })}
            data-test="delete-day1-config-reboot-warning"
          >
            <p>
              {t(
                'The Machine Config Operator reboots the nodes of these pools, a few at a time, and they come back with the in-tree driver:',
              )}
            </p>
            <List>
              {pools.map((p) => (
                <ListItem key={p.metadata.name}>
                  {t('Pool {{pool}}, nodes: {{nodeCount}}', {
                    pool: p.metadata.name,
                    nodeCount: p.status?.machineCount ?? 0,
                  })}
                </ListItem>
              ))}
            </List>
          </Alert>
        ) : (
          <p data-test="delete-day1-config-no-pool">
            {t('No MachineConfigPool selects {{name}} (pool {{pool}}), so no node reboots.', {
              name,
              pool: row.summary.machineConfigPoolRef,
            })}
          </p>
        )}
        {error !== undefined && (
          <ApiErrorAlert
            error={error}
            title={t('Could not delete {{name}}', { name })}
            verb="delete"
            resource={MachineConfigModel.plural}
          />
        )}
      </ModalBody>
      <ModalFooter>
        <Button
          variant="danger"
          onClick={() => void confirm()}
          isLoading={deleting}
          isDisabled={deleting}
          data-test="confirm-delete-day1-config"
        >
          {t('Delete')}
        </Button>
        <Button variant="link" onClick={onClose} isDisabled={deleting}>
          {t('Cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
};

export default DeleteDay1ConfigModal;
