import '../dev/cluster-sim/text-assets.cjs';
import { produceMachineConfig } from '../src/producer';
import { machineConfigToYAML, toYAML } from '../src/producer/yaml';
import { SFC_EXAMPLE } from '../test/support/examples';
import { perCallMs } from './figures';
const mc = produceMachineConfig(SFC_EXAMPLE);
if (machineConfigToYAML(mc) !== toYAML(mc)) throw new Error('differ');
for (let i = 0; i < 2000; i++) { machineConfigToYAML(mc); toYAML(mc); }
for (let r = 0; r < 3; r++) {
  const a = perCallMs(2000, () => machineConfigToYAML(mc));
  const b = perCallMs(2000, () => toYAML(mc));
  const p = perCallMs(2000, () => produceMachineConfig(SFC_EXAMPLE));
  console.log(`work-around ${a.toFixed(4)} ms, plain dump ${b.toFixed(4)} ms, produce only ${p.toFixed(4)} ms, yaml length ${toYAML(mc).length}`);
}
