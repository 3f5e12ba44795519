import { Breadcrumb, BreadcrumbItem, Flex, PageSection, Title } from '@patternfly/react-core';
import type { K8sResourceKind } from '@openshift-console/dynamic-plugin-sdk';
import { Link, useParams } from 'react-router';
import { DocumentTitle } from '../sdk/components/DocumentTitle';
import { HorizontalNav } from '../sdk/components/HorizontalNav';
import { ResourceIcon } from '../sdk/components/ResourceIcon';
import { getGroupVersionKindForModel } from '../sdk/k8s-ref';
import { findModelForPathSegment } from '../sdk/models';
import { resourcePathFromModel } from '../sdk/resource-path';
import { useK8sWatchResource } from '../sdk/watch/useK8sWatchResource';
import { detailPagesFor } from './detail-pages';
import { LoadState } from './LoadState';
import { NotFoundPage } from './NotFoundPage';
import { ResourceActionsMenu } from './ResourceActionsMenu';

/**
 * `/k8s/cluster/<kind>/<name>/*`: one live object with console's tabs, plugin
 * `console.tab/horizontalNav` tabs included (routed at `.../<name>/<href>`), and an Actions menu with
 * the plugins' `console.action/resource-provider` actions for its kind.
 */
export const ResourceDetailsPage = () => {
  const { segment = '', name = '', ns } = useParams();
  const model = findModelForPathSegment(segment);
  const gvk = model ? getGroupVersionKindForModel(model) : undefined;
  const [obj, loaded, loadError] = useK8sWatchResource<K8sResourceKind>(
    gvk ? { groupVersionKind: gvk, name, namespace: ns } : null,
  ) as [K8sResourceKind, boolean, unknown];
  if (!model || !gvk) {
    return <NotFoundPage />;
  }
  return (
    <div data-test="resource-details" data-kind={model.kind} data-name={name}>
      <DocumentTitle>{`${name} · Details`}</DocumentTitle>
      <PageSection hasBodyWrapper={false}>
        <Breadcrumb className="pf-v6-u-mb-md">
          <BreadcrumbItem
            render={({ className }) => (
              <Link
                className={className}
                to={resourcePathFromModel(model, undefined, ns)}
                data-test="breadcrumb-list"
              >
                {model.labelPlural}
              </Link>
            )}
          />
          <BreadcrumbItem isActive>{model.label} details</BreadcrumbItem>
        </Breadcrumb>
        <Flex alignItems={{ default: 'alignItemsCenter' }} gap={{ default: 'gapSm' }}>
          <ResourceIcon groupVersionKind={gvk} className="co-m-resource-icon--lg" />
          <Title headingLevel="h1" data-test="resource-details-title">
            {name}
          </Title>
          {loaded && !loadError && (
            <Flex
              flex={{ default: 'flex_1' }}
              justifyContent={{ default: 'justifyContentFlexEnd' }}
            >
              <ResourceActionsMenu resource={obj} />
            </Flex>
          )}
        </Flex>
      </PageSection>
      {loaded && !loadError ? (
        <HorizontalNav resource={obj} pages={detailPagesFor(model)} />
      ) : (
        <PageSection hasBodyWrapper={false}>
          <LoadState loaded={loaded} loadError={loadError} what={`${model.label} ${name}`}>
            {null}
          </LoadState>
        </PageSection>
      )}
    </div>
  );
};
