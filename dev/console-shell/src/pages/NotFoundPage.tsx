import { EmptyState, EmptyStateBody, PageSection } from '@patternfly/react-core';
import { useLocation } from 'react-router';
import { DocumentTitle } from '../sdk/components/DocumentTitle';

/** 404, as console shows it for a path no route (built-in or plugin) matches. */
export const NotFoundPage = () => {
  const { pathname } = useLocation();
  return (
    <PageSection hasBodyWrapper={false}>
      <DocumentTitle>404: Page Not Found</DocumentTitle>
      <EmptyState titleText="404: Page Not Found" headingLevel="h1" data-test="not-found">
        <EmptyStateBody>No page at {pathname}.</EmptyStateBody>
      </EmptyState>
    </PageSection>
  );
};
