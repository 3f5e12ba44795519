import type { IgnitionFile, IgnitionUnit, MachineConfig } from '../k8s/types';
import { ROLE_LABEL } from '../mco/names';
import { CRIO_WIPE_UNIT, nodeLayout, PROXY_ENVIRONMENT_FILE } from './node-layout';
import type { NodeLayout } from './node-layout';
import { Day1ValidationError } from './options';
import { DEFAULT_WORKER_IMAGE } from './worker-image';
import type { Day1Options } from './options';
import { NODE_SCRIPTS } from './scripts';
import { environmentAssignment, escapeSpecifiers, renderUnit } from './systemd-write';
import type { UnitSection } from './systemd-write';
import { validateDay1Options } from './validate';

export { ROLE_LABEL };
const IGNITION_VERSION = '3.2.0';
const EXECUTABLE_MODE = 0o755;
const LIBRARY_MODE = 0o644;

/** Options with defaults applied and empty optional values dropped. */
type ResolvedOptions = Required<Omit<Day1Options, 'firmwareFilesPath'>> & {
  firmwareFilesPath: string;
};

const resolve = (options: Day1Options): ResolvedOptions => ({
  ...options,
  inTreeModulesToRemove: options.inTreeModulesToRemove ?? [],
  // An empty worker image means the default, as in KMM.
  workerImage: options.workerImage?.length ? options.workerImage : DEFAULT_WORKER_IMAGE,
  firmwareFilesPath: options.firmwareFilesPath ?? '',
});

const environment = (variables: Record<string, string>): [string, string][] =>
  Object.keys(variables)
    .sort()
    .map((key) => ['Environment', environmentAssignment(key, variables[key])]);

const serviceBasics = (): [string, string][] => [
  ['User', 'root'],
  ['Type', 'oneshot'],
  // The leading "-" keeps the unit working on clusters without a proxy, where MCO writes no proxy.env.
  ['EnvironmentFile', `-${PROXY_ENVIRONMENT_FILE}`],
];

// Both units get the same settings: the scripts hash them into the key that the crash marker and the
// reboot budget are kept under, so a changed config re-arms both.
const commonEnvironment = (options: ResolvedOptions, layout: NodeLayout) => ({
  FIRMWARE_FILES_PATH: options.firmwareFilesPath,
  IN_TREE_MODULES_TO_REMOVE: options.inTreeModulesToRemove.join(' '),
  KERNEL_MODULE: options.kernelModuleName,
  KERNEL_MODULE_IMAGE: options.kernelModuleImage,
  KMM_DAY1_LIB: layout.commonLibrary,
  KMM_DAY1_NAME: options.machineConfigName,
  KMM_DAY1_STATE_DIR: layout.stateDirectory,
  KMM_DAY1_STATUS_DIR: layout.statusDirectory,
  WORKER_IMAGE: options.workerImage,
});

const replaceUnit = (options: ResolvedOptions, layout: NodeLayout): string =>
  renderUnit([
    [
      'Unit',
      [
        [
          'Description',
          escapeSpecifiers(
            `Replace in-tree kernel module with oot kernel module (${options.machineConfigName})`,
          ),
        ],
        ['Before', 'network-pre.target'],
        ['Wants', 'network-pre.target'],
        // /var holds the images and the state directory; without default dependencies we must ask for it.
        ['After', 'local-fs.target'],
        // After udev's coldplug has loaded the drivers for the hardware, so udev cannot load the in-tree
        // driver again behind the out-of-tree one.
        ['After', 'systemd-udev-trigger.service'],
        ['DefaultDependencies', 'no'],
      ],
    ],
    [
      'Service',
      [
        ...serviceBasics(),
        ...environment(commonEnvironment(options, layout)),
        ['ExecStart', layout.replaceScript],
        ['PrivateTmp', 'yes'],
        ['RemainAfterExit', 'no'],
        // udevadm settle (at most 30 s), copying the module tree out of the image, modinfo, the load and,
        // after a failure, reloading the in-tree modules. It holds back network-pre.target, so it is
        // bounded; on SIGTERM the script gives the in-tree driver back before it exits.
        ['TimeoutSec', '180'],
      ],
    ],
    ['Install', [['WantedBy', 'multi-user.target']]],
  ] satisfies UnitSection[]);

