import { PageSection } from '@patternfly/react-core';
import type { K8sResourceKind } from '@openshift-console/dynamic-plugin-sdk';
import { useParams } from 'react-router';
import { DocumentTitle } from '../sdk/components/DocumentTitle';
import { ResourceYAMLEditor } from '../sdk/components/ResourceYAMLEditor';
import { getAPIVersionForModel } from '../sdk/k8s-ref';
import { findModelForPathSegment } from '../sdk/models';
import { NotFoundPage } from './NotFoundPage';

/** `/k8s/cluster/<kind>/~new`: console's "Create from YAML" page, where ListPageCreate leads. */
export const CreateResourcePage = () => {
  const { segment = '', ns } = useParams();
  const model = findModelForPathSegment(segment);
  if (!model) {
    return <NotFoundPage />;
  }
  const template: K8sResourceKind = {
    apiVersion: getAPIVersionForModel(model),
    kind: model.kind,
    metadata: { name: 'example', ...(model.namespaced ? { namespace: ns ?? 'default' } : {}) },
  };
  return (
    <PageSection hasBodyWrapper={false} data-test="create-resource-page">
      <DocumentTitle>{`Create ${model.label}`}</DocumentTitle>
      <ResourceYAMLEditor initialResource={template} create header={`Create ${model.label}`} />
    </PageSection>
  );
};
