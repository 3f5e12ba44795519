/**
 * The Day 1 units a node finds in its config, read as the node would: the systemd units the Ignition
 * content installs, the load unit `<mc>-replace-kernel-module.service` (or KMM's unprefixed one before
 * 2.2) and its pull unit, the `Environment=` lines that tell their scripts which image and module to
 * use (kmm-day1.md §3, and this product's units, which add KMM_DAY1_NAME, KMM_DAY1_STATE_DIR and
 * KMM_DAY1_STATUS_DIR), and the pull unit's ordering against the kubelet (`Before=` in its [Unit]
 * section, drop-ins included), which decides whether its reboot happens before the kubelet starts.
 * Written from those documented shapes, not with the plugin's producer, so the simulator checks it.
 */

/** KMM's worker image when a unit names none (pkg/mcproducer's default). */
export const KMM_DEFAULT_WORKER_IMAGE =
  'quay.io/edge-infrastructure/kernel-module-management-worker:latest';

const REPLACE_UNIT_SUFFIX = '-replace-kernel-module.service';
const PULL_UNIT_SUFFIX = '-pull-kernel-module-image.service';

/** What the Day 1 units of one MachineConfig do on a node. */
export interface Day1UnitConfig {
  /** The MachineConfig the units came from (KMM_DAY1_NAME, else the unit name's prefix). */
  machineConfigName: string;
  kernelModuleImage: string;
  kernelModuleName: string;
  inTreeModulesToRemove: string[];
  workerImage: string;
  /** Whether a pull unit comes with the load unit: without one, nothing pulls the images. */
  hasPullUnit: boolean;
  /**
   * Whether the pull unit is ordered `Before=kubelet.service` or `Before=kubelet-dependencies.target`
   * (which kubelet.service is ordered after): systemd then starts the kubelet only once the pull has
   * finished, so a pull that reboots the node does so before the kubelet and the daemon run. Without
   * it (KMM's units) the pull runs beside the kubelet, after network-online.target.
   */
  pullBeforeKubelet: boolean;
  /**
   * Where the scripts write status.json: KMM_DAY1_STATUS_DIR (under /var/log, served by the kubelet), or
   * KMM_DAY1_STATE_DIR for units made before it existed; KMM's own scripts write none.
   */
  statusDirectory?: string;
  /** The load unit's name, as systemd and the journal know it (`<mc>-replace-kernel-module.service`). */
  loadUnit: string;
  /** The pull unit's name, if there is one. */
  pullUnit?: string;
}

interface UnitEntry {
  name?: unknown;
  contents?: unknown;
  mask?: unknown;
  dropins?: unknown;
}

/** Units that, when a unit is ordered before them, hold the kubelet back until it has finished. */
const KUBELET_UNITS = new Set(['kubelet.service', 'kubelet-dependencies.target']);

const C_ESCAPES: Record<string, string> = { n: '\n', t: '\t', s: ' ' };

/**
 * The variables of a unit's `Environment=` lines, as systemd reads them: `%%` is a literal `%`, then the
 * line splits into words at unquoted whitespace, quotes are removed and backslash escapes resolved.
 */
export const unitEnvironment = (contents: string): Map<string, string> => {
  const variables = new Map<string, string>();
  for (const line of contents.split('\n')) {
    const match = /^\s*Environment\s*=(.*)$/.exec(line);
    if (match === null) continue;
    const text = match[1].replaceAll('%%', '%');
    const words: string[] = [];
    let word: string | null = null;
    let quote: string | null = null;
    for (let index = 0; index < text.length; index++) {
      const char = text[index];
      if (char === '\\' && index + 1 < text.length) {
        index++;
        word = (word ?? '') + (C_ESCAPES[text[index]] ?? text[index]);
      } else if (quote !== null) {
        if (char === quote) quote = null;
        else word = (word ?? '') + char;
      } else if (char === '"' || char === "'") {
        quote = char;
        word ??= '';
      } else if (/\s/.test(char)) {
        if (word !== null) words.push(word);
        word = null;
      } else {
        word = (word ?? '') + char;
      }
    }
    if (word !== null) words.push(word);
    for (const assignment of words) {
      const equals = assignment.indexOf('=');
      if (equals > 0) variables.set(assignment.slice(0, equals), assignment.slice(equals + 1));
    }
  }
  return variables;
};

/**
 * The values of a directive in a section of unit files read in order (the unit, then its drop-ins), as
 * systemd reads list directives such as `Before=`: each line adds its space-separated words, an empty
 * assignment clears what came before.
 */
export const unitListDirective = (texts: string[], section: string, key: string): string[] => {
  let values: string[] = [];
  for (const text of texts) {
    let current = '';
    for (const raw of text.split('\n')) {
      const line = raw.trim();
      if (line.startsWith('#') || line.startsWith(';')) continue;
      const header = /^\[(.+)\]$/.exec(line);
      if (header !== null) {
        current = header[1];
        continue;
      }
      if (current !== section) continue;
      const match = /^([A-Za-z]+)\s*=(.*)$/.exec(line);
      if (match?.[1] !== key) continue;
      const words = match[2].trim().split(/\s+/).filter(Boolean);
      values = words.length === 0 ? [] : [...values, ...words];
    }
  }
  return values;
};

