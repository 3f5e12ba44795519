import { Content, Flex, FlexItem, PageSection, Title } from '@patternfly/react-core';
import type * as SDK from '@openshift-console/dynamic-plugin-sdk';

/** console's ListPageHeader: the page title with an action area, help text and help alert. */
export const ListPageHeader: typeof SDK.ListPageHeader = ({
  title,
  badge,
  helpText,
  helpAlert,
  children,
}) => (
  <PageSection hasBodyWrapper={false} data-test="list-page-header">
    <Flex
      justifyContent={{ default: 'justifyContentSpaceBetween' }}
      alignItems={{ default: 'alignItemsCenter' }}
    >
      {title && (
        <FlexItem>
          <Title headingLevel="h1" data-test="page-heading">
            <span data-test-id="resource-title">{title}</span>
            {badge && <span className="pf-v6-u-ml-sm">{badge}</span>}
          </Title>
        </FlexItem>
      )}
      {children && <FlexItem data-test="list-page-header-actions">{children}</FlexItem>}
    </Flex>
    {helpText && (
      <Content component="p" className="pf-v6-u-mt-sm" data-test="list-page-help-text">
        {helpText}
      </Content>
    )}
    {helpAlert && <div className="pf-v6-u-mt-md">{helpAlert}</div>}
  </PageSection>
);
