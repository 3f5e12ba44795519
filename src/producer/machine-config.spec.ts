/**
 * @jest-environment node
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { SFC_EXAMPLE } from '../../test/support/examples';
import { decodeDataURL } from '../../test/support/node-sandbox';
import { machineConfigErrors, machineConfigPoolErrors } from '../../test/support/schema-checks';
import { directives, parseUnitEnvironment } from '../../test/support/systemd-environment';
import { verifyUnits } from '../../test/support/systemd-verify';
import type { MachineConfig } from '../k8s/types';
import {
  Day1ValidationError,
  DEFAULT_WORKER_IMAGE,
  formatPoolProblem,
  produceMachineConfig,
  produceMachineConfigPool,
  produceMachineConfigYAML,
  readDay1MachineConfig,
  validateMachineConfigPool,
} from '.';
import type { Day1Options, MachineConfigPoolOptions } from '.';
import { environmentAssignment } from './systemd-write';

const sfc = SFC_EXAMPLE;
const everything: Day1Options = {
  machineConfigName: '50-ice.day1',
  machineConfigPoolRef: 'worker',
  kernelModuleImage: 'registry.example.com:5000/drivers/ice-kmod',
  kernelModuleName: 'ice',
  inTreeModulesToRemove: ['ice'],
  workerImage: 'registry.example.com:5000/kmm/worker@sha256:' + 'a'.repeat(64),
  firmwareFilesPath: '/firmware/intel ice',
};

const unit = (mc: MachineConfig, suffix: string) => {
  const found = mc.spec.config.systemd?.units?.find((u) => u.name.endsWith(suffix));
  if (!found) throw new Error(`no unit ending ${suffix}`);
  return found;
};
const scriptSource = (name: string) => readFileSync(join(__dirname, 'scripts', name), 'utf8');

describe('produceMachineConfig', () => {
  const mc = produceMachineConfig(sfc);

  it('has the shape and role label KMM produces', () => {
    expect(mc.apiVersion).toBe('machineconfiguration.openshift.io/v1');
    expect(mc.kind).toBe('MachineConfig');
    expect(mc.metadata).toEqual({
      name: '99-sfc-day1',
      labels: { 'machineconfiguration.openshift.io/role': 'sfc' },
    });
    expect(Object.keys(mc.spec)).toEqual(['config']);
    expect(mc.spec.config.ignition).toEqual({ version: '3.2.0' });
    expect(
      mc.spec.config.systemd?.units?.map(({ name, enabled, mask }) => ({ name, enabled, mask })),
    ).toEqual([
      { name: '99-sfc-day1-replace-kernel-module.service', enabled: true, mask: undefined },
      { name: '99-sfc-day1-pull-kernel-module-image.service', enabled: true, mask: undefined },
      { name: 'crio-wipe.service', enabled: false, mask: true },
    ]);
  });

  it('orders the load unit before networking, as a oneshot with no default dependencies', () => {
    const contents = unit(mc, '-replace-kernel-module.service').contents ?? '';
    expect(directives(contents, 'Before')).toEqual(['network-pre.target']);
    expect(directives(contents, 'Wants')).toEqual(['network-pre.target']);
    expect(directives(contents, 'After')).toEqual([
      'local-fs.target',
      'systemd-udev-trigger.service',
    ]);
    expect(directives(contents, 'DefaultDependencies')).toEqual(['no']);
    expect(directives(contents, 'Type')).toEqual(['oneshot']);
    expect(directives(contents, 'EnvironmentFile')).toEqual(['-/etc/mco/proxy.env']);
    expect(directives(contents, 'ExecStartPre')).toEqual([]);
    expect(directives(contents, 'ExecStart')).toEqual([
      '/usr/local/bin/99-sfc-day1-replace-kernel-module.sh',
    ]);
    expect(directives(contents, 'WantedBy')).toEqual(['multi-user.target']);
    expect(directives(contents, 'TimeoutSec')).toEqual(['180']);
    expect(parseUnitEnvironment(contents)).toEqual({
      problems: [],
      variables: {
        FIRMWARE_FILES_PATH: '',
        IN_TREE_MODULES_TO_REMOVE: 'sfc mdio',
        KERNEL_MODULE: 'sfc',
        KERNEL_MODULE_IMAGE: 'quay.io/acme/sfc-kmod',
        KMM_DAY1_LIB: '/usr/local/lib/kmm-day1/99-sfc-day1-common.sh',
        KMM_DAY1_NAME: '99-sfc-day1',
        KMM_DAY1_STATE_DIR: '/var/lib/kmm-day1/99-sfc-day1',
        KMM_DAY1_STATUS_DIR: '/var/log/kmm-day1/99-sfc-day1',
        WORKER_IMAGE: DEFAULT_WORKER_IMAGE,
      },
    });
  });

  it('orders the pull unit after the network and NetworkManager-dispatcher, and before the kubelet', () => {
    const contents = unit(mc, '-pull-kernel-module-image.service').contents ?? '';
    expect(directives(contents, 'After')).toEqual([
      'network-online.target',
      'NetworkManager-dispatcher.service',
    ]);
    // Its reboot then happens while MCO still holds the node: no kubelet, no machine-config-daemon.
    expect(directives(contents, 'Before')).toEqual([
      'kubelet-dependencies.target',
      'kubelet.service',
    ]);
    expect(directives(contents, 'WantedBy')).toEqual([
      'kubelet-dependencies.target',
      'kubelet.service',
      'multi-user.target',
    ]);
    expect(directives(contents, 'Wants')).toEqual(['network-online.target']);
    expect(directives(contents, 'EnvironmentFile')).toEqual(['-/etc/mco/proxy.env']);
    expect(directives(contents, 'ExecStartPre')).toEqual([
      '/usr/local/bin/99-sfc-day1-wait-for-dispatcher.sh',
    ]);
    expect(directives(contents, 'ExecStart')).toEqual([
      '/usr/local/bin/99-sfc-day1-pull-kernel-module-image.sh',
    ]);
    // Bounded so that a broken registry delays the kubelet by minutes; node-scripts.spec.ts checks that
    // the script's own budget fits inside it.
    expect(directives(contents, 'TimeoutSec')).toEqual(['600']);
    expect(parseUnitEnvironment(contents).variables).toMatchObject({
      IN_TREE_MODULES_TO_REMOVE: 'sfc mdio',
      KMM_DAY1_STATUS_DIR: '/var/log/kmm-day1/99-sfc-day1',
    });
    expect(parseUnitEnvironment(contents).variables).not.toHaveProperty(
      'KERNEL_MODULE_IMAGE_FILEPATH',
    );
  });

  it('writes the scripts byte for byte as data URLs, executable ones with mode 0755', () => {
    const files = mc.spec.config.storage?.files ?? [];
    expect(files.map((f) => [f.path, f.mode, f.overwrite, f.user])).toEqual([
      ['/usr/local/bin/99-sfc-day1-replace-kernel-module.sh', 0o755, true, { name: 'root' }],
      ['/usr/local/bin/99-sfc-day1-pull-kernel-module-image.sh', 0o755, true, { name: 'root' }],
      ['/usr/local/bin/99-sfc-day1-wait-for-dispatcher.sh', 0o755, true, { name: 'root' }],
      ['/usr/local/lib/kmm-day1/99-sfc-day1-common.sh', 0o644, true, { name: 'root' }],
    ]);
    const sources = [
      'replace-kernel-module.sh',
      'pull-kernel-module-image.sh',
      'wait-for-dispatcher.sh',
      'common.sh',
    ];
    files.forEach((file, i) => {
      expect(file.contents?.source).toMatch(/^data:text\/plain;base64,/);
      expect(decodeDataURL(file.contents?.source ?? '')).toBe(scriptSource(sources[i]));
    });
  });

  it('passes the default worker image, or the one given, and the firmware path', () => {
    const custom = produceMachineConfig(everything);
    const env = parseUnitEnvironment(
      unit(custom, '-replace-kernel-module.service').contents ?? '',
    ).variables;
    expect(env).toMatchObject({
      WORKER_IMAGE: everything.workerImage,
      FIRMWARE_FILES_PATH: '/firmware/intel ice',
      KERNEL_MODULE_IMAGE: 'registry.example.com:5000/drivers/ice-kmod',
      IN_TREE_MODULES_TO_REMOVE: 'ice',
    });
  });

  it.each([
    ['the sfc example', sfc],
    ['every option', everything],
    ['no optional option', { ...sfc, inTreeModulesToRemove: undefined }],
    ['the longest allowed name', { ...sfc, machineConfigName: 'a'.repeat(222) }],
  ])('is accepted by the MachineConfig CRD, Ignition 3.2 and systemd: %s', (_name, options) => {
    const produced = produceMachineConfig(options);
    expect(machineConfigErrors(produced)).toEqual([]);
    expect(verifyUnits([produced])).toBe('');
  });

  it('throws one error listing every field problem', () => {
    const bad = {
      ...sfc,
      machineConfigName: 'Bad_Name',
      kernelModuleImage: 'quay.io/acme/sfc:1.0',
      kernelModuleName: '',
    };
    const thrown = (() => {
      try {
        produceMachineConfig(bad);
      } catch (error) {
        return error;
      }
      throw new Error('produceMachineConfig accepted invalid options');
    })();
    expect(thrown).toBeInstanceOf(Day1ValidationError);
    expect((thrown as Day1ValidationError).errors.map((e) => e.field)).toEqual([
      'machineConfigName',
      'kernelModuleImage',
      'kernelModuleName',
    ]);
    expect((thrown as Error).message).toMatch(
      /machineConfigName: .*\n.*kernelModuleImage: .*\n.*kernelModuleName: /,
    );
  });
});

describe('produceMachineConfigYAML', () => {
  it('is the same object as YAML, ready for oc apply', () => {
    const yaml = produceMachineConfigYAML(sfc);
    expect(
      yaml.startsWith('apiVersion: machineconfiguration.openshift.io/v1\nkind: MachineConfig\n'),
    ).toBe(true);
    expect(yaml.endsWith('\n') && !yaml.endsWith('\n\n')).toBe(true);
    expect(yaml).toContain('machineconfiguration.openshift.io/role: sfc');
    expect(yaml).toContain('- contents: |\n            [Unit]\n');
    expect(load(yaml)).toEqual(produceMachineConfig(sfc));
  });
});

describe('environmentAssignment', () => {
  it.each([
    ['plain', 'A', 'b', '"A=b"'],
    ['specifier', 'A', '50%n', '"A=50%%n"'],
    ['quote and backslash', 'A', 'x"y\\z', '"A=x\\"y\\\\z"'],
    ['spaces and shell text', 'A', "$(reboot) `id` 'q'", '"A=$(reboot) `id` \'q\'"'],
  ])('quotes %s for systemd', (_name, key, value, expected) => {
    expect(environmentAssignment(key, value)).toBe(expected);
    expect(parseUnitEnvironment(`Environment=${expected}`).variables).toEqual({ [key]: value });
  });
});

describe('produceMachineConfigPool', () => {
  it('is shaped like the Day 1 documentation example and accepted by the CRD', () => {
    const pool = produceMachineConfigPool('sfc');
    expect(pool).toEqual({
      apiVersion: 'machineconfiguration.openshift.io/v1',
      kind: 'MachineConfigPool',
      metadata: { name: 'sfc' },
      spec: {
        machineConfigSelector: {
          matchExpressions: [
            {
              key: 'machineconfiguration.openshift.io/role',
              operator: 'In',
              values: ['worker', 'sfc'],
            },
          ],
        },
        nodeSelector: { matchLabels: { 'node-role.kubernetes.io/sfc': '' } },
        paused: false,
        maxUnavailable: 1,
      },
    });
    expect(machineConfigPoolErrors(pool)).toEqual([]);
    expect(
      machineConfigPoolErrors(
        produceMachineConfigPool('ice', { maxUnavailable: '25%', paused: true }),
      ),
    ).toEqual([]);
  });

  it('rejects built-in and invalid names and bad maxUnavailable values', () => {
    const worded = (name: string, options?: MachineConfigPoolOptions) =>
      validateMachineConfigPool(name, options).map(formatPoolProblem);
    expect(validateMachineConfigPool('worker')).toEqual([
      { field: 'name', code: 'poolNameBuiltIn', params: { name: 'worker' } },
    ]);
    expect(worded('worker')).toEqual([
      '"worker" is a built-in pool; choose a new name for a custom pool',
    ]);
    expect(worded('SFC')[0]).toContain('"SFC" is not a valid pool name');
    expect(worded('sfc', { maxUnavailable: 0 })).toEqual([
      'maxUnavailable must be a whole number of at least 1, or a percentage from "1%" to "100%"',
    ]);
    expect(validateMachineConfigPool('sfc', { maxUnavailable: '150%' })).toHaveLength(1);
    expect(() => produceMachineConfigPool('master')).toThrow(
      'invalid MachineConfigPool: "master" is a built-in pool',
    );
  });
});

describe('readDay1MachineConfig', () => {
  it('reads back what the producer wrote', () => {
    expect(readDay1MachineConfig(produceMachineConfig(everything))).toEqual({
      machineConfigName: '50-ice.day1',
      machineConfigPoolRef: 'worker',
      kernelModuleImage: 'registry.example.com:5000/drivers/ice-kmod',
      kernelModuleName: 'ice',
      inTreeModulesToRemove: ['ice'],
      workerImage: everything.workerImage,
      firmwareFilesPath: '/firmware/intel ice',
      producedBy: 'kmm-day1-console-plugin',
      pullRebootInMcoWindow: true,
    });
  });

  it("tells whether the pull unit reboots before the kubelet starts, inside MCO's window", () => {
    const mc = produceMachineConfig(everything);
    const withPullBefore = (before: string[]) => {
      const copy = structuredClone(mc);
      const pull = copy.spec.config.systemd?.units?.find((unit) =>
        unit.name.endsWith('-pull-kernel-module-image.service'),
      );
      if (pull?.contents === undefined) throw new Error('no pull unit');
      pull.contents = pull.contents
        .split('\n')
        .filter((line) => !line.startsWith('Before='))
        .join('\n')
        .replace(
          '[Unit]\n',
          ['[Unit]', ...before.map((units) => `Before=${units}`), ''].join('\n'),
        );
      return readDay1MachineConfig(copy)?.pullRebootInMcoWindow;
    };
    expect(withPullBefore([])).toBe(false);
    expect(withPullBefore(['kubelet.service'])).toBe(true);
    expect(withPullBefore(['kubelet-dependencies.target'])).toBe(true);
    // A blank assignment empties the list, as in systemd.
    expect(withPullBefore(['kubelet.service', ''])).toBe(false);
  });

  it("recognises a MachineConfig made by KMM's day1-utility", () => {
    const kmmUnit = [
      '[Unit]',
      'Description=Replace in-tree kernel module with oot kernel module',
      'Before=network-pre.target',
      '[Service]',
      'EnvironmentFile=/etc/mco/proxy.env',
      'Environment="FIRMWARE_FILES_PATH="',
      'Environment="IN_TREE_MODULES_TO_REMOVE=it1 it2"',
      'Environment="KERNEL_MODULE=testKernelModuleName"',
      'Environment="KERNEL_MODULE_IMAGE=quay.io/project/repo"',
      'Environment="WORKER_CONFIG_FILEPATH=/var/lib/kmm_day1_config.yaml"',
      'Environment="WORKER_IMAGE=quay.io/edge-infrastructure/kernel-module-management-worker:latest"',
      'ExecStartPre=ls /usr/local/bin',
      'ExecStart=/usr/local/bin/replace-kernel-module.sh',
    ].join('\n');
    const kmm = {
      apiVersion: 'machineconfiguration.openshift.io/v1',
      kind: 'MachineConfig',
      metadata: { name: 'name', labels: { 'machineconfiguration.openshift.io/role': 'mcpRef' } },
      spec: {
        config: {
          ignition: { version: '3.2.0' },
          systemd: {
            units: [
              { name: 'name-replace-kernel-module.service', enabled: true, contents: kmmUnit },
            ],
          },
        },
      },
    };
    expect(readDay1MachineConfig(kmm)).toEqual({
      machineConfigName: 'name',
      machineConfigPoolRef: 'mcpRef',
      kernelModuleImage: 'quay.io/project/repo',
      kernelModuleName: 'testKernelModuleName',
      inTreeModulesToRemove: ['it1', 'it2'],
      workerImage: DEFAULT_WORKER_IMAGE,
      firmwareFilesPath: undefined,
      producedBy: 'kmm',
      pullRebootInMcoWindow: false,
    });
  });

  it('skips the rendered configs MCO merges from it', () => {
    const mc = produceMachineConfig(everything);
    const rendered = {
      ...mc,
      metadata: { name: 'rendered-worker-0123456789abcdef0123456789abcdef' },
    };
    const generated = {
      ...mc,
      metadata: {
        name: 'worker-merged',
        annotations: {
          'machineconfiguration.openshift.io/generated-by-controller-version': 'v4.22.0',
        },
      },
    };
    expect(readDay1MachineConfig(rendered)).toBeNull();
    expect(readDay1MachineConfig(generated)).toBeNull();
  });

  it('returns null for other or malformed MachineConfigs', () => {
    expect(
      readDay1MachineConfig({
        metadata: { name: '99-worker-ssh' },
        spec: { config: { ignition: { version: '3.2.0' } } },
      }),
    ).toBeNull();
    expect(readDay1MachineConfig({ kind: 'MachineConfig' })).toBeNull();
    expect(
      readDay1MachineConfig({
        spec: {
          config: { systemd: { units: [null, { name: 'x-replace-kernel-module.service' }] } },
        },
      }),
    ).toBeNull();
  });
});