/** The texts systemd reads for a unit: its contents, then its drop-ins in name order. */
const unitTexts = (unit: UnitEntry | undefined): string[] => {
  if (unit === undefined) return [];
  const texts = typeof unit.contents === 'string' ? [unit.contents] : [];
  const dropins = Array.isArray(unit.dropins) ? (unit.dropins as unknown[]) : [];
  const named = dropins
    .map((d) => d as { name?: unknown; contents?: unknown } | null)
    .filter(
      (d): d is { name: string; contents: string } =>
        typeof d?.name === 'string' && typeof d.contents === 'string',
    )
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return [...texts, ...named.map((d) => d.contents)];
};

/** The systemd units of an Ignition config; anything that is not a list of objects gives none. */
const unitsOf = (ignition: unknown): UnitEntry[] => {
  const systemd = (ignition as { systemd?: unknown } | null)?.systemd;
  const units = (systemd as { units?: unknown } | null | undefined)?.units;
  if (!Array.isArray(units)) return [];
  return units.filter((unit): unit is UnitEntry => typeof unit === 'object' && unit !== null);
};

const nonEmpty = (value: string | undefined): string | undefined =>
  value === '' ? undefined : value;

const prefixOf = (unitName: string, suffix: string): string | undefined => {
  if (unitName === suffix.slice(1)) return '';
  return unitName.endsWith(suffix) ? unitName.slice(0, -suffix.length) : undefined;
};

/**
 * The Day 1 configs in an Ignition config (a MachineConfig's `spec.config`, or a rendered one's, where
 * several MachineConfigs' units sit side by side). `sourceName` names the units of KMM before 2.2, which
 * carry no prefix. A load unit without a module image or module name does nothing and is left out.
 */
export const day1UnitsIn = (ignition: unknown, sourceName = ''): Day1UnitConfig[] => {
  const units = unitsOf(ignition);
  const byName = new Map<string, UnitEntry>();
  for (const unit of units) {
    if (typeof unit.name === 'string' && unit.mask !== true) byName.set(unit.name, unit);
  }
  const configs: Day1UnitConfig[] = [];
  for (const unit of units) {
    if (typeof unit.name !== 'string' || typeof unit.contents !== 'string') continue;
    if (unit.mask === true) continue;
    const prefix = prefixOf(unit.name, REPLACE_UNIT_SUFFIX);
    if (prefix === undefined) continue;
    const env = unitEnvironment(unit.contents);
    const kernelModuleImage = env.get('KERNEL_MODULE_IMAGE') ?? '';
    const kernelModuleName = env.get('KERNEL_MODULE') ?? '';
    if (kernelModuleImage === '' || kernelModuleName === '') continue;
    // KMM 2.2-2.4 named the variable in the singular.
    const inTree =
      env.get('IN_TREE_MODULES_TO_REMOVE') ?? env.get('IN_TREE_MODULE_TO_REMOVE') ?? '';
    const statusDirectory =
      nonEmpty(env.get('KMM_DAY1_STATUS_DIR')) ?? nonEmpty(env.get('KMM_DAY1_STATE_DIR'));
    const pullUnit = byName.get(`${prefix}${PULL_UNIT_SUFFIX}`.replace(/^-/, ''));
    const before = unitListDirective(unitTexts(pullUnit), 'Unit', 'Before');
    configs.push({
      machineConfigName: env.get('KMM_DAY1_NAME') ?? (prefix === '' ? sourceName : prefix),
      kernelModuleImage,
      kernelModuleName,
      inTreeModulesToRemove: inTree.split(/\s+/).filter(Boolean),
      // An empty WORKER_IMAGE is as good as none: the scripts would have no image to run.
      workerImage: nonEmpty(env.get('WORKER_IMAGE')) ?? KMM_DEFAULT_WORKER_IMAGE,
      hasPullUnit: pullUnit !== undefined,
      pullBeforeKubelet: before.some((unitName) => KUBELET_UNITS.has(unitName)),
      statusDirectory,
      loadUnit: unit.name,
      ...(pullUnit === undefined ? {} : { pullUnit: pullUnit.name as string }),
    });
  }
  return configs;
};

/** The Day 1 configs of each source MachineConfig, by its name. */
export const day1ConfigsOf = (sources: unknown[]): Day1UnitConfig[] =>
  sources.flatMap((source) => {
    const mc = source as {
      metadata?: { name?: unknown } | null;
      spec?: { config?: unknown } | null;
    };
    const name = typeof mc.metadata?.name === 'string' ? mc.metadata.name : '';
    return day1UnitsIn(mc.spec?.config, name);
  });

/** The Day 1 configs in a rendered config, for rendered configs whose sources are not known. */
export const day1ConfigsInRendered = (rendered: {
  spec?: { config?: unknown };
}): Day1UnitConfig[] => day1UnitsIn(rendered.spec?.config);

/** The status file the units of a config write, if they write one. */
export const statusFileOf = (config: Day1UnitConfig): string | undefined =>
  config.statusDirectory === undefined ? undefined : `${config.statusDirectory}/status.json`;
