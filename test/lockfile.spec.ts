/**
 * @jest-environment node
 *
 * package-lock.json holds every optional dependency of every locked package, the platform builds of
 * @swc/core, esbuild and the like included: a lockfile written on one platform without the others makes
 * `npm install` on a clean clone add them, and the lockfile drifts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface LockedPackage {
  optionalDependencies?: Record<string, string>;
}

const packages = (
  JSON.parse(readFileSync(join(__dirname, '..', 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockedPackage>;
  }
).packages;

/** Where Node finds `name` from the package at `path`: its own node_modules, then each parent's. */
const lockedPath = (path: string, name: string): string | undefined => {
  for (let base = path; ;) {
    const candidate = `${base === '' ? '' : `${base}/`}node_modules/${name}`;
    if (candidate in packages) return candidate;
    if (base === '') return undefined;
    const parent = base.lastIndexOf('/node_modules/');
    base = parent < 0 ? '' : base.slice(0, parent);
  }
};

it('locks every optional dependency, for every platform', () => {
  const unlocked = Object.entries(packages).flatMap(([path, { optionalDependencies }]) =>
    Object.keys(optionalDependencies ?? {})
      .filter((name) => lockedPath(path, name) === undefined)
      .map((name) => `${path || '(root)'} -> ${name}`),
  );
  expect(unlocked).toEqual([]);
});
