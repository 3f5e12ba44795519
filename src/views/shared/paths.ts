/**
 * The plugin's console paths, shared by the features that link to each other. The route extensions in
 * console-extensions.json use the same strings.
 */
export const DAY1_CONFIGS_PATH = '/day1-kernel-modules';

/** The create form; `pool` preselects a MachineConfigPool. */
export const day1CreatePath = (pool?: string): string =>
  `${DAY1_CONFIGS_PATH}/~new${pool ? `?pool=${encodeURIComponent(pool)}` : ''}`;

/** The rollout view of one pool, or of every pool. */
export const day1RolloutPath = (pool?: string): string =>
  `${DAY1_CONFIGS_PATH}/rollout${pool ? `/${encodeURIComponent(pool)}` : ''}`;

/** The edit form of a Day 1 config. */
export const day1EditPath = (name: string): string =>
  `${DAY1_CONFIGS_PATH}/configs/${encodeURIComponent(name)}/edit`;
