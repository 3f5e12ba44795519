/**
 * @jest-environment node
 *
 * The closing summary line of `npm test`, from a real Jest run on a suite that passes and one that
 * throws while it loads.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
let scratch: string;

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'summary-reporter-'));
  writeFileSync(
    join(scratch, 'passes.spec.js'),
    "it('passes', () => {});\nit('passes too', () => {});\n",
  );
  writeFileSync(join(scratch, 'throws-at-load.spec.js'), "throw new Error('broken import');\n");
  writeFileSync(
    join(scratch, 'jest.config.json'),
    JSON.stringify({
      rootDir: scratch,
      testEnvironment: 'node',
      transform: {},
      reporters: [join(ROOT, 'jest', 'summary-reporter.cjs')],
    }),
  );
});
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

const runJest = (...args: string[]) =>
  spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'),
      '--config',
      join(scratch, 'jest.config.json'),
      ...args,
    ],
    { cwd: scratch, encoding: 'utf8' },
  );

it('counts a suite that failed to load as a failure, names it, and exits non-zero', () => {
  const { status, stdout } = runJest();
  expect(stdout.trim().split('\n')).toEqual([
    '1 test suite failed to run: throws-at-load.spec.js',
    '2 passed, 1 failed',
  ]);
  expect(status).toBe(1);
});

it('says nothing more when every suite ran', () => {
  const { status, stdout } = runJest('passes.spec.js');
  expect(stdout.trim()).toBe('2 passed, 0 failed');
  expect(status).toBe(0);
});
