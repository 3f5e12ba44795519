import { lazy, Suspense, useEffect, useMemo } from 'react';
import {
  Alert,
  EmptyState,
  EmptyStateBody,
  Gallery,
  Stack,
  StackItem,
  Title,
} from '@patternfly/react-core';
import { CubesIcon } from '@patternfly/react-icons';
import type { NodeDay1State } from '../../rollout';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import NodeRolloutSection from './NodeRolloutSection';
import PoolRolloutCard from './PoolRolloutCard';
import { PoolTimingProvider } from './NodeEstimate';
import { useRolloutData } from '../shared/useRolloutData';
import { useVerifications } from './useVerifications';
import { useDay1Statuses } from '../shared/useDay1Statuses';
import { useDay1Rollout } from '../shared/useDay1Rollout';
import Day1StatusBar from './Day1StatusBar';
import { useLoadRetry } from './useLoadRetry';
import type { LoadRetry } from './useLoadRetry';
import RolloutLoading from './RolloutLoading';

interface RolloutViewProps {
  /** One pool's rollout; every pool's (and nodes in no pool) when undefined. */
  pool?: string;
}

const NO_NODES: never[] = [];
const NO_DAY1_STATES: ReadonlyMap<string, NodeDay1State> = new Map();

// Shown only when an image lacks a tag for a running kernel: loaded after the page renders.
const InTreeDriverAlerts = lazy(() => import('./InTreeDriverAlerts'));

/** From this many pools on, the all-pools page shows one summary row per pool instead of cards. */
const COMPACT_POOLS_FROM = 5;
// Only on the all-pools page, and only there with that many pools: loaded after the page's first
// render (RolloutView), so that it is there with the rollout's data rather than after it.
const loadPoolSummaryTable = () => import('./PoolSummaryTable');
const PoolSummaryTable = lazy(loadPoolSummaryTable);

// Only when the rollout cannot be listed, and once it can again: one chunk, which the first failure
// loads (behind the spinner the page shows while it tries).
const loadErrorAlerts = () => import('./RolloutLoadError');
const RolloutLoadError = lazy(() =>
  loadErrorAlerts().then((alerts) => ({ default: alerts.RolloutLoadError })),
);
const RolloutRecoveredAlert = lazy(() =>
  loadErrorAlerts().then((alerts) => ({ default: alerts.RolloutRecoveredAlert })),
);
/** Pool cards and the node table, live, with the loading, error, empty and reconnecting states. */
const RolloutContent = ({ pool, retry }: RolloutViewProps & { retry: LoadRetry }) => {
  const { t } = usePluginTranslation();
  const data = useRolloutData();
  const { reportFailure, reportLoaded } = retry;
  const failed = data.error !== undefined && data.error !== null && data.error !== '';
  useEffect(() => {
    if (failed) reportFailure(data.error);
    else if (data.loaded) reportLoaded();
    // Once per outcome of this attempt, not for each new error object of the same failure.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [failed, data.loaded, reportFailure, reportLoaded]);
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
  const poolNames = useMemo(() => pools?.map((p) => p.name) ?? [], [pools]);
  // Named on the page too: the compact pool rows of a large cluster hide the cards' warning.
  const overMaxUnavailable =
    pools?.filter((p) => day1?.pools.get(p.name)?.overMaxUnavailable === true).map((p) => p.name) ??
    [];

  if (failed || (!data.loaded && retry.failures > 0)) {
    return (
      <Suspense fallback={<RolloutLoading />}>
        {/* Anew for each scheduled attempt, so that its countdown starts from now. */}
        <RolloutLoadError
          key={retry.nextAttemptAt ?? 'trying'}
          error={failed ? data.error : retry.lastError}
          retry={retry}
        />
      </Suspense>
    );
  }
  if (!data.loaded || rollout === undefined || pools === undefined) return <RolloutLoading />;
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
      {retry.recoveredAfter !== undefined && (
        <StackItem>
          <Suspense fallback={null}>
            <RolloutRecoveredAlert retry={retry} />
          </Suspense>
        </StackItem>
      )}
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
      {hasDay1 && (
        <Suspense fallback={null}>
          <InTreeDriverAlerts pools={poolNames} />
        </Suspense>
      )}
      {overMaxUnavailable.length > 0 && (
        <StackItem>
          <Alert
            variant="warning"
            isInline
            title={t('More nodes unavailable than maxUnavailable in {{pools}}', {
              pools: overMaxUnavailable.join(', '),
            })}
            data-test="rollout-over-max-unavailable"
          >
            {t(
              'Nodes reboot outside MCO’s window: Day 1 configs made before the image pull ran ahead of the kubelet, and KMM’s own, reboot nodes after MCO is done with them, which MCO does not throttle.',
            )}
          </Alert>
        </StackItem>
      )}
      <StackItem>
        {pool === undefined && pools.length >= COMPACT_POOLS_FROM ? (
          <Suspense fallback={<RolloutLoading />}>
            <PoolSummaryTable pools={pools} day1={day1?.pools} />
          </Suspense>
        ) : (
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
        )}
      </StackItem>
      <StackItem>
        <Title headingLevel="h2" size="lg">
          {t('Nodes')}
        </Title>
      </StackItem>
      <StackItem>
        <PoolTimingProvider pools={pools}>
          <NodeRolloutSection
            pools={pools}
            unpooledNodes={pool === undefined ? rollout.unpooledNodes : NO_NODES}
            data={data}
            verifications={verifications}
            day1States={day1?.nodes ?? NO_DAY1_STATES}
            day1Access={statuses.access}
          />
        </PoolTimingProvider>
      </StackItem>
    </Stack>
  );
};

/**
 * The rollout, retried while its first load fails: each attempt mounts the content (and so its watches)
 * anew, which lists again at once.
 */
const RolloutView = ({ pool }: RolloutViewProps) => {
  const retry = useLoadRetry();
  useEffect(() => {
    if (pool === undefined) void loadPoolSummaryTable();
  }, [pool]);
  return <RolloutContent key={retry.attempt} pool={pool} retry={retry} />;
};

export default RolloutView;
