import { memo } from 'react';
import { Alert, Flex, FlexItem } from '@patternfly/react-core';
import { Link } from 'react-router';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import type { Day1Outcome, PoolDay1 } from '../../rollout';
import { day1RolloutPath } from '../shared/paths';
import { DAY1_FILTER_PARAM } from './node-table-model';
import { samePoolDay1 } from './pool-card-model';

interface PoolDay1SummaryProps {
  pool: string;
  day1: PoolDay1;
  maxUnavailable: number;
  unavailable: number;
}

/** The node table of the pool, filtered on a Day 1 outcome. */
const filteredPath = (pool: string, outcome: Day1Outcome) =>
  `${day1RolloutPath(pool)}?${DAY1_FILTER_PARAM}=${outcome}`;

/**
 * A pool's Day 1 outcome on its card: the module loaded on N of M nodes, failed and unreachable nodes
 * linking to the node table filtered on them, the nodes in a Day 1 reboot, and a warning when more
 * nodes are unavailable than maxUnavailable.
 */
const PoolDay1Summary = ({ pool, day1, maxUnavailable, unavailable }: PoolDay1SummaryProps) => {
  const { t } = usePluginTranslation();
  const { counts } = day1;
  const noAccess = counts.total > 0 && counts.unknown === counts.total;
  return (
    <>
      <Flex spaceItems={{ default: 'spaceItemsMd' }} data-test="pool-day1-summary">
        <FlexItem data-test="pool-day1-loaded">
          {noAccess
            ? t('Module loaded: not known without access to the nodes’ status files')
            : t('Module loaded on {{loaded}} of {{count}} nodes', {
                loaded: counts.loaded,
                count: counts.total,
                defaultValue_one: 'Module loaded on {{loaded}} of {{count}} node',
              })}
        </FlexItem>
        {counts.failed > 0 && (
          <FlexItem>
            <Link to={filteredPath(pool, 'failed')} data-test="pool-day1-failed">
              {t('{{count}} failed', { count: counts.failed })}
            </Link>
          </FlexItem>
        )}
        {counts.unreachable > 0 && (
          <FlexItem>
            <Link to={filteredPath(pool, 'unreachable')} data-test="pool-day1-unreachable">
              {t('{{count}} unreachable', { count: counts.unreachable })}
            </Link>
          </FlexItem>
        )}
        {counts.rebooting > 0 && (
          <FlexItem data-test="pool-day1-rebooting">
            {t('{{count}} in a Day 1 reboot or not reported', { count: counts.rebooting })}
          </FlexItem>
        )}
      </Flex>
      {day1.overMaxUnavailable && (
        <Alert
          variant="warning"
          isInline
          isPlain
          title={t('{{unavailable}} nodes unavailable, more than maxUnavailable ({{max}})', {
            unavailable,
            max: maxUnavailable,
          })}
          data-test="pool-over-max-unavailable"
        >
          {t(
            'Nodes reboot outside MCO’s window: Day 1 configs made before the image pull ran ahead of the kubelet, and KMM’s own, reboot nodes after MCO is done with them, which MCO does not throttle.',
          )}
        </Alert>
      )}
    </>
  );
};

const sameProps = (a: PoolDay1SummaryProps, b: PoolDay1SummaryProps): boolean =>
  a.pool === b.pool &&
  a.maxUnavailable === b.maxUnavailable &&
  a.unavailable === b.unavailable &&
  samePoolDay1(a.day1, b.day1);

export default memo(PoolDay1Summary, sameProps);
