/**
 * `npm start`: the whole product with no cluster. Builds the console shell if needed, starts the
 * simulated cluster and the shell server, and stops both on Ctrl-C.
 *
 *   node -r ts-node/register dev/start.ts [--port 9000] [--sim-port 9100]
 *                                         [--scenario NAME] [--time-scale N] [--http2]
 *
 * Tests can call startDevEnvironment({ port: 0, simPort: 0 }) to get free ports.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { startClusterSim } from './cluster-sim';
import type { ScenarioName } from './cluster-sim';
import { isScenarioName, SCENARIOS } from './cluster-sim/scenarios';
import { buildShell, isShellStale, SHELL_DIST } from './console-shell/build';
import { startConsoleShell } from './console-shell/server';

const REPO = path.resolve(__dirname, '..');

export interface DevEnvironmentOptions {
  /** Shell port (default 9000; 0 = any free port). */
  port?: number;
  /** Simulator port (default 9100; 0 = any free port). */
  simPort?: number;
  scenario?: ScenarioName;
  timeScale?: number;
  /** The built plugin (default: the repository's `dist/`). */
  pluginDist?: string;
  /** Serve the shell over HTTPS with HTTP/2 (a throw-away self-signed certificate). */
  http2?: boolean;
  /** Build the shell when its dist is missing or stale (default true). */
  buildIfStale?: boolean;
  log?: (message: string) => void;
}

export interface DevEnvironment {
  consoleURL: string;
  simulatorURL: string;
  close: () => Promise<void>;
}

export const startDevEnvironment = async (
  options: DevEnvironmentOptions = {},
): Promise<DevEnvironment> => {
  const log = options.log ?? (() => undefined);
  const pluginDist = options.pluginDist ?? path.join(REPO, 'dist');
  if ((options.buildIfStale ?? true) && (await isShellStale())) {
    log('Building the console shell…');
    await buildShell();
  }
  if (!existsSync(path.join(pluginDist, 'plugin-manifest.json'))) {
    log(
      `Warning: no plugin build in ${pluginDist} (run "npm run build"); the shell will show the error.`,
    );
  }
  const sim = await startClusterSim({
    port: options.simPort ?? 9100,
    scenario: options.scenario,
    timeScale: options.timeScale,
  });
  try {
    const shell = await startConsoleShell({
      port: options.port ?? 9000,
      simulatorURL: sim.url,
      pluginDist,
      shellDist: SHELL_DIST,
      http2: options.http2,
    });
    return {
      consoleURL: shell.url,
      simulatorURL: sim.url,
      close: async () => {
        await shell.close();
        await sim.close();
      },
    };
  } catch (error) {
    await sim.close();
    throw error;
  }
};

const USAGE = `Usage: npm start -- [--port 9000] [--sim-port 9100] [--scenario ${SCENARIOS.join('|')}] [--time-scale N] [--http2]`;

const toNumber = (flag: string, value: string | undefined): number | undefined => {
  if (value === undefined) {
    return undefined;
  }
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) {
    throw new Error(`--${flag}: "${value}" is not a number`);
  }
  return n;
};

const toScenario = (value: string | undefined): ScenarioName | undefined => {
  if (value === undefined || isScenarioName(value)) {
    return value;
  }
  throw new Error(`--scenario: "${value}" is not one of ${SCENARIOS.join(', ')}`);
};

const main = async () => {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'sim-port': { type: 'string' },
      scenario: { type: 'string' },
      'time-scale': { type: 'string' },
      http2: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const env = await startDevEnvironment({
    port: toNumber('port', values.port),
    simPort: toNumber('sim-port', values['sim-port']),
    scenario: toScenario(values.scenario),
    timeScale: toNumber('time-scale', values['time-scale']),
    http2: values.http2,
    log: (message) => {
      console.log(message);
    },
  });
  console.log(`Simulated cluster: ${env.simulatorURL}`);
  console.log(`Console: ${env.consoleURL}`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      return;
    }
    stopping = true;
    console.log(`${signal}: stopping…`);
    env.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => {
    stop('SIGINT');
  });
  process.on('SIGTERM', () => {
    stop('SIGTERM');
  });
};

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    console.error(USAGE);
    process.exit(1);
  });
}
