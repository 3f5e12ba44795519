import { useMemo, useState } from 'react';
import { Day1RolloutDeriver } from '../../rollout';
import type { Day1Rollout, Rollout } from '../../rollout';
import type { Day1Statuses } from './useDay1Statuses';

/**
 * The rollout with each node's Day 1 state applied (Day1RolloutDeriver): a node down for the Day 1
 * reboot is RebootingForDay1 and its pool not done. Undefined while the rollout loads; the rollout as
 * MCO sees it while the access review runs.
 */
export const useDay1Rollout = (
  rollout: Rollout | undefined,
  statuses: Pick<Day1Statuses, 'access' | 'facts'>,
): Day1Rollout | undefined => {
  const [deriver] = useState(() => new Day1RolloutDeriver());
  const { access, facts } = statuses;
  return useMemo(() => {
    if (rollout === undefined) return undefined;
    if (access === undefined) return { rollout, nodes: new Map(), pools: new Map() };
    return deriver.derive(rollout, facts);
  }, [deriver, rollout, access, facts]);
};
