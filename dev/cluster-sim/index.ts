/**
 * The simulated OpenShift cluster: `startClusterSim()` builds a scenario and serves the Kubernetes API
 * for it on 127.0.0.1, for the console shell, the launcher and tests.
 */
import { join } from 'node:path';
import { ApiServer } from './api/server';
import type { ReceivedRequest } from './api/server';
import { applyFaultRequest } from './control/control-api';
import { faultRequestProblems } from './control/faults';
import type { FaultRequest } from './control/faults';
import { CrdSchemas } from './api/validation';
import type { Clock } from './core/clock';
import { RealClock } from './core/clock';
import type { ScenarioName } from './scenarios';
import type { Timings } from './sim-context';
import { Simulation } from './simulation';

export type { ReceivedRequest } from './api/server';
export type { ScenarioName } from './scenarios';
export { ManualClock } from './core/clock';
export { Simulation } from './simulation';

/** The repository's verbatim copies of the CRDs (schemas/crds/README.md names their source). */
export const DEFAULT_SCHEMAS_DIR = join(__dirname, '..', '..', 'schemas', 'crds');

export interface ClusterSimOptions {
  /** 0 picks a free port. Default 9100. */
  port?: number;
  scenario?: ScenarioName;
  /** Multiplies every simulated duration: 1 for a demo, 0.001 for near-instant tests. */
  timeScale?: number;
  /** CRD schema directory (startClusterSim throws when it is missing); null turns CRD validation off. */
  schemasDir?: string | null;
  /** Defaults to the wall clock; tests can pass a ManualClock. */
  clock?: Clock;
  /** Step durations at time scale 1, overriding the defaults. */
  timings?: Partial<Timings>;
  log?: (message: string) => void;
  bookmarkIntervalMs?: number;
  /** Called with every API request as it arrives (tests read what a client sent). */
  onRequest?: (request: ReceivedRequest) => void;
  /**
   * Added to every node proxy call (`/api/v1/nodes/<n>/proxy/…`), on the clock: the round trip from the
   * API server to a kubelet, for benchmarks. Kept across resets and `clear`. Default 0.
   */
  proxyLatencyMs?: number;
}

export interface ClusterSim {
  /** http://127.0.0.1:<port> */
  url: string;
  port: number;
  simulation: Simulation;
  /** Watches open now. */
  readonly openWatches: number;
  /** Applies faults as `POST /sim/faults` does; throws on an invalid request. */
  applyFaults(request: FaultRequest): void;
  /** Stops every timer, watch and connection. */
  close(): Promise<void>;
}

export const startClusterSim = async (options: ClusterSimOptions = {}): Promise<ClusterSim> => {
  const log =
    options.log ??
    ((message: string) => {
      process.stderr.write(`cluster-sim: ${message}\n`);
    });
  const schemasDir = options.schemasDir === undefined ? DEFAULT_SCHEMAS_DIR : options.schemasDir;
  const schemas = schemasDir === null ? null : CrdSchemas.load(schemasDir);
  const clock = options.clock ?? new RealClock();
  const simulation = new Simulation({
    clock,
    scenario: options.scenario ?? 'demo',
    timeScale: options.timeScale ?? 1,
    timings: options.timings,
    log,
  });
  if (options.proxyLatencyMs !== undefined) {
    const problems = faultRequestProblems({ proxyLatencyMs: options.proxyLatencyMs });
    if (problems.length > 0) throw new Error(problems.join('; '));
    simulation.faults.proxyLatencyMs = options.proxyLatencyMs;
  }
  const server = new ApiServer({
    simulation,
    schemas,
    clock,
    log,
    bookmarkIntervalMs: options.bookmarkIntervalMs,
    onRequest: options.onRequest,
  });
  let port: number;
  try {
    port = await server.listen(options.port ?? 9100);
  } catch (error) {
    simulation.stop();
    clock.dispose();
    throw error;
  }
  return {
    url: `http://127.0.0.1:${String(port)}`,
    port,
    simulation,
    get openWatches() {
      return server.hub.count;
    },
    applyFaults: (request) => {
      const problems = faultRequestProblems(request);
      if (problems.length > 0) throw new Error(problems.join('; '));
      applyFaultRequest(simulation, server.hub, request);
    },
    close: async () => {
      simulation.stop();
      await server.close();
      clock.dispose();
    },
  };
};
