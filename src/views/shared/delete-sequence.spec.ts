import { HttpError } from '@openshift-console/dynamic-plugin-sdk';
import type { k8sDelete, k8sPatch } from '@openshift-console/dynamic-plugin-sdk';
import { runDelete } from './delete-sequence';
import type { DeletePlan, DeleteStep } from './delete-sequence';

const plan: DeletePlan = {
  machineConfigName: '99-sfc-day1',
  pool: { name: 'sfc', labels: { 'node-role.kubernetes.io/sfc': '' }, nodes: ['w4', 'w5'] },
};

/** A writer that records each call, in order, and fails where `fail` says. */
const recorder = (fail: (call: string) => Error | undefined = () => undefined) => {
  const calls: string[] = [];
  const answer = (call: string) => {
    calls.push(call);
    const error = fail(call);
    return error === undefined ? Promise.resolve({}) : Promise.reject(error);
  };
  const writer = {
    k8sDelete: (({ model, resource }) =>
      answer(`delete ${model.kind} ${resource.metadata?.name ?? ''}`)) as typeof k8sDelete,
    k8sPatch: (({ model, resource, data }) =>
      answer(
        `patch ${model.kind} ${resource.metadata?.name ?? ''} ${JSON.stringify(data)}`,
      )) as typeof k8sPatch,
  };
  return { calls, writer };
};

const statuses = (steps: DeleteStep[]) => steps.map((step) => `${step.id}=${step.status}`);

describe('runDelete', () => {
  it('removes the labels, waits for the nodes, then deletes the config and the pool', async () => {
    const { calls, writer } = recorder();
    const waits: string[] = [];
    const result = await runDelete(
      plan,
      writer,
      (pool, nodes) => {
        waits.push(`${pool}: ${nodes.join(',')}`);
        calls.push('wait');
        return Promise.resolve();
      },
      () => undefined,
    );
    expect(result).toEqual({ outcome: 'deleted' });
    expect(waits).toEqual(['sfc: w4,w5']);
    const removeLabel = JSON.stringify([
      { op: 'remove', path: '/metadata/labels/node-role.kubernetes.io~1sfc' },
    ]);
    // The config stays until the nodes are on worker's config: deleting it earlier would make MCO
    // reboot them onto the pool's new rendered config, and the move to worker would reboot them again.
    expect(calls).toEqual([
      `patch Node w4 ${removeLabel}`,
      `patch Node w5 ${removeLabel}`,
      'wait',
      'delete MachineConfig 99-sfc-day1',
      'delete MachineConfigPool sfc',
    ]);
  });

  it('deletes only the config when the pool stays', async () => {
    const { calls, writer } = recorder();
    const wait = jest.fn(() => Promise.resolve());
    await runDelete({ machineConfigName: '99-sfc-day1' }, writer, wait, () => undefined);
    expect(calls).toEqual(['delete MachineConfig 99-sfc-day1']);
    expect(wait).not.toHaveBeenCalled();
  });

  it('deletes neither the config nor the pool while the nodes have not left it', async () => {
    const { calls, writer } = recorder();
    let release: () => void = () => undefined;
    const left = new Promise<void>((resolve) => {
      release = resolve;
    });
    let steps: DeleteStep[] = [];
    const running = runDelete(
      plan,
      writer,
      () => left,
      (next) => (steps = next),
    );
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls.filter((call) => call.startsWith('delete'))).toEqual([]);
    expect(statuses(steps)).toEqual([
      'nodeLabel:w4=done',
      'nodeLabel:w5=done',
      'waitNodes:sfc=running',
      'machineConfig:99-sfc-day1=pending',
      'pool:sfc=pending',
    ]);
    release();
    await running;
    expect(calls.slice(-2)).toEqual([
      'delete MachineConfig 99-sfc-day1',
      'delete MachineConfigPool sfc',
    ]);
    expect(statuses(steps).every((s) => s.endsWith('=done'))).toBe(true);
  });

  it('stops at a failure, says which step, and leaves the later steps undone', async () => {
    const forbidden = new HttpError('nodes "w5" is forbidden', 403);
    const { calls, writer } = recorder((call) =>
      call.startsWith('patch Node w5') ? forbidden : undefined,
    );
    let steps: DeleteStep[] = [];
    const result = await runDelete(
      plan,
      writer,
      () => Promise.resolve(),
      (next) => (steps = next),
    );
    expect(result).toMatchObject({ outcome: 'failed', error: forbidden });
    expect(result.outcome === 'failed' && result.failedStep.id).toBe('nodeLabel:w5');
    expect(calls.filter((call) => call.startsWith('delete'))).toEqual([]);
    expect(statuses(steps)).toEqual([
      'nodeLabel:w4=done',
      'nodeLabel:w5=failed',
      'waitNodes:sfc=pending',
      'machineConfig:99-sfc-day1=pending',
      'pool:sfc=pending',
    ]);
  });

  it('runs again after a failure: what is already gone counts as done', async () => {
    const { calls, writer } = recorder((call) =>
      call.startsWith('delete MachineConfig ')
        ? new HttpError('not found', 404)
        : call.startsWith('patch Node w4')
          ? new HttpError('the label is not there', 422)
          : undefined,
    );
    const result = await runDelete(
      plan,
      writer,
      () => Promise.resolve(),
      () => undefined,
    );
    expect(result).toEqual({ outcome: 'deleted' });
    expect(calls.at(-1)).toBe('delete MachineConfigPool sfc');
  });

  it('continues after the user stopped waiting: the labels are gone, the config and pool go now', async () => {
    const { calls, writer } = recorder((call) =>
      call.startsWith('patch Node') ? new HttpError('the label is not there', 422) : undefined,
    );
    const stopped = new Error('stopped waiting');
    let steps: DeleteStep[] = [];
    const first = await runDelete(
      plan,
      writer,
      () => Promise.reject(stopped),
      (next) => (steps = next),
    );
    expect(first.outcome === 'failed' && first.failedStep.id).toBe('waitNodes:sfc');
    expect(statuses(steps).slice(-2)).toEqual([
      'machineConfig:99-sfc-day1=pending',
      'pool:sfc=pending',
    ]);
    expect(calls.filter((call) => call.startsWith('delete'))).toEqual([]);
    const again = await runDelete(
      plan,
      writer,
      () => Promise.resolve(),
      (next) => (steps = next),
    );
    expect(again).toEqual({ outcome: 'deleted' });
    expect(calls.filter((call) => call.startsWith('delete'))).toEqual([
      'delete MachineConfig 99-sfc-day1',
      'delete MachineConfigPool sfc',
    ]);
  });

  it('does not take a 422 on the config or the pool for done', async () => {
    const { writer } = recorder((call) =>
      call.startsWith('delete MachineConfigPool') ? new HttpError('invalid', 422) : undefined,
    );
    const result = await runDelete(
      plan,
      writer,
      () => Promise.resolve(),
      () => undefined,
    );
    expect(result.outcome === 'failed' && result.failedStep.id).toBe('pool:sfc');
  });
});
