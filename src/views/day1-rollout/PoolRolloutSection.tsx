import { lazy, Suspense } from 'react';
import { Divider, Stack, StackItem, Title } from '@patternfly/react-core';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import RolloutLoading from './RolloutLoading';

// Below the pool's configs, and loading until its data is there: its code loads meanwhile, with the
// same spinner as while the data loads.
const RolloutView = lazy(() => import('./RolloutView'));

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
        <Suspense fallback={<RolloutLoading />}>
          <RolloutView pool={pool} />
        </Suspense>
      </StackItem>
    </Stack>
  );
};

export default PoolRolloutSection;
