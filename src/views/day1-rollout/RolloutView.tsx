import { useMemo } from 'react';
import {
  Alert,
  Bullseye,
  EmptyState,
  EmptyStateBody,
  Gallery,
  Spinner,
  Stack,
  StackItem,
  Title,
} from '@patternfly/react-core';
import { CubesIcon } from '@patternfly/react-icons';
import type { NodeDay1State } from '../../rollout';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import { errorMessage } from '../shared/error-message';
import NodeRolloutSection from './NodeRolloutSection';
import PoolRolloutCard from './PoolRolloutCard';
import { useRolloutData } from '../shared/useRolloutData';
import { useVerifications } from './useVerifications';
import { useDay1Statuses } from '../shared/useDay1Statuses';
import { useDay1Rollout } from '../shared/useDay1Rollout';
import Day1StatusBar from './Day1StatusBar';

interface RolloutViewProps {
  /** One pool's rollout; every pool's (and nodes in no pool) when undefined. */
  pool?: string;
}

const NO_NODES: never[] = [];
const NO_DAY1_STATES: ReadonlyMap<string, NodeDay1State> = new Map();

/** Pool cards and the node table, live, with the loading, error, empty and reconnecting states. */
const RolloutView = ({ pool }: RolloutViewProps) => {
  const { t } = usePluginTranslation();
  const data = useRolloutData();
  const verifications = useVerifications();
  // The status files are read for MCO's view of the nodes; the page shows them with their Day 1 state.
  const statuses = useDay1Statuses(data.rollout, pool);
  const day1 = useDay1Rollout(data.rollout, statuses);
  const rollout = day1?.rollout;
  const pools = useMemo(
    () => (pool === undefined ? rollout?.pools : rollout?.pools.filter((p) => p.name === pool)),
    [rollout, pool],
  );
  const hasDay1 = pools?.some((p) => p.day1Configs.length > 0) ?? false;

  if (data.error) {
    return (
      <Alert
        variant="danger"
        isInline
        title={t('Could not load the rollout')}
        data-test="rollout-error"
      >
        {errorMessage(data.error)}
      </Alert>
    );
  }
  if (!data.loaded || rollout === undefined || pools === undefined) {
    return (
      <Bullseye>
        <Spinner aria-label={t('Loading the rollout')} data-test="rollout-loading" />
      </Bullseye>
    );
  }
  if (pools.length === 0) {
    return (
      <EmptyState
        titleText={
          pool === undefined ? t('No MachineConfigPools') : t('Pool {{pool}} not found', { pool })
        }
        headingLevel="h2"
        icon={CubesIcon}
        data-test="rollout-empty"
      >
        <EmptyStateBody>
          {pool === undefined
            ? t('The cluster has no MachineConfigPool, or you may not list them.')
            : t('No MachineConfigPool is named {{pool}}. It may have been deleted.', { pool })}
        </EmptyStateBody>
      </EmptyState>
    );
  }
  return (
    <Stack hasGutter data-test="rollout-view">
      {data.interrupted && (
        <StackItem>
          <Alert
            variant="warning"
            isInline
            title={t('Reconnecting')}
            data-test="rollout-reconnecting"
          >
            {t(
              'Live updates from the cluster were interrupted. This shows the last state received until the console reconnects.',
            )}
          </Alert>
        </StackItem>
      )}
      {hasDay1 && (
        <StackItem>
          <Day1StatusBar statuses={statuses} />
        </StackItem>
      )}
      <StackItem>
        <Gallery hasGutter minWidths={{ default: '100%', lg: '32rem' }}>
          {pools.map((p) => (
            <PoolRolloutCard
              key={p.name}
              pool={p}
              linkToPoolPage={pool === undefined}
              day1={day1?.pools.get(p.name)}
            />
          ))}
        </Gallery>
      </StackItem>
      <StackItem>
        <Title headingLevel="h2" size="lg">
          {t('Nodes')}
        </Title>
      </StackItem>
      <StackItem>
        <NodeRolloutSection
          pools={pools}
          unpooledNodes={pool === undefined ? rollout.unpooledNodes : NO_NODES}
          data={data}
          verifications={verifications}
          day1States={day1?.nodes ?? NO_DAY1_STATES}
          day1Access={statuses.access}
        />
      </StackItem>
    </Stack>
  );
};

export default RolloutView;
