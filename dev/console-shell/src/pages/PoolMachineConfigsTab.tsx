import { EmptyState, PageSection } from '@patternfly/react-core';
import type {
  K8sResourceKind,
  PageComponentProps,
  Selector,
} from '@openshift-console/dynamic-plugin-sdk';
import { getGroupVersionKindForModel } from '../sdk/k8s-ref';
import { MachineConfigModel } from '../sdk/models';
import { useK8sWatchResource } from '../sdk/watch/useK8sWatchResource';
import { LoadState } from './LoadState';
import { ResourceTable } from './ResourceTable';

/** The pool's MachineConfigs tab: those its `spec.machineConfigSelector` selects, as in console. */
export const PoolMachineConfigsTab = ({ obj }: PageComponentProps<K8sResourceKind>) => {
  const selector = obj?.spec?.machineConfigSelector as Selector | undefined;
  const [data, loaded, loadError] = useK8sWatchResource<K8sResourceKind[]>(
    selector
      ? {
          groupVersionKind: getGroupVersionKindForModel(MachineConfigModel),
          isList: true,
          selector,
        }
      : null,
    // The SDK types the error as `any`; treat it as unknown.
  ) as [K8sResourceKind[], boolean, unknown];
  return (
    <PageSection hasBodyWrapper={false} data-test="pool-machineconfigs">
      {!selector ? (
        <EmptyState titleText="This pool has no machineConfigSelector" headingLevel="h2" />
      ) : (
        <LoadState loaded={loaded} loadError={loadError} what="MachineConfigs">
          <ResourceTable model={MachineConfigModel} data={data} />
        </LoadState>
      )}
    </PageSection>
  );
};
