import { k8sDelete } from '@openshift-console/dynamic-plugin-sdk';
import { Alert, List, ListItem } from '@patternfly/react-core';
import { Trans } from 'react-i18next';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import { MachineConfigModel } from '../../k8s/models';
import ConfirmActionModal from '../shared/ConfirmActionModal';
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
  const { t } = usePluginTranslation();
  const name = row.summary.machineConfigName;
  const pools = row.reachedPools;
  const nodeCount = pools.reduce((sum, p) => sum + (p.status?.machineCount ?? 0), 0);
  return (
    <ConfirmActionModal
      id="delete-day1-config"
      title={t('Delete Day 1 kernel module config?')}
      confirmLabel={t('Delete')}
      confirmVariant="danger"
      action={() => k8sDelete({ model: MachineConfigModel, resource: row.machineConfig })}
      failureTitle={t('Could not delete {{name}}', { name })}
      verb="delete"
      resource={MachineConfigModel.plural}
      onClose={onClose}
    >
      <p>
        <Trans
          t={t}
          i18nKey="Deleting <strong>{{name}}</strong> removes its kernel module units from the nodes."
          values={{ name }}
          components={{ strong: <strong /> }}
        />
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
    </ConfirmActionModal>
  );
};

export default DeleteDay1ConfigModal;
