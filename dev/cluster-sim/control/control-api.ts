/**
 * The simulator's control API under /sim (no authentication): state, reset, faults, registry images,
 * and a node's Day 1 status files.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseJson, readBody, sendJson } from '../api/http-io';
import type { WatchHub } from '../api/watch';
import { SCENARIOS, isScenarioName } from '../scenarios';
import type { Simulation } from '../simulation';
import { faultRequestProblems } from './faults';
import type { FaultRequest } from './faults';

const ENDPOINTS = [
  'GET /sim/state',
  'GET /sim/watches',
  'POST /sim/reset {"scenario": "demo|coverage|upgrade|large|empty|bare", "timeScale": 1}',
  'POST /sim/faults {"degradeNode"|"hangDrain"|"loseImagesOnReboot"|"hangProxy"|"corruptStatus"|"staleStatus"|"failLoad": "<node>", "apiErrors": {"count": N, "status": 500}, "dropWatches"|"expireWatches": true, "latencyMs": N, "slowProxy": true|N, "proxyLatencyMs": N, "concurrentEdit": {"machineConfig": "<mc>", "patch": {…}}, "clear": true}',
  'POST /sim/registry {"images": ["repo:tag", …], "private": ["repo", …], "remove": ["repo:tag", …]}',
  'POST /sim/cluster-update {"version": "<available update>"}',
  'POST /sim/registry/tags {"image": "repo", "tag": "tag"} (pushes one tag, as a vendor publishing a build for a new kernel)',
  'GET /sim/nodes/<name>/day1-status',
];

/** An image repository without tag or digest, and a tag as the registry accepts it. */
const IMAGE_RE = /^[a-z0-9][a-z0-9._/:-]*$/;
const TAG_RE = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

const stringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((v) => typeof v === 'string' && v !== '');

/** Applies a validated fault request to the simulation and the open watches. */
export const applyFaultRequest = (
  simulation: Simulation,
  hub: WatchHub,
  request: FaultRequest,
): { droppedWatches: number; expiredWatches: number } => {
  const droppedWatches = request.dropWatches === true ? hub.dropAll() : 0;
  const expiredWatches = request.expireWatches === true ? hub.expireAll() : 0;
  simulation.applyFaults(request);
  return { droppedWatches, expiredWatches };
};

export class ControlApi {
  constructor(
    private readonly simulation: Simulation,
    private readonly hub: WatchHub,
  ) {}

  async handle(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    const path = url.pathname.replace(/\/+$/, '');
    const method = request.method ?? 'GET';
    const fail = (status: number, error: string) => {
      sendJson(response, status, { error, endpoints: ENDPOINTS });
    };
    const body = method === 'POST' ? this.jsonBody(await readBody(request)) : undefined;
    if (body instanceof Error) {
      fail(400, body.message);
      return;
    }
    if (method === 'GET' && (path === '/sim' || path === '/sim/state')) {
      sendJson(response, 200, { ...this.simulation.state(), watches: this.hub.count });
      return;
    }
    if (method === 'GET' && path === '/sim/watches') {
      sendJson(response, 200, { count: this.hub.count, byResource: this.hub.countByResource() });
      return;
    }
    const day1 = /^\/sim\/nodes\/([^/]+)\/day1-status$/.exec(path);
    if (method === 'GET' && day1) {
      const statuses = this.simulation.day1Status(decodeURIComponent(day1[1]));
      if (statuses === undefined) fail(404, `node "${decodeURIComponent(day1[1])}" not found`);
      else sendJson(response, 200, statuses);
      return;
    }
    if (method !== 'POST') {
      fail(404, `no such endpoint: ${method} ${path}`);
      return;
    }
    const input = (body ?? {}) as Record<string, unknown>;
    switch (path) {
      case '/sim/reset': {
        const scenario = input.scenario ?? this.simulation.scenario;
        const timeScale = input.timeScale ?? this.simulation.timeScale;
        if (!isScenarioName(scenario)) {
          fail(400, `scenario must be one of ${SCENARIOS.join(', ')}`);
          return;
        }
        if (typeof timeScale !== 'number' || !(timeScale > 0) || timeScale > 1000) {
          fail(400, 'timeScale must be a number above 0 and at most 1000');
          return;
        }
        // Watches end first; clients come back with an old resourceVersion, get 410 Gone and relist.
        this.hub.dropAll();
        this.simulation.reset(scenario, timeScale);
        sendJson(response, 200, {
          scenario,
          timeScale,
          resourceVersion: String(this.simulation.store.resourceVersion),
        });
        return;
      }
      case '/sim/faults': {
        const problems = faultRequestProblems(input);
        if (problems.length > 0) {
          fail(400, problems.join('; '));
          return;
        }
        const outcome = applyFaultRequest(this.simulation, this.hub, input);
        sendJson(response, 200, { faults: this.simulation.faults.toJSON(), ...outcome });
        return;
      }
      case '/sim/registry': {
        const { images = [], private: privateRepositories = [], remove = [] } = input;
        if (!stringArray(images) || !stringArray(privateRepositories) || !stringArray(remove)) {
          fail(400, 'images, private and remove must be arrays of image references');
          return;
        }
        this.simulation.registry.add(images);
        this.simulation.registry.makePrivate(privateRepositories);
        this.simulation.registry.remove(remove);
        sendJson(response, 200, this.simulation.registry.toJSON());
        return;
      }
      case '/sim/cluster-update': {
        const { version } = input;
        if (typeof version !== 'string' || version === '') {
          fail(400, 'version must be the version of an available update');
          return;
        }
        const cvo = this.simulation.clusterVersionOperator;
        const problem = cvo.updateProblem(version);
        if (problem !== undefined) {
          fail(409, problem);
          return;
        }
        // As `oc adm upgrade --to`: the CVO picks the new desiredUpdate up from the ClusterVersion.
        cvo.requestUpdate(version);
        sendJson(response, 200, { desiredUpdate: version });
        return;
      }
      case '/sim/registry/tags': {
        const { image, tag } = input;
        if (typeof image !== 'string' || !IMAGE_RE.test(image) || image.includes('@')) {
          fail(400, 'image must be an image repository without tag, e.g. quay.io/acme/ice-kmod');
          return;
        }
        if (typeof tag !== 'string' || !TAG_RE.test(tag)) {
          fail(400, 'tag must match [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}');
          return;
        }
        if (/:[^/]*$/.test(image)) {
          fail(400, 'image must not carry a tag; give the tag in "tag"');
          return;
        }
        this.simulation.registry.add([`${image}:${tag}`]);
        sendJson(response, 200, this.simulation.registry.toJSON());
        return;
      }
      default:
        fail(404, `no such endpoint: ${method} ${path}`);
    }
  }

  private jsonBody(text: string): unknown {
    try {
      return parseJson(text);
    } catch {
      return new Error('the body must be JSON');
    }
  }
}
