/**
 * @jest-environment node
 */
import { load } from 'js-yaml';
import { SFC_EXAMPLE } from '../../test/support/examples';
import type { IgnitionFile, MachineConfig } from '../k8s/types';
import { produceMachineConfig } from './machine-config';
import { machineConfigToYAML, produceMachineConfigYAML, toYAML } from './yaml';

const sfc = produceMachineConfig(SFC_EXAMPLE);

const withFiles = (files: IgnitionFile[], unitContents?: string): MachineConfig => ({
  ...sfc,
  spec: {
    ...sfc.spec,
    config: {
      ...sfc.spec.config,
      systemd: {
        units: [
          ...(sfc.spec.config.systemd?.units ?? []),
          ...(unitContents === undefined
            ? []
            : [{ name: 'extra.service', enabled: true, contents: unitContents }]),
        ],
      },
      storage: { files },
    },
  },
});

describe('machineConfigToYAML', () => {
  it('writes a Day 1 config exactly as a plain dump does', () => {
    const yaml = machineConfigToYAML(sfc);
    expect(yaml).toBe(toYAML(sfc));
    expect(load(yaml)).toEqual(sfc);
    expect(produceMachineConfigYAML(SFC_EXAMPLE)).toBe(yaml);
  });

  it('leaves sources that are not base64 data URLs, and other storage fields, to js-yaml', () => {
    const files = sfc.spec.config.storage?.files ?? [];
    const machineConfig = withFiles([
      ...files,
      { path: '/etc/a', contents: { source: 'data:,key: value #not a comment' } },
      { path: '/etc/b', contents: { source: 'data:,plain%20text' } },
      { path: '/etc/c', mode: 0o644 },
    ]);
    const withDirectories = {
      ...machineConfig,
      spec: {
        ...machineConfig.spec,
        config: {
          ...machineConfig.spec.config,
          storage: { ...machineConfig.spec.config.storage, directories: [{ path: '/etc/d' }] },
        },
      },
    } as MachineConfig;
    expect(machineConfigToYAML(withDirectories)).toBe(toYAML(withDirectories));
    expect(load(machineConfigToYAML(withDirectories))).toEqual(withDirectories);
  });

  it('tells a base64 payload from a near miss each time, however many payloads it has seen', () => {
    const files = sfc.spec.config.storage?.files ?? [];
    // The same text as a payload it has tested, but for one character the base64 alphabet lacks.
    const source = files[0]?.contents?.source ?? '';
    const nearMiss = `${source.slice(0, -4)}#${source.slice(-3)}`;
    const withNearMiss = withFiles([...files, { path: '/etc/e', contents: { source: nearMiss } }]);
    for (let i = 0; i < 100; i++) {
      const other = withFiles([
        { path: '/etc/f', contents: { source: `data:;base64,${btoa(String(i))}` } },
      ]);
      expect(machineConfigToYAML(other)).toBe(toYAML(other));
      expect(machineConfigToYAML(withNearMiss)).toBe(toYAML(withNearMiss));
    }
  });

  it('is still exact when other text looks like a stand-in', () => {
    const machineConfig = withFiles(
      sfc.spec.config.storage?.files ?? [],
      '[Service]\nsource: payload-0\nsource: payload-1\n',
    );
    expect(machineConfigToYAML(machineConfig)).toBe(toYAML(machineConfig));
  });

  it('writes a config without files', () => {
    const machineConfig = withFiles([]);
    expect(machineConfigToYAML(machineConfig)).toBe(toYAML(machineConfig));
    const noStorage: MachineConfig = {
      ...sfc,
      spec: { ...sfc.spec, config: { ...sfc.spec.config, storage: undefined } },
    };
    expect(machineConfigToYAML(noStorage)).toBe(toYAML(noStorage));
  });
});
