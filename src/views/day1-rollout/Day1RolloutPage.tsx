import { DocumentTitle, ListPageBody, ListPageHeader } from '@openshift-console/dynamic-plugin-sdk';
import { Link, useParams } from 'react-router';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import { DAY1_CONFIGS_PATH, day1RolloutPath } from '../shared/paths';
import RolloutView from './RolloutView';

/**
 * The rollout page (`/day1-kernel-modules/rollout[/<pool>]`): where the create page lands, and what the
 * list links to. Per-pool progress and per-node phases, live, with each node's Day 1 outcome.
 */
const Day1RolloutPage = () => {
  const { t } = usePluginTranslation();
  const { pool } = useParams<{ pool?: string }>();
  const title = pool ? t('Day 1 rollout of {{pool}}', { pool }) : t('Day 1 rollout');
  return (
    <>
      <DocumentTitle>{title}</DocumentTitle>
      <ListPageHeader
        title={title}
        helpText={
          <>
            {t(
              'How the Machine Config Operator updates each node, and whether the Day 1 kernel module loaded.',
            )}{' '}
            {pool ? (
              <Link to={day1RolloutPath()} data-test="rollout-all-pools">
                {t('All pools')}
              </Link>
            ) : (
              <Link to={DAY1_CONFIGS_PATH}>{t('Day 1 kernel modules')}</Link>
            )}
          </>
        }
      />
      <ListPageBody>
        <RolloutView pool={pool} />
      </ListPageBody>
    </>
  );
};

export default Day1RolloutPage;
