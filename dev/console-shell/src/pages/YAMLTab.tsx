import { PageSection } from '@patternfly/react-core';
import type { K8sResourceKind, PageComponentProps } from '@openshift-console/dynamic-plugin-sdk';
import { ResourceYAMLEditor } from '../sdk/components/ResourceYAMLEditor';

/** The YAML tab: the shell's ResourceYAMLEditor on the live object (saving updates it). */
export const YAMLTab = ({ obj }: PageComponentProps<K8sResourceKind>) =>
  obj ? (
    <PageSection hasBodyWrapper={false}>
      <ResourceYAMLEditor initialResource={obj} hideHeader />
    </PageSection>
  ) : null;
