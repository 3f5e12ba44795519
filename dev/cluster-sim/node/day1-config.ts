/**
 * The Day 1 MachineConfigs inside a rendered config, read with the project's own producer code
 * (readDay1MachineConfig, nodeLayout), so the simulated node behaves as the scripts it would run.
 */
import '../text-assets.cjs';
import { readDay1MachineConfig } from '../../../src/producer/read-machine-config';
import type { Day1ConfigSummary } from '../../../src/producer/read-machine-config';
import { nodeLayout, REPLACE_UNIT_SUFFIX } from '../../../src/producer/node-layout';

export type { Day1ConfigSummary };
export { nodeLayout };

interface UnitShape {
  name?: unknown;
}

/** Day 1 parameters of each source MachineConfig that is a Day 1 config. */
export const day1ConfigsOf = (sources: unknown[]): Day1ConfigSummary[] =>
  sources.map(readDay1MachineConfig).filter((c): c is Day1ConfigSummary => c !== null);

/**
 * Day 1 parameters found in a rendered config's units, for rendered configs whose sources are not known.
 * A load unit `<mc>-replace-kernel-module.service` names its MachineConfig.
 */
export const day1ConfigsInRendered = (rendered: {
  spec?: { config?: { systemd?: { units?: unknown } } };
}): Day1ConfigSummary[] => {
  const units = rendered.spec?.config?.systemd?.units;
  if (!Array.isArray(units)) return [];
  return (units as UnitShape[])
    .filter((u) => typeof u.name === 'string' && u.name.endsWith(REPLACE_UNIT_SUFFIX))
    .map((unit) =>
      readDay1MachineConfig({
        metadata: { name: (unit.name as string).slice(0, -REPLACE_UNIT_SUFFIX.length), labels: {} },
        spec: { config: { systemd: { units: [unit] } } },
      }),
    )
    .filter((c): c is Day1ConfigSummary => c !== null);
};
