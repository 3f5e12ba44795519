import { useMemo } from 'react';
import {
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Flex,
  FlexItem,
  Stack,
} from '@patternfly/react-core';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import ConfigLoadedCell from '../shared/ConfigLoadedCell';
import PoolRolloutLink from '../shared/PoolRolloutLink';
import { configDay1Counts } from '../shared/config-day1-counts';
import { useDay1Rollout } from '../shared/useDay1Rollout';
import { useDay1Statuses } from '../shared/useDay1Statuses';
import type { RolloutData } from '../shared/useRolloutData';

interface ConfigDay1SummaryProps {
  name: string;
  /** The config's own pool: the loaded counts link to its node table. */
  poolRef: string;
  /** The pools that take the config. */
  pools: string[];
  rollout: RolloutData;
}

/**
 * The config's rollout and Day 1 state, as the list page shows them: each pool's state and progress,
 * and "Loaded on N of M" from the nodes' status files, with the failed and unreachable nodes linking to
 * the rollout page filtered on them.
 */
const ConfigDay1Summary = ({ name, poolRef, pools, rollout }: ConfigDay1SummaryProps) => {
  const { t } = usePluginTranslation();
  const { rollout: data, loaded } = rollout;
  // Only the nodes of the pools whose target has the config.
  const poolsToRead = useMemo(
    () =>
      data?.pools
        .filter((pool) => pool.day1Configs.some((config) => config.name === name))
        .map((pool) => pool.name) ?? [],
    [data, name],
  );
  const statuses = useDay1Statuses(data, poolsToRead);
  const day1 = useDay1Rollout(data, statuses);
  const counts = useMemo(
    () => (day1 === undefined ? undefined : configDay1Counts(day1).get(name)),
    [day1, name],
  );
  const poolRollouts = useMemo(
    () => new Map(day1?.rollout.pools.map((pool) => [pool.name, pool])),
    [day1],
  );
  return (
    <DescriptionList
      isHorizontal
      horizontalTermWidthModifier={{ default: '22ch' }}
      data-test="config-day1-summary"
    >
      <DescriptionListGroup>
        <DescriptionListTerm>{t('Module loaded')}</DescriptionListTerm>
        <DescriptionListDescription data-test="config-loaded-cell">
          <ConfigLoadedCell
            pool={poolRef}
            counts={counts}
            access={statuses.access}
            loaded={loaded}
          />
        </DescriptionListDescription>
      </DescriptionListGroup>
      <DescriptionListGroup>
        <DescriptionListTerm>{t('Pool rollout')}</DescriptionListTerm>
        <DescriptionListDescription data-test="config-rollouts">
          {pools.length === 0 ? (
            t('None')
          ) : (
            <Stack>
              {pools.map((pool) => (
                <Flex key={pool} spaceItems={{ default: 'spaceItemsSm' }}>
                  <FlexItem>{pool}</FlexItem>
                  <FlexItem>
                    <PoolRolloutLink
                      poolName={pool}
                      rollout={poolRollouts.get(pool)}
                      loaded={loaded}
                    />
                  </FlexItem>
                </Flex>
              ))}
            </Stack>
          )}
        </DescriptionListDescription>
      </DescriptionListGroup>
    </DescriptionList>
  );
};

export default ConfigDay1Summary;
