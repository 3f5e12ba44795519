import { Flex, FlexItem } from '@patternfly/react-core';
import { usePluginTranslation } from './usePluginTranslation';
import { Link } from 'react-router';
import type { PoolRollout } from '../../rollout';
import PoolStateLabel from './PoolStateLabel';
import { day1RolloutPath } from './paths';

interface PoolRolloutLinkProps {
  poolName: string;
  /** Undefined while the rollout loads, or when no such pool exists. */
  rollout?: PoolRollout;
  loaded: boolean;
}

/** A config's pool state and completion, linking to that pool's rollout page. */
const PoolRolloutLink = ({ poolName, rollout, loaded }: PoolRolloutLinkProps) => {
  const { t } = usePluginTranslation();
  if (!loaded) {
    return <>{t('Loading…')}</>;
  }
  if (!rollout) {
    return <span data-test="pool-missing">{t('No pool {{pool}}', { pool: poolName })}</span>;
  }
  return (
    <Flex spaceItems={{ default: 'spaceItemsSm' }} flexWrap={{ default: 'nowrap' }}>
      <FlexItem>
        <PoolStateLabel state={rollout.state} />
      </FlexItem>
      <FlexItem>
        <Link
          to={day1RolloutPath(poolName)}
          aria-label={t('Rollout of pool {{pool}}', { pool: poolName })}
        >
          {t('{{completion}}% updated', { completion: rollout.completion })}
        </Link>
      </FlexItem>
    </Flex>
  );
};

export default PoolRolloutLink;
