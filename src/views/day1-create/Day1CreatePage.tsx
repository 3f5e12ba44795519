import { DocumentTitle } from '@openshift-console/dynamic-plugin-sdk';
import { Breadcrumb, BreadcrumbItem, Content, PageSection, Title } from '@patternfly/react-core';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import { Link, useSearchParams } from 'react-router';
import { DAY1_CONFIGS_PATH } from '../shared/paths';
import Day1CreateForm from './Day1CreateForm';

/** Create a Day 1 kernel module config: `/day1-kernel-modules/~new[?pool=<pool>]`. */
const Day1CreatePage = () => {
  const { t } = usePluginTranslation();
  const [searchParams] = useSearchParams();
  const title = t('Create Day 1 kernel module config');
  return (
    <>
      <DocumentTitle>{title}</DocumentTitle>
      <PageSection>
        <Breadcrumb>
          <BreadcrumbItem
            render={({ className, ariaCurrent }) => (
              <Link className={className} aria-current={ariaCurrent} to={DAY1_CONFIGS_PATH}>
                {t('Day 1 kernel modules')}
              </Link>
            )}
          />
          <BreadcrumbItem isActive>{t('Create')}</BreadcrumbItem>
        </Breadcrumb>
        <Title headingLevel="h1" data-test="day1-create-title">
          {title}
        </Title>
        <Content component="p">
          {t(
            'Load an out-of-tree kernel module at boot, before networking starts, on the nodes of a MachineConfigPool. Nothing is created, and no node reboots, until you confirm.',
          )}
        </Content>
      </PageSection>
      <PageSection>
        <Day1CreateForm initialPool={searchParams.get('pool')} />
      </PageSection>
    </>
  );
};

export default Day1CreatePage;