const pullUnit = (options: ResolvedOptions, layout: NodeLayout): string =>
  renderUnit([
    [
      'Unit',
      [
        [
          'Description',
          escapeSpecifiers(`Pull oot kernel module image (${options.machineConfigName})`),
        ],
        ['Wants', 'network-online.target'],
        ['After', 'network-online.target'],
        ['After', 'NetworkManager-dispatcher.service'],
        // The Day 1 reboot must happen while MCO still holds the node (drained, cordoned, counted as
        // updating): the kubelet, and with it the machine-config-daemon, starts only after this unit ends.
        // kubelet-dependencies.target exists on newer nodes; ordering before a unit that does not exist
        // is a no-op, so both are named.
        ['Before', 'kubelet-dependencies.target'],
        ['Before', 'kubelet.service'],
        ['DefaultDependencies', 'no'],
      ],
    ],
    [
      'Service',
      [
        ...serviceBasics(),
        ...environment(commonEnvironment(options, layout)),
        ['ExecStartPre', layout.waitForDispatcherScript],
        ['ExecStart', layout.pullScript],
        ['PrivateTmp', 'yes'],
        ['RemainAfterExit', 'no'],
        // The kubelet waits for this unit, so it is bounded: the dispatcher wait (at most 60 s) plus the
        // pulls with their backoff (at most 420 s, each pull under `timeout`, killed 10 s after its
        // SIGTERM) is 490 s, leaving 110 s of margin. A broken registry delays the kubelet by at most
        // 10 minutes; on SIGTERM the script writes its status and removes its /run marker.
        ['TimeoutSec', '600'],
      ],
    ],
    [
      'Install',
      [
        ['WantedBy', 'kubelet-dependencies.target'],
        ['WantedBy', 'kubelet.service'],
        ['WantedBy', 'multi-user.target'],
      ],
    ],
  ] satisfies UnitSection[]);

const toBase64 = (text: string): string => {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
};

// The scripts are the same in every MachineConfig: encode each once.
const dataURLs = new Map<string, string>();
const dataURL = (text: string): string => {
  let url = dataURLs.get(text);
  if (url === undefined) {
    url = `data:text/plain;base64,${toBase64(text)}`;
    dataURLs.set(text, url);
  }
  return url;
};

const file = (path: string, contents: string, mode: number): IgnitionFile => ({
  contents: { source: dataURL(contents) },
  mode,
  overwrite: true,
  path,
  user: { name: 'root' },
});

const assertValid = (options: Day1Options) => {
  const errors = validateDay1Options(options);
  if (errors.length > 0) throw new Day1ValidationError(errors);
};

/**
 * Builds the Day 1 MachineConfig for `options`, in the shape KMM's producer emits (role label, Ignition
 * 3.2.0, a load unit before networking, a pull unit after it, crio-wipe masked, scripts as data URLs).
 *
 * @throws Day1ValidationError listing every invalid option.
 */
export const produceMachineConfig = (options: Day1Options): MachineConfig => {
  assertValid(options);
  const resolved = resolve(options);
  const layout = nodeLayout(resolved.machineConfigName);
  const units: IgnitionUnit[] = [
    { contents: replaceUnit(resolved, layout), enabled: true, name: layout.replaceUnit },
    { contents: pullUnit(resolved, layout), enabled: true, name: layout.pullUnit },
    // Keeps the images pulled with podman across the pull service's reboot (CRI-O would wipe them).
    { enabled: false, mask: true, name: CRIO_WIPE_UNIT },
  ];
  const files: IgnitionFile[] = [
    file(layout.replaceScript, NODE_SCRIPTS.replace, EXECUTABLE_MODE),
    file(layout.pullScript, NODE_SCRIPTS.pull, EXECUTABLE_MODE),
    file(layout.waitForDispatcherScript, NODE_SCRIPTS.waitForDispatcher, EXECUTABLE_MODE),
    file(layout.commonLibrary, NODE_SCRIPTS.common, LIBRARY_MODE),
  ];
  return {
    apiVersion: 'machineconfiguration.openshift.io/v1',
    kind: 'MachineConfig',
    metadata: {
      labels: { [ROLE_LABEL]: resolved.machineConfigPoolRef },
      name: resolved.machineConfigName,
    },
    spec: {
      config: {
        ignition: { version: IGNITION_VERSION },
        systemd: { units },
        storage: { files },
      },
    },
  };
};
