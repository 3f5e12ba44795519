/**
 * What MCO's render controller checks in each MachineConfig before merging (ValidateMachineConfig:
 * kernelType, the Ignition version, Ignition's fatal validation rules, file modes, extensions), with
 * MCO's and Ignition's error wording, and the Ignition-level merge of several configs.
 */

/** Ignition spec versions MCO 4.19+ parses (IgnParseWrapper): 2.2 via the v2 parser, 3.0 to 3.5. */
const SUPPORTED_VERSIONS = ['2.2.0', '3.0.0', '3.1.0', '3.2.0', '3.3.0', '3.4.0', '3.5.0'];
const SUPPORTED_MINORS = '2.2,3.0,3.1,3.2,3.3,3.4,3.5';
const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;
const KERNEL_TYPES = ['', 'default', 'realtime', '64k-pages'];
/** MCO's extension allow-list (pkg/controller/common SupportedExtensions). */
const SUPPORTED_EXTENSIONS = [
  'two-node-ha',
  'ipsec',
  'usbguard',
  'kerberos',
  'kernel-devel',
  'sandboxed-containers',
  'sysstat',
];
const UNIT_SUFFIXES = [
  '.service',
  '.socket',
  '.device',
  '.mount',
  '.automount',
  '.swap',
  '.target',
  '.path',
  '.timer',
  '.snapshot',
  '.slice',
  '.scope',
];
const URL_SCHEMES = ['http', 'https', 'tftp', 'gs', 's3', 'arn', 'data'];

type Json = Record<string, unknown>;

const asObject = (value: unknown): Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const asString = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;

/** Go's `path.Clean(p) == p` for an absolute path. */
const isClean = (path: string): boolean =>
  path === '/' ||
  (!path.endsWith('/') &&
    !path
      .slice(1)
      .split('/')
      .some((part) => part === '' || part === '.' || part === '..'));

const pathError = (path: unknown): string | undefined => {
  if (typeof path !== 'string' || path === '') return 'path not specified';
  if (!path.startsWith('/')) return 'path not absolute';
  if (!isClean(path)) return 'path is not fully simplified';
  return undefined;
};

const dataUrlError = (url: string): string | undefined => {
  const comma = url.indexOf(',');
  if (comma < 0) return 'unable to parse url';
  const header = url.slice('data:'.length, comma);
  const data = url.slice(comma + 1);
  if (header.endsWith(';base64')) {
    return /^[A-Za-z0-9+/]*={0,2}$/.test(data) && data.length % 4 !== 1
      ? undefined
      : 'unable to parse url';
  }
  try {
    decodeURIComponent(data);
    return undefined;
  } catch {
    return 'unable to parse url';
  }
};

const sourceError = (source: unknown): string | undefined => {
  if (source === undefined || source === null || source === '') return undefined;
  if (typeof source !== 'string') return 'unable to parse url';
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(source)?.[1]?.toLowerCase();
  if (scheme === undefined) return 'invalid url scheme';
  if (!URL_SCHEMES.includes(scheme)) return 'invalid url scheme';
  return scheme === 'data' ? dataUrlError(source) : undefined;
};

