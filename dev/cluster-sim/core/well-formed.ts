/**
 * What the simulated controllers need of the objects they read. The API server stores what its schema
 * allows, and a Node or a hand-written MachineConfig can still lack fields a controller reads (a Node
 * without status, labels that are not strings). Such an object is skipped by every controller loop and
 * logged once per object and resourceVersion, so one bad object never stops a simulation step.
 */
import type { MachineConfigObject, NodeObject, PoolObject, SimObject } from './kube-types';
import { labelSelectorProblem } from './selectors';

type Check = (object: SimObject) => string | undefined;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const stringMap = (value: unknown, field: string): string | undefined => {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) return `${field} is not an object`;
  const bad = Object.entries(value).find(([, v]) => typeof v !== 'string');
  return bad === undefined ? undefined : `${field}["${bad[0]}"] is not a string`;
};

const metadataProblem: Check = (object) =>
  stringMap(object.metadata.labels, 'metadata.labels') ??
  stringMap(object.metadata.annotations, 'metadata.annotations');

const selectorProblem = (value: unknown, field: string): string | undefined => {
  if (value === undefined || value === null) return undefined;
  const problem = labelSelectorProblem(value);
  return problem === undefined ? undefined : `${field}: ${problem}`;
};

const nodeProblem: Check = (object) => {
  const node = object as unknown as Record<string, unknown>;
  const { spec, status } = node;
  if (!isObject(spec)) return 'spec is not an object';
  if (spec.taints !== undefined && !Array.isArray(spec.taints)) return 'spec.taints is not a list';
  if (!isObject(status)) return 'status is not an object';
  if (!Array.isArray(status.conditions) || !status.conditions.every(isObject)) {
    return 'status.conditions is not a list of conditions';
  }
  const info = status.nodeInfo;
  if (!isObject(info) || typeof info.kernelVersion !== 'string') {
    return 'status.nodeInfo.kernelVersion is not a string';
  }
  return metadataProblem(object);
};

const poolProblem: Check = (object) => {
  const { spec } = object as unknown as { spec?: unknown };
  if (!isObject(spec)) return 'spec is not an object';
  return (
    selectorProblem(spec.nodeSelector, 'spec.nodeSelector') ??
    selectorProblem(spec.machineConfigSelector, 'spec.machineConfigSelector') ??
    (spec.configuration !== undefined && !isObject(spec.configuration)
      ? 'spec.configuration is not an object'
      : undefined) ??
    metadataProblem(object)
  );
};

const machineConfigProblem: Check = (object) => {
  const { spec } = object as unknown as { spec?: unknown };
  if (spec !== undefined && spec !== null && !isObject(spec)) return 'spec is not an object';
  return metadataProblem(object);
};

export class WellFormed {
  /** `<kind>/<name>@<resourceVersion>` of each object already reported. */
  private readonly reported = new Set<string>();

  constructor(private readonly log: (message: string) => void) {}

  node(object: SimObject | undefined): object is NodeObject {
    return this.check('Node', object, nodeProblem);
  }

  pool(object: SimObject | undefined): object is PoolObject {
    return this.check('MachineConfigPool', object, poolProblem);
  }

  machineConfig(object: SimObject | undefined): object is MachineConfigObject {
    return this.check('MachineConfig', object, machineConfigProblem);
  }

  nodes(objects: SimObject[]): NodeObject[] {
    return objects.filter((o): o is NodeObject => this.node(o));
  }

  pools(objects: SimObject[]): PoolObject[] {
    return objects.filter((o): o is PoolObject => this.pool(o));
  }

  machineConfigs(objects: SimObject[]): MachineConfigObject[] {
    return objects.filter((o): o is MachineConfigObject => this.machineConfig(o));
  }

  private check(kind: string, object: SimObject | undefined, problemOf: Check): boolean {
    if (object === undefined) return false;
    const problem = problemOf(object);
    if (problem === undefined) return true;
    const key = `${kind}/${object.metadata.name}@${object.metadata.resourceVersion ?? ''}`;
    if (!this.reported.has(key)) {
      this.reported.add(key);
      this.log(`skipping malformed ${kind} ${object.metadata.name}: ${problem}`);
    }
    return false;
  }
}
