/** Writes MachineConfigNode conditions to the store, creating the object first when it is missing. */
import type { MachineConfigNodeObject } from '../core/kube-types';
import { MACHINE_CONFIG_NODES, NODES } from '../core/resources';
import type { SimContext } from '../sim-context';
import { nowStamp } from '../sim-context';
import { applyMcnConditions, newMachineConfigNode } from './machine-config-node';
import type { ConditionStatus, McnCondition } from './machine-config-node';

export class McnWriter {
  constructor(
    private readonly context: SimContext,
    /** The node's primary pool, for new objects' spec.pool.name. */
    private readonly poolOf: (node: string) => string | undefined,
  ) {}

  /** Creates the node's MachineConfigNode if it has none. */
  ensure(nodeName: string): void {
    const { store } = this.context;
    if (store.get(MACHINE_CONFIG_NODES, undefined, nodeName) !== undefined) return;
    const node = store.get(NODES, undefined, nodeName);
    const pool = this.poolOf(nodeName);
    if (!this.context.wellFormed.node(node) || pool === undefined) return;
    store.create(MACHINE_CONFIG_NODES, newMachineConfigNode(node, pool, nowStamp(this.context)));
  }

  /** One upgrademonitor call: a parent condition and an optional child. */
  record(
    nodeName: string,
    parent: McnCondition,
    parentStatus: ConditionStatus,
    child?: McnCondition,
    childStatus: ConditionStatus = 'False',
  ): void {
    this.ensure(nodeName);
    const node = this.context.store.get(NODES, undefined, nodeName);
    if (!this.context.wellFormed.node(node)) return;
    const now = nowStamp(this.context);
    this.context.store.mutate<MachineConfigNodeObject>(
      MACHINE_CONFIG_NODES,
      undefined,
      nodeName,
      (mcn) => {
        applyMcnConditions(mcn, node, parent, parentStatus, child, childStatus, now);
      },
    );
  }

  /** spec.configVersion.desired, which the node controller sets when it targets a node. */
  setDesired(nodeName: string, desired: string): void {
    this.ensure(nodeName);
    this.context.store.mutate<MachineConfigNodeObject>(
      MACHINE_CONFIG_NODES,
      undefined,
      nodeName,
      (mcn) => {
        mcn.spec.configVersion.desired = desired;
        const pool = this.poolOf(nodeName);
        if (pool !== undefined) mcn.spec.pool.name = pool;
      },
    );
  }
}
