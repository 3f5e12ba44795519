import { PageSection } from '@patternfly/react-core';
import type * as SDK from '@openshift-console/dynamic-plugin-sdk';

/** console's ListPageBody: a PatternFly page section for the list content. */
export const ListPageBody: typeof SDK.ListPageBody = ({ children }) => (
  <PageSection hasBodyWrapper={false} data-test="list-page-body">
    {children}
  </PageSection>
);
