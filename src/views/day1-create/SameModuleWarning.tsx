import { Alert, Content, List, ListItem } from '@patternfly/react-core';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import type { SameModuleConfig } from '../../preflight';

interface SameModuleWarningProps {
  /** The module the new config loads, as typed. */
  moduleName: string;
  /** The other Day 1 configs that load it on the same nodes; nothing shows when there are none. */
  configs: SameModuleConfig[];
  /** For data-test ids, since the warning shows on the page and in the confirmation. */
  testId: string;
}

/** Another Day 1 config already loads the module on some of the nodes the new one reaches. */
const SameModuleWarning = ({ moduleName, configs, testId }: SameModuleWarningProps) => {
  const { t } = usePluginTranslation();
  if (configs.length === 0) return null;
  return (
    <Alert
      variant="warning"
      isInline
      title={t('{{module}} is already loaded on some of these nodes', { module: moduleName })}
      data-test={testId}
    >
      <List>
        {configs.map((config) => (
          <ListItem key={config.machineConfigName} data-test={`${testId}-config`}>
            {t(
              '{{config}}, for pool {{pool}}, loads {{module}} on nodes of {{pools}}: {{nodes}}.',
              {
                config: config.machineConfigName,
                pool: config.machineConfigPoolRef,
                module: config.kernelModuleName,
                pools: config.pools.join(', '),
                nodes: config.nodeNames.join(', '),
              },
            )}
          </ListItem>
        ))}
      </List>
      <Content component="p">
        {t(
          "Both configs run at boot on these nodes, and which image's module ends up loaded depends on the order they run in. Keep one config per module on each node: delete or change the other config, or choose other nodes.",
        )}
      </Content>
    </Alert>
  );
};

export default SameModuleWarning;
