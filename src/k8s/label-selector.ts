import type { LabelSelector } from './types';

/**
 * Whether `labels` satisfy a Kubernetes label selector (matchLabels and matchExpressions, ANDed).
 * An empty selector selects everything, as the API server treats it; a missing one selects nothing.
 */
export const matchesLabelSelector = (
  labels: Record<string, string> | undefined,
  selector: LabelSelector | undefined,
): boolean => {
  if (!selector) return false;
  const actual = labels ?? {};
  // A plain loop: the rollout view matches every node against every pool, so no per-call arrays.
  const { matchLabels } = selector;
  for (const key in matchLabels) {
    if (actual[key] !== matchLabels[key]) return false;
  }
  return (
    selector.matchExpressions === undefined ||
    selector.matchExpressions.every(({ key, operator, values = [] }) => {
      const has = key in actual;
      switch (operator) {
        case 'In':
          return has && values.includes(actual[key]);
        case 'NotIn':
          return !has || !values.includes(actual[key]);
        case 'Exists':
          return has;
        case 'DoesNotExist':
          return !has;
        default:
          return false;
      }
    })
  );
};
