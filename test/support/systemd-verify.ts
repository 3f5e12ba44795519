/**
 * `systemd-analyze verify` of produced units. It insists that ExecStart= binaries exist on this machine,
 * so the units are copied with /usr/local/bin/ pointing at a temporary directory that holds executables
 * of the same names; nothing else in the unit changes. Any output is a failure: systemd prints
 * problems it can recover from but still exits 0.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MachineConfig } from '../../src/k8s/types';

export const verifyUnits = (machineConfigs: MachineConfig[]): string => {
  const dir = mkdtempSync(join(tmpdir(), 'kmm-day1-units-'));
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  try {
    const unitFiles: string[] = [];
    for (const mc of machineConfigs) {
      for (const file of mc.spec.config.storage?.files ?? []) {
        if (!file.path.startsWith('/usr/local/bin/')) continue;
        const stub = join(bin, file.path.slice('/usr/local/bin/'.length));
        writeFileSync(stub, '#!/bin/sh\n');
        chmodSync(stub, 0o755);
      }
      for (const unit of mc.spec.config.systemd?.units ?? []) {
        if (unit.contents === undefined) continue;
        const path = join(dir, unit.name);
        writeFileSync(path, unit.contents.replaceAll('/usr/local/bin/', `${bin}/`));
        unitFiles.push(path);
      }
    }
    const result = spawnSync('systemd-analyze', ['verify', '--man=no', ...unitFiles], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (result.error) throw result.error;
    return `${result.stdout}${result.stderr}${result.status === 0 ? '' : `exit status ${String(result.status)}`}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
