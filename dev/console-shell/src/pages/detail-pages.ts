import type { K8sModel, NavPage } from '@openshift-console/dynamic-plugin-sdk';
import { MachineConfigPoolModel } from '../sdk/models';
import { DetailsTab } from './DetailsTab';
import { PoolMachineConfigsTab } from './PoolMachineConfigsTab';
import { YAMLTab } from './YAMLTab';

const DETAILS: NavPage = { href: '', name: 'Details', component: DetailsTab };
const YAML: NavPage = { href: 'yaml', name: 'YAML', component: YAMLTab };

/**
 * The built-in tabs of a details page. A MachineConfigPool has console's Details, YAML and
 * MachineConfigs (console's Events tab is not simulated); plugin tabs are appended by
 * HorizontalNav.
 */
export const detailPagesFor = (model: K8sModel): NavPage[] =>
  model === MachineConfigPoolModel
    ? [
        DETAILS,
        YAML,
        { href: 'machineconfigs', name: 'MachineConfigs', component: PoolMachineConfigsTab },
      ]
    : [DETAILS, YAML];
