import { DocumentTitle, ListPageBody } from '@openshift-console/dynamic-plugin-sdk';
import { Breadcrumb, BreadcrumbItem, Content, PageSection, Title } from '@patternfly/react-core';
import { Link, useParams } from 'react-router';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import { DAY1_CONFIGS_PATH, day1RolloutPath } from '../shared/paths';
import RolloutView from './RolloutView';

/** A breadcrumb link through react-router, so that console navigates without a reload. */
const crumbLink = (to: string, text: string) => (
  <BreadcrumbItem
    render={({ className, ariaCurrent }) => (
      <Link className={className} aria-current={ariaCurrent} to={to}>
        {text}
      </Link>
    )}
  />
);

/**
 * The rollout page (`/day1-kernel-modules/rollout[/<pool>]`): where the create page lands, and what the
 * list links to. Per-pool progress and per-node phases, live, with each node's Day 1 outcome.
 * A breadcrumb over the title, as console's details pages have (ListPageHeader takes none).
 */
const Day1RolloutPage = () => {
  const { t } = usePluginTranslation();
  const { pool } = useParams<{ pool?: string }>();
  const title = pool ? t('Day 1 rollout of {{pool}}', { pool }) : t('Day 1 rollout');
  return (
    <>
      <DocumentTitle>{title}</DocumentTitle>
      <PageSection hasBodyWrapper={false}>
        <Breadcrumb data-test="rollout-breadcrumb">
          {crumbLink(DAY1_CONFIGS_PATH, t('Day 1 kernel modules'))}
          {pool ? (
            crumbLink(day1RolloutPath(), t('Rollout'))
          ) : (
            <BreadcrumbItem isActive>{t('Rollout')}</BreadcrumbItem>
          )}
          {pool && <BreadcrumbItem isActive>{pool}</BreadcrumbItem>}
        </Breadcrumb>
        <Title headingLevel="h1" className="pf-v6-u-mt-sm" data-test="rollout-title">
          {title}
        </Title>
        <Content component="p" className="pf-v6-u-mt-sm">
          {t(
            'How the Machine Config Operator updates each node, and whether the Day 1 kernel module loaded.',
          )}
        </Content>
      </PageSection>
      <ListPageBody>
        <RolloutView pool={pool} />
      </ListPageBody>
    </>
  );
};

export default Day1RolloutPage;
