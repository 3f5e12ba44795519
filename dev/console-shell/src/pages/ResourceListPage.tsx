import type { K8sResourceKind } from '@openshift-console/dynamic-plugin-sdk';
import { EmptyState } from '@patternfly/react-core';
import { useParams } from 'react-router';
import { DocumentTitle } from '../sdk/components/DocumentTitle';
import { ListPageBody } from '../sdk/components/ListPageBody';
import { ListPageCreate } from '../sdk/components/ListPageCreate';
import { ListPageHeader } from '../sdk/components/ListPageHeader';
import { getGroupVersionKindForModel } from '../sdk/k8s-ref';
import { findModelForPathSegment, NodeModel } from '../sdk/models';
import { useK8sWatchResource } from '../sdk/watch/useK8sWatchResource';
import { LoadState } from './LoadState';
import { NotFoundPage } from './NotFoundPage';
import { ResourceTable } from './ResourceTable';

/**
 * `/k8s/cluster/<kind>` (and `/k8s/ns/<ns>/<kind>`): a live table of one kind, with console's
 * create button (none for Nodes, as in console).
 */
export const ResourceListPage = () => {
  const { segment = '', ns } = useParams();
  const model = findModelForPathSegment(segment);
  const gvk = model ? getGroupVersionKindForModel(model) : undefined;
  const [data, loaded, loadError] = useK8sWatchResource<K8sResourceKind[]>(
    gvk ? { groupVersionKind: gvk, isList: true, namespace: ns } : null,
  ) as [K8sResourceKind[], boolean, unknown];
  if (!model || !gvk) {
    return <NotFoundPage />;
  }
  return (
    <div data-test="resource-list-page" data-kind={model.kind}>
      <DocumentTitle>{model.labelPlural}</DocumentTitle>
      <ListPageHeader title={model.labelPlural}>
        {model !== NodeModel && (
          <ListPageCreate
            groupVersionKind={gvk}
            createAccessReview={{ groupVersionKind: gvk, namespace: ns }}
          >
            Create {model.label}
          </ListPageCreate>
        )}
      </ListPageHeader>
      <ListPageBody>
        <LoadState loaded={loaded} loadError={loadError} what={model.labelPlural}>
          {data.length === 0 ? (
            <EmptyState
              titleText={`No ${model.labelPlural} found`}
              headingLevel="h2"
              data-test="resource-list-empty"
            />
          ) : (
            <ResourceTable model={model} data={data} />
          )}
        </LoadState>
      </ListPageBody>
    </div>
  );
};
