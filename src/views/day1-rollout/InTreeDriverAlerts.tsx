import { useMemo } from 'react';
import { useK8sWatchResource } from '@openshift-console/dynamic-plugin-sdk';
import { Alert, Content, Label, LabelGroup, StackItem } from '@patternfly/react-core';
import { MachineConfigGVK } from '../../k8s/gvk';
import type { MachineConfig } from '../../k8s/types';
import { readDay1MachineConfig } from '../../producer';
import type { Day1ConfigSummary } from '../../producer';
import type { ConfigCoverage } from '../../rollout';
import { useKernelCoverage } from '../shared/useKernelCoverage';
import { usePluginTranslation } from '../shared/usePluginTranslation';

/** Node names shown before "N more". */
const NAMES_SHOWN = 8;

interface InTreeDriverAlertsProps {
  /** The pools the page shows. */
  pools: readonly string[];
}

interface PoolInTree {
  pool: string;
  configs: { coverage: ConfigCoverage; nodes: string[] }[];
}

/**
 * For each pool shown, the nodes that run a kernel for which one of its Day 1 configs' images has no
 * tag: they boot without the out-of-tree module, on the in-tree driver (kernel coverage). One
 * StackItem per pool, for the page's Stack.
 */
const InTreeDriverAlerts = ({ pools }: InTreeDriverAlertsProps) => {
  const { t } = usePluginTranslation();
  const [machineConfigs, loaded] = useK8sWatchResource<MachineConfig[]>({
    groupVersionKind: MachineConfigGVK,
    isList: true,
  }) as [MachineConfig[] | undefined, boolean, unknown];
  const summaries = useMemo(
    () =>
      loaded && Array.isArray(machineConfigs)
        ? machineConfigs.flatMap((mc) => {
            const summary = readDay1MachineConfig(mc);
            return summary === null ? [] : [summary];
          })
        : ([] as Day1ConfigSummary[]),
    [loaded, machineConfigs],
  );
  const { coverage } = useKernelCoverage(summaries);
  const byPool = useMemo<PoolInTree[]>(() => {
    if (coverage === undefined) return [];
    return pools.flatMap((pool) => {
      const configs = [...coverage.values()].flatMap((c) => {
        const nodes = c.inTreeNodes.find((entry) => entry.pool === pool)?.nodes ?? [];
        return nodes.length === 0 ? [] : [{ coverage: c, nodes }];
      });
      return configs.length === 0 ? [] : [{ pool, configs }];
    });
  }, [coverage, pools]);
  if (byPool.length === 0) return null;
  return (
    <>
      {byPool.map(({ pool, configs }) => {
        const count = new Set(configs.flatMap((c) => c.nodes)).size;
        return (
          <StackItem key={pool}>
            <Alert
              variant="warning"
              isInline
              title={t('{{count}} nodes of pool {{pool}} run the in-tree driver', {
                count,
                pool,
                defaultValue_one: '{{count}} node of pool {{pool}} runs the in-tree driver',
              })}
              data-test={`in-tree-driver-${pool}`}
            >
              {configs.map(({ coverage: c, nodes }) => (
                <div
                  key={c.machineConfigName}
                  data-test={`in-tree-driver-${pool}-${c.machineConfigName}`}
                >
                  <Content component="p">
                    {t(
                      'These nodes run a kernel for which the image {{image}} of {{config}} has no tag ({{tags}}): they boot without the out-of-tree module and run the in-tree driver. Push the image for that kernel; the nodes load it at their next boot.',
                      {
                        image: c.image,
                        config: c.machineConfigName,
                        tags: c.missingTags.join(', '),
                      },
                    )}
                  </Content>
                  <LabelGroup
                    numLabels={NAMES_SHOWN}
                    categoryName={t('Nodes')}
                    aria-label={t('Nodes on the in-tree driver for {{config}}', {
                      config: c.machineConfigName,
                    })}
                  >
                    {nodes.map((name) => (
                      <Label key={name} isCompact data-test="in-tree-driver-node">
                        {name}
                      </Label>
                    ))}
                  </LabelGroup>
                </div>
              ))}
            </Alert>
          </StackItem>
        );
      })}
    </>
  );
};

export default InTreeDriverAlerts;
