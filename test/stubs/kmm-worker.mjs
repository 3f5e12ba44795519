// Plays the KMM worker container (`worker kmod load <config> [--firmware-path DIR]`) for `podman wait`.
// It reads the config as the worker does (strict: unknown keys are errors), applies the worker's in-tree
// pre-filter (a file under /lib/modules whose name matches ^<name>.ko), then runs the modprobe stub.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';

const root = process.env.KMM_DAY1_ROOT;
const stub = join(root, '.stub');
const args = readFileSync(process.argv[2], 'utf8').split('\x1f').slice(0, -1);

const fail = (message) => {
  console.log(`kmm-worker: ${message}`);
  process.exit(1);
};

// --pod P [options] IMAGE COMMAND...
const mounts = new Map();
let i = 2;
for (; i < args.length && args[i].startsWith('-'); i++) {
  if (args[i] === '-v') {
    const spec = args[++i];
    const colon = spec.lastIndexOf(':');
    mounts.set(spec.slice(colon + 1), spec.slice(0, colon));
  }
}
const command = args.slice(i + 1);
if (command[0] !== 'kmod' || command[1] !== 'load') fail(`unexpected command ${command.join(' ')}`);
const configPath = mounts.get(command[2]);
if (!configPath) fail(`config ${command[2]} is not mounted`);
const firmwareFlag = command.indexOf('--firmware-path');
const firmwareDir = firmwareFlag >= 0 ? command[firmwareFlag + 1] : undefined;

const MODULE_CONFIG = {
  kernelVersion: 'string',
  containerImage: 'string',
  imagePullPolicy: 'string',
  insecurePull: 'boolean',
  inTreeModulesToRemove: 'array',
  inTreeModuleToRemove: 'string',
  modprobe: 'object',
};
const MODPROBE_SPEC = {
  moduleName: 'string',
  parameters: 'array',
  dirName: 'string',
  args: 'object',
  rawArgs: 'object',
  firmwarePath: 'string',
  modulesLoadingOrder: 'array',
};
const checkKeys = (object, schema, where) => {
  for (const [key, value] of Object.entries(object)) {
    if (!(key in schema)) fail(`error unmarshaling config: unknown field "${where}${key}"`);
    const type = Array.isArray(value) ? 'array' : value === null ? schema[key] : typeof value;
    if (type !== schema[key])
      fail(`error unmarshaling config: ${where}${key} must be ${schema[key]}`);
  }
};
const config = load(readFileSync(configPath, 'utf8'));
checkKeys(config, MODULE_CONFIG, '');
checkKeys(config.modprobe ?? {}, MODPROBE_SPEC, 'modprobe.');
console.log(`kmm-worker: loading ${config.modprobe.moduleName} from ${config.containerImage}`);
writeFileSync(join(stub, 'worker-config.json'), JSON.stringify(config));

const modprobe = (...modprobeArgs) => {
  const result = spawnSync('modprobe', modprobeArgs, { encoding: 'utf8' });
  process.stdout.write(result.stdout + result.stderr);
  return result.status;
};

const hostModules = mounts.get('/lib/modules');
const filesUnder = (dir) =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true }).map((f) => String(f).split('/').pop())
    : [];
const moduleFiles = filesUnder(hostModules);
const inTree = (config.inTreeModulesToRemove ?? []).filter((name) => {
  const present = moduleFiles.some((file) => new RegExp(`^${name}.ko`).test(file));
  if (!present) console.log(`kmm-worker: in-tree module ${name} has no file, skipping`);
  return present;
});
if (inTree.length > 0 && modprobe('-rv', ...inTree) !== 0)
  fail(`could not remove in-tree modules ${inTree}`);

if (config.modprobe.firmwarePath) {
  if (!firmwareDir || mounts.get(firmwareDir) === undefined)
    fail('firmwarePath set without a mounted --firmware-path');
  const target = mounts.get(firmwareDir);
  mkdirSync(target, { recursive: true });
  writeFileSync(join(target, 'copied-from'), config.modprobe.firmwarePath);
}

const forced = existsSync(join(stub, 'worker-exit'))
  ? Number(readFileSync(join(stub, 'worker-exit'), 'utf8'))
  : 0;
if (forced !== 0) {
  console.log(`kmm-worker: failing with status ${String(forced)} as the test asked`);
  process.exit(forced);
}
if (modprobe('-vd', join('/tmp', config.modprobe.dirName), config.modprobe.moduleName) !== 0) {
  fail(`could not load module ${config.modprobe.moduleName}`);
}
