import { memo } from 'react';
import { ResourceLink } from '@openshift-console/dynamic-plugin-sdk';
import {
  Card,
  CardBody,
  CardHeader,
  CardTitle,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Flex,
  FlexItem,
  Label,
  LabelGroup,
  Progress,
  ProgressMeasureLocation,
  ProgressVariant,
  Stack,
} from '@patternfly/react-core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { MachineConfigGVK, MachineConfigPoolGVK } from '../../k8s/models';
import type { PoolRollout } from '../../rollout';
import { day1RolloutPath } from '../shared/paths';
import PoolStateLabel from '../shared/PoolStateLabel';
import ResumePoolButton from './ResumePoolButton';
import { durationText } from '../shared/rollout-text';

interface PoolRolloutCardProps {
  pool: PoolRollout;
  /** On the all-pools page: link to the pool's own rollout page. */
  linkToPoolPage: boolean;
}

const Item = ({ term, children, test }: { term: string; children: ReactNode; test?: string }) => (
  <DescriptionListGroup>
    <DescriptionListTerm>{term}</DescriptionListTerm>
    <DescriptionListDescription data-test={test}>{children}</DescriptionListDescription>
  </DescriptionListGroup>
);

const progressVariant = (pool: PoolRollout): ProgressVariant | undefined =>
  pool.state === 'Degraded' || pool.state === 'RenderDegraded'
    ? ProgressVariant.danger
    : pool.state === 'Paused'
      ? ProgressVariant.warning
      : pool.completion === 100
        ? ProgressVariant.success
        : undefined;

/**
 * One pool's rollout: progress, MCO's counts, state and message, time left, the Day 1 configs its
 * target brings, and Resume when paused. Memoised: the deriver keeps an unchanged pool's identity.
 */
const PoolRolloutCard = ({ pool, linkToPoolPage }: PoolRolloutCardProps) => {
  const { t } = useTranslation('plugin__kmm-day1-console-plugin');
  const updated = pool.phaseCounts.Updated;
  const timeLeft =
    pool.estimatedSecondsLeft === undefined
      ? t('Not estimated: the pool cannot finish on its own')
      : pool.estimatedSecondsLeft === 0
        ? t('Done')
        : pool.estimateBasis === 'observed'
          ? t('{{duration}} (from the nodes updated so far)', {
              duration: durationText(t, pool.estimatedSecondsLeft),
            })
          : t('{{duration}} (from typical durations)', {
              duration: durationText(t, pool.estimatedSecondsLeft),
            });
  return (
    <Card isCompact data-test={`pool-card-${pool.name}`} data-state={pool.state}>
      <CardHeader
        actions={
          pool.paused ? { actions: <ResumePoolButton pool={pool} />, hasNoOffset: true } : undefined
        }
      >
        <CardTitle>
          <Flex
            spaceItems={{ default: 'spaceItemsSm' }}
            alignItems={{ default: 'alignItemsCenter' }}
          >
            <FlexItem>
              <ResourceLink groupVersionKind={MachineConfigPoolGVK} name={pool.name} inline />
            </FlexItem>
            <FlexItem>
              <PoolStateLabel state={pool.state} />
            </FlexItem>
            {pool.paused && pool.state !== 'Paused' && (
              <FlexItem>
                <Label status="warning" data-test="pool-paused">
                  {t('Paused')}
                </Label>
              </FlexItem>
            )}
          </Flex>
        </CardTitle>
      </CardHeader>
      <CardBody>
        <Stack hasGutter>
          <Progress
            value={pool.completion}
            title={t('Nodes updated')}
            label={t('{{updated}} of {{total}}', { updated, total: pool.machineCount })}
            valueText={t('{{updated}} of {{total}} nodes updated', {
              updated,
              total: pool.machineCount,
            })}
            measureLocation={ProgressMeasureLocation.outside}
            variant={progressVariant(pool)}
            data-test="pool-progress"
            data-updated={updated}
            data-total={pool.machineCount}
          />
          <p data-test="pool-message">{pool.message}</p>
          <DescriptionList isCompact isHorizontal columnModifier={{ default: '2Col' }}>
            <Item term={t('Nodes')} test="pool-machine-count">
              {pool.machineCount}
            </Item>
            <Item term={t('Updated')} test="pool-updated-count">
              {pool.updatedMachineCount}
            </Item>
            <Item term={t('Ready')}>{pool.readyMachineCount}</Item>
            <Item term={t('Unavailable')}>{pool.unavailableMachineCount}</Item>
            <Item term={t('Degraded')} test="pool-degraded-count">
              {pool.degradedMachineCount}
            </Item>
            <Item term={t('Updated at once')}>{pool.maxUnavailable}</Item>
          </DescriptionList>
          <DescriptionList isCompact isHorizontal>
            <Item term={t('Time left')} test="pool-time-left">
              {timeLeft}
            </Item>
            <Item term={t('Target config')}>
              {pool.targetConfig ? (
                <ResourceLink groupVersionKind={MachineConfigGVK} name={pool.targetConfig} inline />
              ) : (
                '-'
              )}
            </Item>
            <Item term={t('Day 1 configs in the target')} test="pool-day1-configs">
              {pool.day1Configs.length > 0 ? (
                <LabelGroup>
                  {pool.day1Configs.map((config) => (
                    <Label key={config.name} color={config.new ? 'blue' : 'grey'} isCompact>
                      {config.new ? t('{{name}} (new)', { name: config.name }) : config.name}
                    </Label>
                  ))}
                </LabelGroup>
              ) : (
                t('None')
              )}
            </Item>
          </DescriptionList>
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

export default memo(PoolRolloutCard);
