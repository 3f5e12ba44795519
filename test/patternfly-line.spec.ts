/**
 * @jest-environment node
 *
 * The plugin's PatternFly React packages and the PatternFly CSS of the local shell stay on the line the
 * console loads: React components newer than the console's CSS render class names it does not style.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { satisfies, subset } from 'semver';

/**
 * Console 4.22 loads PatternFly 6.4 CSS, and its SDK (@openshift-console/dynamic-plugin-sdk 4.22.0)
 * asks for `@patternfly/react-topology ~6.4.0` in its peerDependencies.
 */
const CONSOLE_PATTERNFLY_LINE = '6.4';
const ON_THE_LINE = `~${CONSOLE_PATTERNFLY_LINE}.0`;

/** The CSS, the React packages we import, and the React packages those build on. */
const PATTERNFLY_PACKAGES = [
  '@patternfly/patternfly',
  '@patternfly/react-core',
  '@patternfly/react-icons',
  '@patternfly/react-table',
  '@patternfly/react-styles',
  '@patternfly/react-tokens',
];

const ROOT = join(__dirname, '..');
const readJSON = (...path: string[]): unknown =>
  JSON.parse(readFileSync(join(ROOT, ...path), 'utf8'));
const packageJSON = readJSON('package.json') as { devDependencies: Record<string, string> };

it("is the line of the console SDK's PatternFly peer", () => {
  const sdk = readJSON(
    'node_modules',
    '@openshift-console',
    'dynamic-plugin-sdk',
    'package.json',
  ) as { version: string; peerDependencies: Record<string, string> };
  const peer = sdk.peerDependencies['@patternfly/react-topology'];
  expect({ sdk: sdk.version, peer, onTheLine: subset(peer, ON_THE_LINE) }).toEqual({
    sdk: '4.22.0',
    peer,
    onTheLine: true,
  });
});

it.each(PATTERNFLY_PACKAGES)('%s is declared with ~ on that line', (name) => {
  const range = packageJSON.devDependencies[name];
  expect({
    name,
    range,
    tilde: range.startsWith('~'),
    onTheLine: subset(range, ON_THE_LINE),
  }).toEqual({ name, range, tilde: true, onTheLine: true });
});

it.each(PATTERNFLY_PACKAGES)('%s is installed on that line', (name) => {
  const { version } = readJSON('node_modules', name, 'package.json') as { version: string };
  expect({ name, version, onTheLine: satisfies(version, ON_THE_LINE) }).toEqual({
    name,
    version,
    onTheLine: true,
  });
});

it('locks every copy of every PatternFly package on that line', () => {
  const locked = Object.entries(
    (readJSON('package-lock.json') as { packages: Record<string, { version?: string }> }).packages,
  ).filter(([path]) => /(^|\/)node_modules\/@patternfly\//.test(path));
  expect(locked.length).toBeGreaterThanOrEqual(PATTERNFLY_PACKAGES.length);
  const offLine = locked
    .filter(([, { version }]) => version === undefined || !satisfies(version, ON_THE_LINE))
    .map(([path, { version }]) => `${path}@${String(version)}`);
  expect(offLine).toEqual([]);
});
