import { useMemo } from 'react';
import type { Action } from '@openshift-console/dynamic-plugin-sdk';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import { MachineConfigModel } from '../../k8s/models';
import type { MachineConfig } from '../../k8s/types';
import { managingBootModuleConfig } from '../../k8s/boot-module-config';
import { readDay1MachineConfig } from '../../producer';
import { day1EditPath } from '../shared/paths';
import { useBootModuleConfigs } from '../shared/useBootModuleConfigs';

/**
 * The `console.action/resource-provider` hook for MachineConfigs: "Edit Day 1 config" on the
 * MachineConfig's own Actions menu, for Day 1 configs only (none for any other MachineConfig).
 * Console checks the access review (update machineconfigs); a config KMM's BootModuleConfig
 * manages gets the action disabled, with the reason.
 */
const useDay1ConfigActions = (
  machineConfig: MachineConfig | undefined,
): [Action[], boolean, unknown] => {
  const { t } = usePluginTranslation();
  const bmcs = useBootModuleConfigs();
  const isDay1 = useMemo(() => readDay1MachineConfig(machineConfig) !== null, [machineConfig]);
  const name = machineConfig?.metadata.name ?? '';
  const actions = useMemo<Action[]>(() => {
    if (!isDay1) return [];
    const managedBy = managingBootModuleConfig(machineConfig, bmcs.items);
    return [
      {
        id: 'kmm-day1-edit-config',
        label: t('Edit Day 1 config'),
        description: t('Change the image, modules or worker image, with a preview of the reboots'),
        cta: { href: day1EditPath(name) },
        disabled: managedBy !== undefined,
        disabledTooltip:
          managedBy === undefined
            ? undefined
            : t('Managed by KMM: change the BootModuleConfig {{bmc}} instead.', {
                bmc: managedBy.name,
              }),
        accessReview: {
          group: MachineConfigModel.apiGroup,
          resource: MachineConfigModel.plural,
          verb: 'update',
          name,
        },
      },
    ];
  }, [isDay1, machineConfig, bmcs.items, name, t]);
  return [actions, !isDay1 || bmcs.settled, undefined];
};

export default useDay1ConfigActions;
