import { ResourceLink } from '@openshift-console/dynamic-plugin-sdk';
import { Alert } from '@patternfly/react-core';
import { usePluginTranslation } from './usePluginTranslation';
import { BootModuleConfigGVK } from '../../k8s/gvk';
import type { ManagingBootModuleConfig } from '../../k8s/boot-module-config';

interface ManagedByKmmProps {
  machineConfigName: string;
  bmc: ManagingBootModuleConfig;
}

/** Why a config cannot be edited here: KMM's BootModuleConfig writes it, with a link to that BMC. */
const ManagedByKmm = ({ machineConfigName, bmc }: ManagedByKmmProps) => {
  const { t } = usePluginTranslation();
  return (
    <Alert variant="info" isInline title={t('Managed by KMM')} data-test="day1-managed-by-kmm">
      <p>
        {t(
          "KMM's BootModuleConfig {{bmc}} writes {{name}}: KMM would put its own version back over an edit made here. Change the BootModuleConfig instead.",
          { bmc: bmc.name, name: machineConfigName },
        )}
      </p>
      <ResourceLink
        groupVersionKind={BootModuleConfigGVK}
        name={bmc.name}
        namespace={bmc.namespace}
        dataTest="day1-managing-bmc"
      />
    </Alert>
  );
};

export default ManagedByKmm;
