import { memo } from 'react';
import type { ReactNode } from 'react';
import { ResourceLink } from '@openshift-console/dynamic-plugin-sdk';
import { CardHeader, CardTitle, Flex, FlexItem, Label } from '@patternfly/react-core';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import { MachineConfigPoolGVK } from '../../k8s/gvk';
import type { PoolRollout } from '../../rollout';
import PoolStateLabel from '../shared/PoolStateLabel';

interface PoolCardHeaderProps {
  name: string;
  state: PoolRollout['state'];
  paused: boolean;
  /** Pause, or Resume for a paused pool. */
  actions?: ReactNode;
}

/** The pool's name and state. Memoised: node events change a pool's counts far more often. */
const PoolCardHeader = ({ name, state, paused, actions }: PoolCardHeaderProps) => {
  const { t } = usePluginTranslation();
  return (
    <CardHeader actions={actions ? { actions, hasNoOffset: true } : undefined}>
      <CardTitle>
        <Flex spaceItems={{ default: 'spaceItemsSm' }} alignItems={{ default: 'alignItemsCenter' }}>
          <FlexItem>
            <ResourceLink groupVersionKind={MachineConfigPoolGVK} name={name} inline />
          </FlexItem>
          <FlexItem>
            <PoolStateLabel state={state} />
          </FlexItem>
          {paused && state !== 'Paused' && (
            <FlexItem>
              <Label status="warning" data-test="pool-paused">
                {t('Paused')}
              </Label>
            </FlexItem>
          )}
        </Flex>
      </CardTitle>
    </CardHeader>
  );
};

export default memo(PoolCardHeader);
