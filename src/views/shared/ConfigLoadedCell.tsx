import { Flex, FlexItem, Tooltip } from '@patternfly/react-core';
import { Link } from 'react-router';
import { usePluginTranslation } from './usePluginTranslation';
import type { Day1StatusAccess } from '../shared/day1-status-scheduler';
import { day1RolloutPath } from './paths';
import type { ConfigDay1Counts } from './config-day1-counts';

interface ConfigLoadedCellProps {
  /** The config's pool, for the link to its node table. */
  pool: string;
  counts?: ConfigDay1Counts;
  access: Day1StatusAccess;
  loaded: boolean;
}

/** "Loaded on N of M" for a config, with its failed and unreachable nodes. */
const ConfigLoadedCell = ({ pool, counts, access, loaded }: ConfigLoadedCellProps) => {
  const { t } = usePluginTranslation();
  if (!loaded || access === undefined) return <>{t('Loading…')}</>;
  if (!access) {
    return (
      <Tooltip
        content={t(
          'Reading the nodes’ status files needs permission to get nodes/proxy. Verify, on the rollout page, runs a pod on a node instead.',
        )}
      >
        <span tabIndex={0} data-test="config-loaded-no-access">
          {t('No access')}
        </span>
      </Tooltip>
    );
  }
  if (counts === undefined || counts.total === 0) {
    return <span data-test="config-loaded-none">{t('Not in any pool’s target config yet')}</span>;
  }
  return (
    <Flex spaceItems={{ default: 'spaceItemsSm' }} data-test="config-loaded">
      <FlexItem data-test="config-loaded-count">
        {t('Loaded on {{loaded}} of {{total}}', { loaded: counts.loaded, total: counts.total })}
      </FlexItem>
      {counts.failed > 0 && (
        <FlexItem>
          <Link to={`${day1RolloutPath(pool)}?day1=failed`} data-test="config-loaded-failed">
            {t('{{count}} failed', { count: counts.failed })}
          </Link>
        </FlexItem>
      )}
      {counts.unreachable > 0 && (
        <FlexItem>
          <Link
            to={`${day1RolloutPath(pool)}?day1=unreachable`}
            data-test="config-loaded-unreachable"
          >
            {t('{{count}} unreachable', { count: counts.unreachable })}
          </Link>
        </FlexItem>
      )}
    </Flex>
  );
};

export default ConfigLoadedCell;
