/**
 * Command line: `node -r ts-node/register dev/cluster-sim/main.ts [--port 9100] [--scenario demo]
 * [--time-scale 1] [--schemas DIR] [--proxy-latency-ms 0] [--quiet]`.
 */
import { parseArgs } from 'node:util';
import { isScenarioName, SCENARIOS } from './scenarios';
import { startClusterSim } from './index';

const USAGE = `usage: cluster-sim [--port 9100] [--scenario ${SCENARIOS.join('|')}] [--time-scale 1] [--schemas DIR] [--proxy-latency-ms 0] [--quiet]`;

const fail = (message: string): never => {
  process.stderr.write(`cluster-sim: ${message}\n${USAGE}\n`);
  process.exit(2);
};

const main = async (): Promise<void> => {
  const { values } = (() => {
    try {
      return parseArgs({
        options: {
          port: { type: 'string', default: '9100' },
          scenario: { type: 'string', default: 'demo' },
          'time-scale': { type: 'string', default: '1' },
          schemas: { type: 'string' },
          'proxy-latency-ms': { type: 'string', default: '0' },
          quiet: { type: 'boolean', default: false },
          help: { type: 'boolean', short: 'h', default: false },
        },
      });
    } catch (error) {
      return fail(error instanceof Error ? error.message : String(error));
    }
  })();
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    fail(`--port must be a port number, not "${values.port}"`);
  if (!isScenarioName(values.scenario)) fail(`--scenario must be one of ${SCENARIOS.join(', ')}`);
  const timeScale = Number(values['time-scale']);
  if (!(timeScale > 0))
    fail(`--time-scale must be a number above 0, not "${values['time-scale']}"`);
  const proxyLatencyMs = Number(values['proxy-latency-ms']);
  if (!Number.isInteger(proxyLatencyMs) || proxyLatencyMs < 0 || proxyLatencyMs > 60_000)
    fail(
      `--proxy-latency-ms must be a whole number from 0 to 60000, not "${values['proxy-latency-ms']}"`,
    );
  const quiet = values.quiet;
  const sim = await startClusterSim({
    port,
    scenario: isScenarioName(values.scenario) ? values.scenario : 'demo',
    timeScale,
    schemasDir: values.schemas,
    proxyLatencyMs,
    log: (message) => {
      if (!quiet) process.stderr.write(`cluster-sim: ${message}\n`);
    },
  });
  process.stdout.write(
    `cluster-sim: scenario ${sim.simulation.scenario}, time scale ${String(timeScale)}, serving ${sim.url}\n`,
  );
  const shutdown = () => {
    void sim.close().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
};

main().catch((error: unknown) => {
  process.stderr.write(`cluster-sim: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
