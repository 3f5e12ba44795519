import { memo } from 'react';
import { ResourceLink } from '@openshift-console/dynamic-plugin-sdk';
import { DescriptionList, Label, LabelGroup } from '@patternfly/react-core';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import { MachineConfigGVK } from '../../k8s/gvk';
import type { PoolRollout } from '../../rollout';
import EditDay1ConfigLink from '../shared/EditDay1ConfigLink';
import PoolCardItem from './PoolCardItem';

interface PoolCardTargetProps {
  timeLeft: string;
  targetConfig?: string;
  day1Configs: PoolRollout['day1Configs'];
}

/** Time left, the target config and the Day 1 configs it brings, each with an Edit link. */
const PoolCardTarget = ({ timeLeft, targetConfig, day1Configs }: PoolCardTargetProps) => {
  const { t } = usePluginTranslation();
  return (
    <DescriptionList isCompact isHorizontal>
      <PoolCardItem term={t('Time left')} test="pool-time-left">
        {timeLeft}
      </PoolCardItem>
      <PoolCardItem term={t('Target config')}>
        {targetConfig ? (
          <ResourceLink groupVersionKind={MachineConfigGVK} name={targetConfig} inline />
        ) : (
          '-'
        )}
      </PoolCardItem>
      <PoolCardItem term={t('Day 1 configs in the target')} test="pool-day1-configs">
        {day1Configs.length > 0 ? (
          <LabelGroup>
            {day1Configs.map((config) => (
              <Label key={config.name} color={config.new ? 'blue' : 'grey'} isCompact>
                {config.new ? t('{{name}} (new)', { name: config.name }) : config.name}{' '}
                <EditDay1ConfigLink
                  machineConfigName={config.name}
                  machineConfig={config.machineConfig}
                />
              </Label>
            ))}
          </LabelGroup>
        ) : (
          t('None')
        )}
      </PoolCardItem>
    </DescriptionList>
  );
};

export default memo(PoolCardTarget);
