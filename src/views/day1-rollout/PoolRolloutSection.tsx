import { Divider, Stack, StackItem, Title } from '@patternfly/react-core';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import RolloutView from './RolloutView';

/** One pool's rollout under a heading, for the pool's "Day 1 kernel modules" tab. */
const PoolRolloutSection = ({ pool }: { pool: string }) => {
  const { t } = usePluginTranslation();
  return (
    <Stack hasGutter data-test="pool-rollout-section">
      <StackItem>
        <Divider />
      </StackItem>
      <StackItem>
        <Title headingLevel="h2" size="xl">
          {t('Rollout')}
        </Title>
      </StackItem>
      <StackItem>
        <RolloutView pool={pool} />
      </StackItem>
    </Stack>
  );
};

export default PoolRolloutSection;
