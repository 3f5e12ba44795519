// Bundles the day1-utility CLI (and the producer it runs, with the node scripts embedded as text) into
// one CommonJS file, so the CLI starts fast and needs nothing but Node.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

await build({
  entryPoints: ['src/cli/day1-utility.ts'],
  outfile: 'build/cli/day1-utility.cjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  loader: { '.sh': 'text' },
  define: { DAY1_UTILITY_VERSION: JSON.stringify(version) },
  logLevel: 'warning',
});
