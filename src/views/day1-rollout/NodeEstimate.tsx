import { createContext, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { Tooltip } from '@patternfly/react-core';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import { durationText } from '../shared/rollout-text';
import { nodeEstimate } from '../../rollout';
import type { NodeRollout, PoolRollout, PoolTiming } from '../../rollout';
import { useStableValue } from './useStableValue';

/** Each pool's timing model, for the nodes' estimates; a new map only when a figure changes. */
const PoolTimingContext = createContext<ReadonlyMap<string, PoolTiming>>(new Map());

const sameTimings = (
  a: ReadonlyMap<string, PoolTiming>,
  b: ReadonlyMap<string, PoolTiming>,
): boolean =>
  a.size === b.size &&
  [...a].every(([pool, timing]) => {
    const other = b.get(pool);
    return (
      other?.estimatePerNodeMs === timing.estimatePerNodeMs &&
      other.estimateTailMs === timing.estimateTailMs
    );
  });

/** Gives the node estimates below it the pools' timing models. */
export const PoolTimingProvider = ({
  pools,
  children,
}: {
  pools: readonly PoolRollout[];
  children: ReactNode;
}) => {
  const timings = useStableValue(
    useMemo(
      () =>
        new Map(
          pools.map((pool) => [
            pool.name,
            { estimatePerNodeMs: pool.estimatePerNodeMs, estimateTailMs: pool.estimateTailMs },
          ]),
        ),
      [pools],
    ),
    sameTimings,
  );
  return <PoolTimingContext.Provider value={timings}>{children}</PoolTimingContext.Provider>;
};

/** How often a time to come is worded again: it reads in minutes. */
const REFRESH_MS = 30_000;

/**
 * When the node will be done (the EST column of `oc adm upgrade status`), from its pool's timing model:
 * "in about 4 min", with the clock time on hover. Updates itself while it counts down, so that its
 * memoised row need not re-render with the clock.
 */
export const NodeEstimate = ({ node }: { node: NodeRollout }) => {
  const { t } = usePluginTranslation();
  const timings = useContext(PoolTimingContext);
  const [now, setNow] = useState(() => Date.now());
  const estimate = nodeEstimate(
    node,
    node.pool === undefined ? undefined : timings.get(node.pool),
    now,
  );
  const at = estimate.kind === 'at' ? estimate.at : undefined;
  useEffect(() => {
    if (at === undefined) return undefined;
    const id = setInterval(() => {
      setNow(Date.now());
    }, REFRESH_MS);
    // Late exactly when the time comes, not at the next refresh.
    const late = setTimeout(
      () => {
        setNow(Date.now());
      },
      Math.max(0, at - Date.now()),
    );
    return () => {
      clearInterval(id);
      clearTimeout(late);
    };
  }, [at]);

  switch (estimate.kind) {
    case 'at':
      return (
        <Tooltip content={new Date(estimate.at).toLocaleTimeString()}>
          <span tabIndex={0} data-test="node-estimate" data-estimate="at">
            {t('in {{duration}}', {
              duration: durationText(t, Math.max(0, (estimate.at - now) / 1000)),
            })}
          </span>
        </Tooltip>
      );
    case 'late':
      return (
        <span data-test="node-estimate" data-estimate="late">
          {t('Any time now: longer than the usual duration')}
        </span>
      );
    case 'waiting':
      return (
        <span data-test="node-estimate" data-estimate="waiting">
          {t('When its turn comes')}
        </span>
      );
    case 'unknown':
      return (
        <span data-test="node-estimate" data-estimate="unknown">
          {t('Not estimated')}
        </span>
      );
    case 'none':
      return (
        <span data-test="node-estimate" data-estimate="none">
          -
        </span>
      );
  }
};
