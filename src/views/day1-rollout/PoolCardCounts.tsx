import { memo } from 'react';
import { DescriptionList } from '@patternfly/react-core';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import PoolCardItem from './PoolCardItem';

interface PoolCardCountsProps {
  machineCount: number;
  updatedMachineCount: number;
  readyMachineCount: number;
  unavailableMachineCount: number;
  degradedMachineCount: number;
  maxUnavailable: number;
}

/** MCO's counts for the pool. Memoised on the numbers: most pool events change one or none. */
const PoolCardCounts = ({
  machineCount,
  updatedMachineCount,
  readyMachineCount,
  unavailableMachineCount,
  degradedMachineCount,
  maxUnavailable,
}: PoolCardCountsProps) => {
  const { t } = usePluginTranslation();
  return (
    <DescriptionList isCompact isHorizontal columnModifier={{ default: '2Col' }}>
      <PoolCardItem term={t('Nodes')} test="pool-machine-count">
        {machineCount}
      </PoolCardItem>
      <PoolCardItem term={t('Updated')} test="pool-updated-count">
        {updatedMachineCount}
      </PoolCardItem>
      <PoolCardItem term={t('Ready')}>{readyMachineCount}</PoolCardItem>
      <PoolCardItem term={t('Unavailable')}>{unavailableMachineCount}</PoolCardItem>
      <PoolCardItem term={t('Degraded')} test="pool-degraded-count">
        {degradedMachineCount}
      </PoolCardItem>
      <PoolCardItem term={t('Updated at once')}>{maxUnavailable}</PoolCardItem>
    </DescriptionList>
  );
};

export default memo(PoolCardCounts);
