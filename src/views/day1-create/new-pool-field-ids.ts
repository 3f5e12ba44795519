/** The new pool's fields, apart from them so that the form can focus them without loading them. */
export const NEW_POOL_FIELD_IDS = {
  name: 'day1-new-pool-name',
  maxUnavailable: 'day1-new-pool-max-unavailable',
  paused: 'day1-new-pool-paused',
  nodes: 'day1-new-pool-nodes',
} as const;
