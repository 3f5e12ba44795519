import { memo } from 'react';
import {
  Alert,
  Button,
  Flex,
  FlexItem,
  NumberInput,
  Progress,
  ProgressMeasureLocation,
  ProgressSize,
  Tooltip,
} from '@patternfly/react-core';
import { SyncAltIcon } from '@patternfly/react-icons';
import { Timestamp } from '@openshift-console/dynamic-plugin-sdk';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import { MAX_CONCURRENCY, MIN_CONCURRENCY } from '../shared/day1-status-settings';
import type { Day1Statuses } from '../shared/useDay1Statuses';

interface Day1StatusBarProps {
  statuses: Pick<
    Day1Statuses,
    'access' | 'progress' | 'refresh' | 'concurrency' | 'setConcurrency'
  >;
}

const clamp = (value: number) =>
  Math.min(MAX_CONCURRENCY, Math.max(MIN_CONCURRENCY, Math.round(value)));

/**
 * How far the reading of the nodes' Day 1 status files got, with Refresh and the number of nodes read
 * at once; or, without `get nodes/proxy`, why the Day 1 column says "No access".
 */
const Day1StatusBar = ({ statuses }: Day1StatusBarProps) => {
  const { t } = usePluginTranslation();
  const { access, progress, refresh, concurrency, setConcurrency } = statuses;
  if (access === undefined) return null;
  if (!access) {
    return (
      <Alert
        variant="info"
        isInline
        title={t('The nodes’ Day 1 status files cannot be read')}
        data-test="day1-no-access"
      >
        {t(
          'Reading each node’s status file through the API server needs permission to get nodes/proxy, which you do not have: the Day 1 column says "No access". Verify, on each node, runs a pod that reads the status file, lsmod and the journal instead.',
        )}
      </Alert>
    );
  }
  return (
    <Flex
      spaceItems={{ default: 'spaceItemsMd' }}
      alignItems={{ default: 'alignItemsCenter' }}
      data-test="day1-status-bar"
    >
      {/* The counts as attributes too: tests and the bench wait on every node having a read. */}
      <FlexItem
        data-test="day1-status-progress"
        data-nodes={progress.nodes}
        data-read={progress.read}
        data-pending={progress.pending}
      >
        {progress.nodes === 0
          ? t('No status file to read yet: MCO has not updated any node to a Day 1 config')
          : t('Day 1 status read from {{read}} of {{count}} nodes', {
              read: progress.read,
              count: progress.nodes,
              defaultValue_one: 'Day 1 status read from {{read}} of {{count}} node',
            })}
        {progress.refreshedAt !== undefined && (
          <>
            {' · '}
            {t('refreshed')}{' '}
            <Timestamp timestamp={new Date(progress.refreshedAt).toISOString()} simple />
          </>
        )}
      </FlexItem>
      {/*
        A bar, not a spinner: reading 2,000 nodes takes a while, and a spinner's animation repaints the
        page every frame meanwhile, on the main thread that also starts the next reads.
      */}
      {progress.pending > 0 && progress.nodes > 0 && (
        <FlexItem style={{ width: '10rem' }}>
          <Progress
            value={Math.round(
              (100 * Math.max(0, progress.nodes - progress.pending)) / progress.nodes,
            )}
            size={ProgressSize.sm}
            measureLocation={ProgressMeasureLocation.none}
            aria-label={t('Nodes whose Day 1 status is still being read')}
            valueText={t('{{pending}} of {{count}} nodes still to read', {
              pending: progress.pending,
              count: progress.nodes,
              defaultValue_one: '{{pending}} of {{count}} node still to read',
            })}
            data-test="day1-status-reading"
          />
        </FlexItem>
      )}
      <FlexItem>
        <Tooltip
          content={t(
            'Read every node’s status files again. They are read when a node changes, and every 5 minutes.',
          )}
        >
          <Button
            variant="secondary"
            size="sm"
            icon={<SyncAltIcon />}
            onClick={refresh}
            data-test="day1-refresh"
          >
            {t('Refresh')}
          </Button>
        </Tooltip>
      </FlexItem>
      <FlexItem>
        <Flex spaceItems={{ default: 'spaceItemsSm' }} alignItems={{ default: 'alignItemsCenter' }}>
          <FlexItem>
            <label htmlFor="day1-status-concurrency">{t('Nodes read at once')}</label>
          </FlexItem>
          <FlexItem>
            <NumberInput
              value={concurrency}
              min={MIN_CONCURRENCY}
              max={MAX_CONCURRENCY}
              widthChars={2}
              inputName="day1-status-concurrency"
              inputProps={{ id: 'day1-status-concurrency' }}
              inputAriaLabel={t('Nodes read at once')}
              minusBtnAriaLabel={t('Fewer nodes at once')}
              plusBtnAriaLabel={t('More nodes at once')}
              onMinus={() => {
                setConcurrency(clamp(concurrency - 1));
              }}
              onPlus={() => {
                setConcurrency(clamp(concurrency + 1));
              }}
              onChange={(event) => {
                const value = Number((event.target as HTMLInputElement).value);
                if (Number.isFinite(value) && value > 0) setConcurrency(clamp(value));
              }}
              data-test="day1-concurrency"
            />
          </FlexItem>
        </Flex>
      </FlexItem>
    </Flex>
  );
};

export default memo(Day1StatusBar);
