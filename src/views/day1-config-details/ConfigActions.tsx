import { useState } from 'react';
import { useAccessReview } from '@openshift-console/dynamic-plugin-sdk';
import { Dropdown, DropdownItem, DropdownList, MenuToggle } from '@patternfly/react-core';
import { useNavigate } from 'react-router';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import { MachineConfigModel } from '../../k8s/models';
import type { ManagingBootModuleConfig } from '../../k8s/boot-module-config';
import { day1EditPath } from '../shared/paths';

interface ConfigActionsProps {
  name: string;
  /** KMM's BootModuleConfig that writes the config, which would revert an edit or a delete. */
  managedBy?: ManagingBootModuleConfig;
  onDelete: () => void;
}

/**
 * The page's Actions menu: Edit and Delete, each disabled with the reason (KMM managing the config,
 * or the access review).
 */
const ConfigActions = ({ name, managedBy, onDelete }: ConfigActionsProps) => {
  const { t } = usePluginTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const access = { group: MachineConfigModel.apiGroup, resource: MachineConfigModel.plural, name };
  const [canUpdate] = useAccessReview({ ...access, verb: 'update' });
  const [canDelete] = useAccessReview({ ...access, verb: 'delete' });
  const editBlocked = managedBy
    ? t('Managed by KMM: change the BootModuleConfig {{bmc}} instead.', { bmc: managedBy.name })
    : canUpdate
      ? undefined
      : t('You cannot update MachineConfigs.');
  // KMM would create the config again from its BootModuleConfig.
  const deleteBlocked = managedBy
    ? t('Managed by KMM: delete or change the BootModuleConfig {{bmc}} instead.', {
        bmc: managedBy.name,
      })
    : canDelete
      ? undefined
      : t('You cannot delete MachineConfigs.');
  return (
    <Dropdown
      isOpen={open}
      onOpenChange={setOpen}
      onSelect={() => {
        setOpen(false);
      }}
      popperProps={{ position: 'right' }}
      toggle={(toggleRef) => (
        <MenuToggle
          ref={toggleRef}
          onClick={() => {
            setOpen((current) => !current);
          }}
          isExpanded={open}
          data-test="config-actions"
        >
          {t('Actions')}
        </MenuToggle>
      )}
    >
      <DropdownList>
        <DropdownItem
          key="edit"
          onClick={() => void navigate(day1EditPath(name))}
          isAriaDisabled={editBlocked !== undefined}
          tooltipProps={editBlocked === undefined ? undefined : { content: editBlocked }}
          data-test="config-action-edit"
        >
          {t('Edit')}
        </DropdownItem>
        <DropdownItem
          key="delete"
          onClick={onDelete}
          isAriaDisabled={deleteBlocked !== undefined}
          isDanger
          tooltipProps={deleteBlocked === undefined ? undefined : { content: deleteBlocked }}
          data-test="config-action-delete"
        >
          {t('Delete')}
        </DropdownItem>
      </DropdownList>
    </Dropdown>
  );
};

export default ConfigActions;
