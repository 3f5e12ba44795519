/**
 * @jest-environment node
 *
 * The Node versions package.json's `engines` promises are ones every locked package accepts, so a clean
 * install on them prints no EBADENGINE warning; and the Node running the tests is one of them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { satisfies, subset } from 'semver';

const ROOT = join(__dirname, '..');
const readJSON = (file: string): unknown => JSON.parse(readFileSync(join(ROOT, file), 'utf8'));
const declared = (readJSON('package.json') as { engines: { node: string } }).engines.node;
const locked = (
  readJSON('package-lock.json') as {
    packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
  }
).packages;

it('runs on a Node version package.json declares', () => {
  expect({
    node: process.version,
    declared,
    satisfied: satisfies(process.version, declared),
  }).toEqual({ node: process.version, declared, satisfied: true });
});

it('declares only Node versions that every locked package accepts', () => {
  const refusing = Object.entries(locked)
    .filter(([path]) => path !== '')
    .flatMap(([path, { version, engines }]) => {
      // Old packages give `engines` as an array of strings, which npm ignores.
      const node = Array.isArray(engines) ? undefined : engines?.node;
      return node === undefined || subset(declared, node)
        ? []
        : [`${path.replace(/^.*node_modules\//, '')}@${String(version)} wants node ${node}`];
    });
  expect(refusing).toEqual([]);
});
