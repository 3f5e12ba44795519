import { lazy, Suspense, useState } from 'react';
import type { ReactNode } from 'react';
import {
  PageSection,
  Spinner,
  Stack,
  Tab,
  Tabs,
  TabTitleText,
  Title,
} from '@patternfly/react-core';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import PoolStateLabel from '../shared/PoolStateLabel';
import { useRolloutData } from '../shared/useRolloutData';
import { useBootModuleConfigs } from '../shared/useBootModuleConfigs';
import ManagedByKmm from '../shared/ManagedByKmm';
import { managingBootModuleConfig } from '../../k8s/boot-module-config';
import ConfigActions from './ConfigActions';
import ConfigDay1Summary from './ConfigDay1Summary';
import ConfigKernelCoverage from './ConfigKernelCoverage';
import ConfigParameters from './ConfigParameters';
import ConfigPoolsAndNodes from './ConfigPoolsAndNodes';
import type { ConfigDetails } from './useConfigDetails';

// js-yaml and the editor load with the YAML tab.
const YamlPreview = lazy(() => import('../shared/YamlPreview'));

interface ConfigDetailsViewProps {
  details: Extract<ConfigDetails, { state: 'day1' }>;
  /** The page header, given the config's status and the Actions menu. */
  header: (status: ReactNode, actions: ReactNode) => ReactNode;
  onDelete: () => void;
}

/** A Day 1 config's header status and actions, and its Details and YAML tabs. */
const ConfigDetailsView = ({ details, header, onDelete }: ConfigDetailsViewProps) => {
  const { t } = usePluginTranslation();
  const [tab, setTab] = useState<string | number>('details');
  const rollout = useRolloutData();
  const { row, pools, nodesLoaded } = details;
  const { summary } = row;
  const name = summary.machineConfigName;
  const ownPool = rollout.rollout?.pools.find((pool) => pool.name === summary.machineConfigPoolRef);
  const bmcs = useBootModuleConfigs();
  const managedBy = managingBootModuleConfig(row.machineConfig, bmcs.items);
  return (
    <>
      {header(
        ownPool && <PoolStateLabel state={ownPool.state} />,
        <ConfigActions name={name} managedBy={managedBy} onDelete={onDelete} />,
      )}
      <PageSection>
        <Tabs
          activeKey={tab}
          onSelect={(_event, key) => {
            setTab(key);
          }}
          mountOnEnter
          unmountOnExit
          aria-label={t('Config details')}
        >
          <Tab
            eventKey="details"
            title={<TabTitleText>{t('Details')}</TabTitleText>}
            data-test="config-tab-details"
          >
            <Stack hasGutter className="pf-v6-u-pt-md">
              {managedBy && <ManagedByKmm machineConfigName={name} bmc={managedBy} />}
              <Title headingLevel="h2">{t('Parameters')}</Title>
              <ConfigParameters row={row} />
              <Title headingLevel="h2">{t('Rollout and Day 1 state')}</Title>
              <ConfigDay1Summary
                name={name}
                poolRef={summary.machineConfigPoolRef}
                pools={pools.map((entry) => entry.pool.metadata.name)}
                rollout={rollout}
              />
              <Title headingLevel="h2">{t('Pools and nodes')}</Title>
              <ConfigPoolsAndNodes
                pools={pools}
                nodesLoaded={nodesLoaded}
                poolRef={summary.machineConfigPoolRef}
              />
              <Title headingLevel="h2">{t('Kernel coverage')}</Title>
              <ConfigKernelCoverage summary={summary} />
            </Stack>
          </Tab>
          <Tab
            eventKey="yaml"
            title={<TabTitleText>{t('YAML')}</TabTitleText>}
            data-test="config-tab-yaml"
          >
            <div className="pf-v6-u-pt-md">
              <Suspense fallback={<Spinner size="lg" aria-label={t('Loading')} />}>
                <YamlPreview
                  resource={row.machineConfig}
                  fileName={`${name}.yaml`}
                  testId="config-yaml"
                />
              </Suspense>
            </div>
          </Tab>
        </Tabs>
      </PageSection>
    </>
  );
};

export default ConfigDetailsView;
