/**
 * The bench's bundle baseline: a page like console-plugin-template's example page (a title and a
 * card in PatternFly page sections), built with this repository's webpack config and shared modules.
 */
import { DocumentTitle } from '@openshift-console/dynamic-plugin-sdk';
import { Card, CardBody, CardTitle, PageSection, Title } from '@patternfly/react-core';
import { CheckCircleIcon } from '@patternfly/react-icons';
import { useTranslation } from 'react-i18next';

const ExamplePage = () => {
  const { t } = useTranslation('plugin__kmm-day1-console-plugin');
  return (
    <>
      <DocumentTitle>{t('Hello, plugin')}</DocumentTitle>
      <PageSection>
        <Title headingLevel="h1">{t('Hello, plugin')}</Title>
      </PageSection>
      <PageSection>
        <Card data-test="baseline-card">
          <CardTitle>
            <CheckCircleIcon /> {t('Your plugin is working')}
          </CardTitle>
          <CardBody>{t('This is a custom page contributed by a console plugin.')}</CardBody>
        </Card>
      </PageSection>
    </>
  );
};

export default ExamplePage;