/** Ignition's validation report entries (only the fatal ones), as `error at $.path: message`. */
const ignitionErrors = (config: Json): string[] => {
  const errors: string[] = [];
  const add = (path: string, message: string | undefined) => {
    if (message !== undefined) errors.push(`error at $.${path}: ${message}`);
  };
  const storage = asObject(config.storage);
  const unitPaths = new Set<string>();
  const units = asArray(asObject(config.systemd).units);
  const unitNames = new Set<string>();
  units.forEach((value, i) => {
    const unit = asObject(value);
    const name = asString(unit.name) ?? '';
    if (!UNIT_SUFFIXES.some((suffix) => name.endsWith(suffix))) {
      add(`systemd.units.${String(i)}.name`, 'invalid systemd unit extension');
    }
    if (unitNames.has(name)) add(`systemd.units.${String(i)}.name`, 'duplicate entry defined');
    unitNames.add(name);
    unitPaths.add(`/etc/systemd/system/${name}`);
    asArray(unit.dropins).forEach((dropinValue, j) => {
      const dropin = asString(asObject(dropinValue).name) ?? '';
      if (!dropin.endsWith('.conf')) {
        add(
          `systemd.units.${String(i)}.dropins.${String(j)}.name`,
          'invalid systemd drop-in extension',
        );
      }
      unitPaths.add(`/etc/systemd/system/${name}.d/${dropin}`);
    });
  });
  const filePaths = new Set<string>();
  asArray(storage.files).forEach((value, i) => {
    const file = asObject(value);
    const at = `storage.files.${String(i)}`;
    const path = asString(file.path);
    add(`${at}.path`, pathError(file.path));
    if (path !== undefined && filePaths.has(path)) add(`${at}.path`, 'duplicate entry defined');
    if (path !== undefined) filePaths.add(path);
    if (path !== undefined && unitPaths.has(path)) {
      add(`${at}.path`, 'path conflicts with systemd unit or dropin');
    }
    const mode = file.mode;
    if (typeof mode === 'number' && (mode < 0 || mode > 0o7777))
      add(`${at}.mode`, 'illegal file mode');
    const contents = asObject(file.contents);
    const source = contents.source;
    if (file.overwrite === true && (source === undefined || source === null)) {
      add(`${at}.overwrite`, 'overwrite must be false if source is unspecified');
    }
    const compression = contents.compression;
    if (
      compression !== undefined &&
      compression !== null &&
      compression !== '' &&
      compression !== 'gzip'
    ) {
      add(`${at}.contents.compression`, 'invalid compression method');
    }
    add(`${at}.contents.source`, sourceError(source));
    asArray(file.append).forEach((appended, j) => {
      add(`${at}.append.${String(j)}.source`, sourceError(asObject(appended).source));
    });
  });
  for (const section of ['directories', 'links'] as const) {
    asArray(storage[section]).forEach((value, i) => {
      const entry = asObject(value);
      add(`storage.${section}.${String(i)}.path`, pathError(entry.path));
      if (section === 'links' && asString(entry.target) === undefined) {
        add(`storage.links.${String(i)}.target`, 'link target is required');
      }
    });
  }
  return errors;
};

/**
 * MCO's ValidateMachineConfig for one MachineConfig spec: the error message it returns, or undefined
 * when the render controller accepts the config.
 */
export const machineConfigError = (spec: unknown): string | undefined => {
  const mcSpec = asObject(spec);
  const kernelType = mcSpec.kernelType ?? '';
  if (typeof kernelType !== 'string' || !KERNEL_TYPES.includes(kernelType)) {
    return `kernelType=${typeof kernelType === 'string' ? kernelType : JSON.stringify(kernelType)} is invalid`;
  }
  if (mcSpec.config === undefined || mcSpec.config === null) return undefined;
  const config = asObject(mcSpec.config);
  const version = asObject(config.ignition).version;
  if (typeof version !== 'string' || !SEMVER.test(version)) {
    return `parsing Ignition config failed: invalid version. Supported spec versions: ${SUPPORTED_MINORS}`;
  }
  if (!SUPPORTED_VERSIONS.includes(version)) {
    return `parsing Ignition config failed: unknown version. Supported spec versions: ${SUPPORTED_MINORS}`;
  }
  // Ignition's report prints one entry per line, each ending in a newline.
  const errors = ignitionErrors(config);
  if (errors.length > 0) {
    return `invalid ignition V${version.startsWith('2.') ? '2' : '3'} config found: ${errors.map((e) => `${e}\n`).join('')}`;
  }
  for (const value of asArray(asObject(config.storage).files)) {
    const { mode, path } = asObject(value);
    if (typeof mode === 'number' && mode > 0o777) {
      return `invalid mode 0${mode.toString(8)} for ${String(path)}, cannot exceed 0777`;
    }
  }
  const extensions = asArray(mcSpec.extensions).map(String);
  const invalid = extensions.filter((e) => !SUPPORTED_EXTENSIONS.includes(e));
  if (invalid.length > 0) return `invalid extensions found: [${invalid.join(' ')}]`;
  return undefined;
};

const keyed = (entries: unknown[], key: string): Map<string, Json> =>
  new Map(entries.map((entry) => [String(asObject(entry)[key]), asObject(entry)]));

