import { ActionList, ActionListItem, Alert, List, ListItem } from '@patternfly/react-core';
import type { PoolReadiness } from '../../rollout';
import PausePoolButton from '../shared/PausePoolButton';
import ResumePoolButton from '../shared/ResumePoolButton';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import { poolReadinessText } from './update-readiness-text';

/**
 * One Pause or Resume per pool, decided across every Day 1 config that reaches the pool (a custom pool
 * takes worker's configs too): a node boots all of them, so a pool resumes only when each image has its
 * tag. The per-config alerts below say what each config lacks.
 */
const UpdatePoolActions = ({ pools }: { pools: readonly PoolReadiness[] }) => {
  const { t } = usePluginTranslation();
  const anyPause = pools.some((p) => p.action.code === 'pause');
  return (
    <Alert
      isInline
      variant={anyPause ? 'warning' : 'info'}
      title={t('Pools')}
      data-test="update-readiness-pools"
    >
      <List isPlain>
        {pools.map((pool) => (
          <ListItem key={pool.pool} data-test={`update-pool-${pool.pool}`}>
            <p data-test="update-pool-action">{poolReadinessText(t, pool)}</p>
            {(pool.action.code === 'pause' || pool.action.code === 'resume') && (
              <ActionList>
                <ActionListItem>
                  {pool.action.code === 'pause' ? (
                    <PausePoolButton
                      poolName={pool.pool}
                      context="update"
                      label={t('Pause pool {{pool}}', { pool: pool.pool })}
                    />
                  ) : (
                    <ResumePoolButton
                      pool={pool.pool}
                      context="update"
                      label={t('Resume {{pool}}', { pool: pool.pool })}
                    />
                  )}
                </ActionListItem>
              </ActionList>
            )}
          </ListItem>
        ))}
      </List>
    </Alert>
  );
};

export default UpdatePoolActions;
