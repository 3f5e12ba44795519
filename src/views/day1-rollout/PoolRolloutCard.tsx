import { memo } from 'react';
import { Card, CardBody, Stack } from '@patternfly/react-core';
import { Link } from 'react-router';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import type { PoolDay1, PoolRollout } from '../../rollout';
import { day1RolloutPath } from '../shared/paths';
import PoolCardCounts from './PoolCardCounts';
import PoolCardHeader from './PoolCardHeader';
import PoolCardProgress from './PoolCardProgress';
import PoolCardTarget from './PoolCardTarget';
import ResumePoolButton from '../shared/ResumePoolButton';
import PausePoolButton from '../shared/PausePoolButton';
import PoolDay1Summary from './PoolDay1Summary';
import { sameDay1ConfigLabels, samePoolDay1, samePoolSummary } from './pool-card-model';
import { useStableValue } from './useStableValue';
import { poolMessageText } from '../shared/rollout-text';
import { poolTimeLeftText } from './pool-time-left';

interface PoolRolloutCardProps {
  pool: PoolRollout;
  /** On the all-pools page: link to the pool's own rollout page. */
  linkToPoolPage: boolean;
  /** The nodes' Day 1 states, for a pool whose target has Day 1 configs. */
  day1?: PoolDay1;
}

/**
 * One pool's rollout: progress, MCO's counts, state and message, time left, the Day 1 configs its
 * target brings, and Pause, or Resume when paused. Memoised on what it shows (not the pool's nodes), and so are
 * its parts, so a change of counts re-renders the counts.
 */
const PoolRolloutCard = ({ pool, linkToPoolPage, day1 }: PoolRolloutCardProps) => {
  const { t } = usePluginTranslation();
  // The Day 1 configs are read again with every pool aggregate: keep them while their labels hold.
  const day1Configs = useStableValue(pool.day1Configs, sameDay1ConfigLabels);
  const timeLeft = poolTimeLeftText(t, pool);
  return (
    <Card isCompact data-test={`pool-card-${pool.name}`} data-state={pool.state}>
      <PoolCardHeader
        name={pool.name}
        state={pool.state}
        paused={pool.paused}
        actions={
          pool.paused ? (
            <ResumePoolButton pool={pool} context="rollout" />
          ) : (
            <PausePoolButton poolName={pool.name} context="rollout" />
          )
        }
      />
      <CardBody>
        <Stack hasGutter>
          <PoolCardProgress
            updated={pool.phaseCounts.Updated}
            total={pool.machineCount}
            completion={pool.completion}
            state={pool.state}
          />
          <p data-test="pool-message">{poolMessageText(t, pool.message)}</p>
          {day1 && (
            <PoolDay1Summary
              pool={pool.name}
              day1={day1}
              maxUnavailable={pool.maxUnavailable}
              unavailable={pool.unavailableMachineCount}
            />
          )}
          <PoolCardCounts
            machineCount={pool.machineCount}
            updatedMachineCount={pool.updatedMachineCount}
            readyMachineCount={pool.readyMachineCount}
            unavailableMachineCount={pool.unavailableMachineCount}
            degradedMachineCount={pool.degradedMachineCount}
            maxUnavailable={pool.maxUnavailable}
          />
          <PoolCardTarget
            timeLeft={timeLeft}
            targetConfig={pool.targetConfig}
            day1Configs={day1Configs}
          />
          {linkToPoolPage && (
            <Link to={day1RolloutPath(pool.name)} data-test="pool-rollout-link">
              {t('Nodes of {{pool}}', { pool: pool.name })}
            </Link>
          )}
        </Stack>
      </CardBody>
    </Card>
  );
};

/** A node event changes the pool's node list, which the card does not show. */
const sameProps = (a: PoolRolloutCardProps, b: PoolRolloutCardProps): boolean =>
  a.linkToPoolPage === b.linkToPoolPage &&
  samePoolSummary(a.pool, b.pool) &&
  samePoolDay1(a.day1, b.day1);

export default memo(PoolRolloutCard, sameProps);