/** Later configs win per file path, unit name (dropins merge by name), directory, link and user. */
export const mergeIgnition = (configs: unknown[], version: string): Json => {
  const files = new Map<string, Json>();
  const units = new Map<string, Json>();
  const directories = new Map<string, Json>();
  const links = new Map<string, Json>();
  const users = new Map<string, Json>();
  let kernelArguments: Json | undefined;
  for (const value of configs) {
    const config = asObject(value);
    const storage = asObject(config.storage);
    for (const [path, file] of keyed(asArray(storage.files), 'path')) files.set(path, file);
    for (const [path, dir] of keyed(asArray(storage.directories), 'path'))
      directories.set(path, dir);
    for (const [path, link] of keyed(asArray(storage.links), 'path')) links.set(path, link);
    for (const [name, user] of keyed(asArray(asObject(config.passwd).users), 'name'))
      users.set(name, user);
    for (const [name, unit] of keyed(asArray(asObject(config.systemd).units), 'name')) {
      const previous = units.get(name);
      const dropins = new Map([
        ...keyed(asArray(previous?.dropins), 'name'),
        ...keyed(asArray(unit.dropins), 'name'),
      ]);
      units.set(name, {
        ...previous,
        ...unit,
        ...(dropins.size > 0 ? { dropins: [...dropins.values()] } : {}),
      });
    }
    if (config.kernelArguments !== undefined) kernelArguments = asObject(config.kernelArguments);
  }
  const merged: Json = { ignition: { version } };
  if (users.size > 0) merged.passwd = { users: [...users.values()] };
  const storage: Json = {};
  // MCO sets overwrite: true on every file that leaves it unset (OCPBUGS-630).
  if (files.size > 0) {
    storage.files = [...files.values()].map((f) => ({ ...f, overwrite: f.overwrite ?? true }));
  }
  if (directories.size > 0) storage.directories = [...directories.values()];
  if (links.size > 0) storage.links = [...links.values()];
  if (Object.keys(storage).length > 0) merged.storage = storage;
  if (units.size > 0) merged.systemd = { units: [...units.values()] };
  if (kernelArguments !== undefined) merged.kernelArguments = kernelArguments;
  return merged;
};

const sectionOf = (config: Json, ...path: string[]): unknown =>
  path.reduce<unknown>((value, key) => asObject(value)[key], config);

/** Drops null, empty objects and empty arrays, so that `{}`, `[]` and a missing section compare equal. */
const prune = (value: unknown): unknown => {
  if (Array.isArray(value)) {
    const items = value.map(prune).filter((v) => v !== undefined);
    return items.length > 0 ? items : undefined;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .map(([k, v]) => [k, prune(v)] as const)
      .filter(([, v]) => v !== undefined);
    return entries.length > 0 ? Object.fromEntries(entries) : undefined;
  }
  return value ?? undefined;
};

const same = (a: unknown, b: unknown): boolean =>
  JSON.stringify(prune(a) ?? null) === JSON.stringify(prune(b) ?? null);

/**
 * MCO's isConfigReconcilable (OpenShift 4.16+): the reason a running node could not move from `oldConfig`
 * to `newConfig` (both Ignition configs), or undefined.
 */
export const irreconcilableReason = (
  oldConfig: Json,
  newConfig: Json,
  oldFips: boolean,
  newFips: boolean,
): string | undefined => {
  const users = asArray(sectionOf(newConfig, 'passwd', 'users')).map(asObject);
  if (users.some((u) => u.name !== 'core')) {
    return 'ignition passwd user section contains unsupported changes: non-core user';
  }
  if (!same(sectionOf(oldConfig, 'passwd', 'groups'), sectionOf(newConfig, 'passwd', 'groups'))) {
    return 'ignition Passwd Groups section contains changes';
  }
  if (!same(oldConfig.kernelArguments, newConfig.kernelArguments)) {
    return 'ignition kargs section contains changes';
  }
  for (const section of ['disks', 'filesystems', 'raid', 'directories'] as const) {
    if (!same(sectionOf(oldConfig, 'storage', section), sectionOf(newConfig, 'storage', section))) {
      return `ignition ${section} section contains changes`;
    }
  }
  const oldLinks = new Set(
    asArray(sectionOf(oldConfig, 'storage', 'links')).map((l) => JSON.stringify(l)),
  );
  if (
    asArray(sectionOf(newConfig, 'storage', 'links')).some((l) => !oldLinks.has(JSON.stringify(l)))
  ) {
    return 'ignition links section contains changes';
  }
  for (const file of asArray(sectionOf(newConfig, 'storage', 'files')).map(asObject)) {
    if (asArray(file.append).length > 0)
      return `ignition file ${String(file.path)} includes append`;
    if (file.path === '/run/machine-config-daemon-force') {
      return 'cannot create /run/machine-config-daemon-force via Ignition';
    }
  }
  if (oldFips !== newFips) {
    return 'detected change to FIPS flag; refusing to modify FIPS on a running cluster';
  }
  return undefined;
};
