import { useCallback, useMemo } from 'react';
import { PageSection } from '@patternfly/react-core';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import { matchesLabelSelector } from '../../k8s/label-selector';
import type { MachineConfig, MachineConfigPool } from '../../k8s/types';
import PoolRolloutSection from '../day1-rollout/PoolRolloutSection';
import CreateDay1ConfigButton from './CreateDay1ConfigButton';
import Day1ConfigsContent from './Day1ConfigsContent';
import { useDay1Configs } from './useDay1Configs';
import { useRolloutData } from '../shared/useRolloutData';
import { Day1StatusesProvider, useDay1Statuses } from '../shared/useDay1Statuses';

interface Day1ConfigsPoolTabProps {
  /** The MachineConfigPool whose details page shows this tab (console.tab/horizontalNav). */
  obj: MachineConfigPool;
}

/**
 * The Day 1 configs that reach this pool's nodes: those its machineConfigSelector selects, so a custom
 * pool also shows the worker configs it inherits. Below them, the pool's rollout.
 */
const Day1ConfigsPoolTab = ({ obj }: Day1ConfigsPoolTabProps) => {
  const { t } = usePluginTranslation();
  const selector = obj.spec.machineConfigSelector;
  const selectedByPool = useCallback(
    (mc: MachineConfig) => matchesLabelSelector(mc.metadata.labels, selector),
    [selector],
  );
  const configs = useDay1Configs(selectedByPool);
  // One reading of the nodes' status files for the configs' column and the pool's rollout below.
  const { rollout } = useRolloutData();
  const poolName = obj.metadata.name;
  const pools = useMemo(() => {
    const names = new Set(configs.rows.map((row) => row.summary.machineConfigName));
    return [
      poolName,
      ...(rollout?.pools ?? [])
        .filter(
          (pool) =>
            pool.name !== poolName && pool.day1Configs.some((config) => names.has(config.name)),
        )
        .map((pool) => pool.name),
    ];
  }, [configs.rows, rollout, poolName]);
  const statuses = useDay1Statuses(rollout, pools);
  return (
    <Day1StatusesProvider value={statuses}>
      <PageSection data-test="day1-pool-tab">
        <Day1ConfigsContent
          {...configs}
          emptyAction={<CreateDay1ConfigButton pool={obj.metadata.name} />}
          emptyTitle={t('No Day 1 kernel module configs for this pool')}
          emptyBody={t(
            'No Day 1 kernel module config applies to the nodes of {{pool}}. Configs for this pool, or for a pool whose configs it inherits, appear here.',
            { pool: obj.metadata.name },
          )}
        />
        <PoolRolloutSection pool={obj.metadata.name} />
      </PageSection>
    </Day1StatusesProvider>
  );
};

export default Day1ConfigsPoolTab;
