/**
 * @jest-environment node
 */
import type { IgnitionConfig } from '../k8s/types';
import { installedContents } from './installed-contents';
import { produceMachineConfig } from './machine-config';
import { NODE_SCRIPTS } from './scripts';

describe('installedContents', () => {
  it("lists a Day 1 config's scripts decoded, and its units, as the producer made them", () => {
    const machineConfig = produceMachineConfig({
      machineConfigName: '99-sfc-day1',
      machineConfigPoolRef: 'sfc',
      kernelModuleImage: 'quay.io/acme/sfc-kmod',
      kernelModuleName: 'sfc',
    });
    const { files, units } = installedContents(machineConfig.spec.config);
    expect(files[0]).toEqual({
      path: '/usr/local/bin/99-sfc-day1-replace-kernel-module.sh',
      mode: '0755',
      user: 'root',
      overwrite: true,
      contents: { kind: 'text', text: NODE_SCRIPTS.replace, mediaType: 'text/plain' },
    });
    expect(
      files.map((file) => [
        file.path,
        file.mode,
        file.contents.kind === 'text' ? file.contents.text : file.contents.kind,
      ]),
    ).toEqual([
      ['/usr/local/bin/99-sfc-day1-replace-kernel-module.sh', '0755', NODE_SCRIPTS.replace],
      ['/usr/local/bin/99-sfc-day1-pull-kernel-module-image.sh', '0755', NODE_SCRIPTS.pull],
      ['/usr/local/bin/99-sfc-day1-wait-for-dispatcher.sh', '0755', NODE_SCRIPTS.waitForDispatcher],
      ['/usr/local/lib/kmm-day1/99-sfc-day1-common.sh', '0644', NODE_SCRIPTS.common],
    ]);
    const [replace, pull, crioWipe] = machineConfig.spec.config.systemd?.units ?? [];
    expect(units).toEqual([
      {
        name: '99-sfc-day1-replace-kernel-module.service',
        enabled: true,
        masked: false,
        contents: replace.contents,
        dropins: [],
      },
      {
        name: '99-sfc-day1-pull-kernel-module-image.service',
        enabled: true,
        masked: false,
        contents: pull.contents,
        dropins: [],
      },
      { name: 'crio-wipe.service', enabled: false, masked: true, dropins: [] },
    ]);
    expect(crioWipe.contents).toBeUndefined();
  });

  it('says what it cannot show: empty, remote and compressed contents, and bad data URLs', () => {
    const config: IgnitionConfig = {
      ignition: { version: '3.2.0' },
      storage: {
        files: [
          { path: '/etc/empty', contents: {} },
          { path: '/etc/none' },
          { path: '/etc/remote', contents: { source: 'https://example.com/a' }, user: { id: 0 } },
          { path: '/etc/packed', contents: { source: 'data:;base64,H4sI', compression: 'gzip' } },
          { path: '/etc/broken', contents: { source: 'data:;base64,!!' }, mode: 0o100600 },
        ],
      },
      systemd: {
        units: [
          {
            name: 'kubelet.service',
            dropins: [{ name: '10-day1.conf', contents: '[Service]\nEnvironment=A=1\n' }],
          },
        ],
      },
    };
    const { files, units } = installedContents(config);
    expect(files.map((file) => [file.path, file.mode, file.user, file.contents])).toEqual([
      ['/etc/empty', undefined, undefined, { kind: 'empty' }],
      ['/etc/none', undefined, undefined, { kind: 'empty' }],
      ['/etc/remote', undefined, '0', { kind: 'remote', source: 'https://example.com/a' }],
      ['/etc/packed', undefined, undefined, { kind: 'compressed', compression: 'gzip' }],
      ['/etc/broken', '0600', undefined, { kind: 'invalid', reason: 'bad-base64' }],
    ]);
    expect(files.every((file) => !file.overwrite)).toBe(true);
    expect(units).toEqual([
      {
        name: 'kubelet.service',
        enabled: undefined,
        masked: false,
        contents: undefined,
        dropins: [{ name: '10-day1.conf', contents: '[Service]\nEnvironment=A=1\n' }],
      },
    ]);
  });
});
