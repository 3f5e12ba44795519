/**
 * @jest-environment node
 *
 * `npm start -- --scenario large --time-scale 0.2`, run through npm as the README shows it, reaches
 * dev/start.ts: the simulator behind the console it prints runs that scenario at that speed.
 * START_WITHOUT_BUILD skips only the plugin build (the shell shows the missing build as an error).
 */
import { spawn } from 'node:child_process';
import type { ChildProcess, ChildProcessByStdio } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

// The first run builds the console shell (dev/start.ts does when its dist is missing or stale).
jest.setTimeout(300_000);

const ROOT = join(__dirname, '..');
let npmStart: ChildProcess | undefined;

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else
      child.once('exit', () => {
        resolve();
      });
  });

afterEach(async () => {
  if (npmStart?.pid === undefined || npmStart.exitCode !== null) return;
  // npm, its shell and node form the group started below.
  process.kill(-npmStart.pid, 'SIGTERM');
  await exited(npmStart);
});

/** The console address `npm start` prints, or the output so far if it exits first. */
const consoleURL = (child: ChildProcessByStdio<null, Readable, Readable>): Promise<string> =>
  new Promise((resolve, reject) => {
    const output: string[] = [];
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      output.push(line);
      const match = /^Console: (http\S+)$/.exec(line);
      if (match) resolve(match[1]);
    });
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.once('exit', (code) => {
      reject(new Error(`npm start exited with ${String(code)}:\n${output.join('\n')}`));
    });
  });

it('passes the flags after -- to the simulator', async () => {
  const child = spawn(
    'npm',
    ['start', '--', '--scenario', 'large', '--time-scale', '0.2', '--port', '0', '--sim-port', '0'],
    {
      cwd: ROOT,
      env: { ...process.env, START_WITHOUT_BUILD: '1' },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  npmStart = child;
  const url = await consoleURL(child);
  // The shell proxies the simulator's control API, so this is the simulator the console shows.
  const state = (await (await fetch(`${url}/sim/state`)).json()) as {
    scenario: string;
    timeScale: number;
    counts: { nodes: number };
  };
  expect(state).toMatchObject({ scenario: 'large', timeScale: 0.2, counts: { nodes: 2000 } });
});
