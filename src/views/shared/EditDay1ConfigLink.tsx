import { useAccessReview } from '@openshift-console/dynamic-plugin-sdk';
import { Button, Tooltip } from '@patternfly/react-core';
import { PencilAltIcon } from '@patternfly/react-icons';
import { Link } from 'react-router';
import { usePluginTranslation } from './usePluginTranslation';
import { MachineConfigModel } from '../../k8s/models';
import type { MachineConfig } from '../../k8s/types';
import { managingBootModuleConfig } from '../../k8s/boot-module-config';
import { day1EditPath } from './paths';
import { useBootModuleConfigs } from './useBootModuleConfigs';

interface EditDay1ConfigLinkProps {
  machineConfigName: string;
  /**
   * The MachineConfig, where the caller has it: KMM may mark a config it manages only through an
   * owner reference. Without it, only a BootModuleConfig naming the config tells.
   */
  machineConfig?: MachineConfig;
}

/**
 * An Edit link for one Day 1 config, disabled with the reason when the user may not update
 * MachineConfigs or KMM's BootModuleConfig manages the config (an owner reference on it, or a BMC
 * whose machineConfigName is its name).
 */
const EditDay1ConfigLink = ({ machineConfigName, machineConfig }: EditDay1ConfigLinkProps) => {
  const { t } = usePluginTranslation();
  const [canUpdate, loading] = useAccessReview({
    group: MachineConfigModel.apiGroup,
    resource: MachineConfigModel.plural,
    verb: 'update',
  });
  const bmcs = useBootModuleConfigs();
  const managedBy = managingBootModuleConfig(
    machineConfig ?? { metadata: { name: machineConfigName } },
    bmcs.items,
  );
  const reason = managedBy
    ? t('Managed by KMM: change the BootModuleConfig {{bmc}} instead.', { bmc: managedBy.name })
    : !loading && !canUpdate
      ? t('You cannot update MachineConfigs.')
      : undefined;
  const label = t('Edit {{name}}', { name: machineConfigName });
  if (reason !== undefined || loading)
    return (
      <Tooltip content={reason ?? label}>
        <Button
          variant="link"
          isInline
          icon={<PencilAltIcon />}
          isAriaDisabled
          aria-label={label}
          data-test={`day1-edit-link-${machineConfigName}`}
        />
      </Tooltip>
    );
  return (
    <Tooltip content={label}>
      <Link
        to={day1EditPath(machineConfigName)}
        aria-label={label}
        data-test={`day1-edit-link-${machineConfigName}`}
      >
        <PencilAltIcon />
      </Link>
    </Tooltip>
  );
};

export default EditDay1ConfigLink;
