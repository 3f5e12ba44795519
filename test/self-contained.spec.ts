/**
 * @jest-environment node
 *
 * A clone has nothing beside it: no file of the repository may point at a `shared` directory outside
 * it (the team's `../shared` once held the schemas and fixtures now under schemas/ and test/fixtures/).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';

const ROOT = join(__dirname, '..');

/** `../shared`, `../../shared/x` */
const SLASHED = /((?:\.\.\/)+)shared\b/g;
/** `join(__dirname, '..', '..', 'shared')` */
const JOINED = /((?:['"`]\.\.['"`]\s*,\s*)+)['"`]shared['"`]/g;
/** `/work/shared/...`; not a URL's path (`https://host/shared`) nor a relative one (`views/shared`). */
const ABSOLUTE = /(?<![\w.~:/-])\/(?:[\w.-]+\/)*shared(?![\w.-])/g;

/**
 * The references in `text` (of the file at `path`, relative to `root`) to a `shared` directory that is
 * not in the repository: absolute ones, and relative ones that leave the repository or name a directory
 * it does not have.
 */
const outsideSharedReferences = (root: string, path: string, text: string): string[] => {
  const found: string[] = [];
  const fileDir = dirname(join(root, path));
  const checkRelative = (reference: string, ups: number) => {
    const target = resolve(fileDir, ...Array<string>(ups).fill('..'), 'shared');
    const inside = relative(root, target);
    if (inside.startsWith('..') || isAbsolute(inside) || !existsSync(target)) found.push(reference);
  };
  for (const match of text.matchAll(SLASHED)) checkRelative(match[0], match[1].length / 3);
  for (const match of text.matchAll(JOINED))
    checkRelative(match[0], match[1].split('..').length - 1);
  for (const match of text.matchAll(ABSOLUTE)) found.push(match[0]);
  return found;
};

describe('outsideSharedReferences', () => {
  it('finds relative references that leave the repository or name no directory of it', () => {
    expect(outsideSharedReferences(ROOT, 'README.md', 'see `../shared/fixtures`')).toEqual([
      '../shared',
    ]);
    expect(
      outsideSharedReferences(
        ROOT,
        'test/support/x.ts',
        "join(__dirname, '..', '..', '..', 'shared', 'schemas')",
      ),
    ).toEqual(["'..', '..', '..', 'shared'"]);
    expect(outsideSharedReferences(ROOT, 'src/k8s/x.ts', '(../shared/reference/x.md)')).toEqual([
      '../shared',
    ]);
  });

  it('finds absolute paths to a shared directory', () => {
    expect(outsideSharedReferences(ROOT, 'x.sh', 'cp /work/shared/schemas .')).toEqual([
      '/work/shared',
    ]);
  });

  it("leaves the repository's own shared directories and URLs alone", () => {
    expect(
      outsideSharedReferences(
        ROOT,
        'src/views/day1-rollout/x.tsx',
        "import { day1RolloutPath } from '../shared/paths';",
      ),
    ).toEqual([]);
    expect(outsideSharedReferences(ROOT, 'README.md', 'https://example.com/docs/shared')).toEqual(
      [],
    );
  });
});

it('no file of the repository reads a shared directory outside it', () => {
  const self = relative(ROOT, __filename);
  const files = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' })
    .split('\0')
    .filter(
      (file) =>
        file !== '' &&
        file !== self &&
        statSync(join(ROOT, file), { throwIfNoEntry: false })?.isFile(),
    );
  expect(files.length).toBeGreaterThan(100);
  const offenders = files.flatMap((file) =>
    outsideSharedReferences(ROOT, file, readFileSync(join(ROOT, file), 'utf8')).map(
      (reference) => `${file}: ${reference}`,
    ),
  );
  expect(offenders).toEqual([]);
});
