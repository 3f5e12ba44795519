import { k8sDelete, k8sPatch, useAccessReview } from '@openshift-console/dynamic-plugin-sdk';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { node, pool } from '../../../test/support/rollout-objects';
import { answerWatches } from '../../../test/support/views/watch-fixtures';
import type { MachineConfig, MachineConfigPool } from '../../k8s/types';
import {
  POOL_CREATED_FOR_ANNOTATION,
  produceMachineConfig,
  readDay1MachineConfig,
} from '../../producer';
import DeleteDay1ConfigModal from './DeleteDay1ConfigModal';
import type { Day1ConfigRow } from './day1-config-row';

const SFC_RENDERED = 'rendered-sfc-1111';
const WORKER_RENDERED = 'rendered-worker-2222';

const config = (): MachineConfig =>
  produceMachineConfig({
    machineConfigName: '99-sfc-day1',
    machineConfigPoolRef: 'sfc',
    kernelModuleImage: 'quay.io/acme/sfc-kmod',
    kernelModuleName: 'sfc',
  });

const sfcPool = (): MachineConfigPool => {
  const base = pool({ name: 'sfc' });
  return {
    ...base,
    metadata: { name: 'sfc', annotations: { [POOL_CREATED_FOR_ANNOTATION]: '99-sfc-day1' } },
    status: { ...base.status, machineCount: 2 },
  };
};

const row = (): Day1ConfigRow => {
  const mc = config();
  const summary = readDay1MachineConfig(mc);
  if (!summary) throw new Error('not a Day 1 config');
  return { summary, machineConfig: mc, reachedPools: [sfcPool()] };
};

/** worker-4 and worker-5 in sfc, or, once relabelled, done on worker's config. */
const sfcNodes = () => [
  node('worker-0', { current: WORKER_RENDERED }),
  node('worker-4', { roles: ['sfc', 'worker'], current: SFC_RENDERED }),
  node('worker-5', { roles: ['sfc', 'worker'], current: SFC_RENDERED }),
];
const nodesOnWorker = (done: string[]) => [
  node('worker-0', { current: WORKER_RENDERED }),
  ...['worker-4', 'worker-5'].map((name) =>
    done.includes(name)
      ? node(name, { current: WORKER_RENDERED })
      : node(name, { current: SFC_RENDERED, desired: WORKER_RENDERED, state: 'Working' }),
  ),
];

const serve = (machineConfigs: MachineConfig[], nodes = sfcNodes()) => {
  answerWatches({
    MachineConfig: [machineConfigs, true],
    MachineConfigPool: [[pool({ name: 'worker' }), sfcPool()], true],
    Node: [nodes, true],
  });
};

const renderModal = () => {
  const onClose = jest.fn();
  const onDeleted = jest.fn();
  const element = () => (
    <DeleteDay1ConfigModal row={row()} onClose={onClose} onDeleted={onDeleted} />
  );
  const { rerender } = render(element());
  return {
    onClose,
    onDeleted,
    rerender: () => {
      rerender(element());
    },
  };
};

const modal = () => screen.getByTestId('delete-day1-config-modal');

beforeEach(() => {
  jest.mocked(useAccessReview).mockReturnValue([true, false]);
  jest.mocked(k8sDelete).mockResolvedValue({});
  jest.mocked(k8sPatch).mockResolvedValue({});
});

describe('DeleteDay1ConfigModal with the pool created for the config', () => {
  it('keeps the pool and its labels by default', async () => {
    serve([config()]);
    const { onClose } = renderModal();
    const option = within(modal()).getByRole('checkbox', {
      name: 'Also remove the pool sfc and its node labels',
    });
    expect(option).not.toBeChecked();
    await userEvent.click(within(modal()).getByTestId('confirm-delete-day1-config'));
    await waitFor(() => {
      expect(onClose).toHaveBeenCalled();
    });
    expect(k8sDelete).toHaveBeenCalledTimes(1);
    expect(jest.mocked(k8sDelete).mock.calls[0][0].resource.metadata?.name).toBe('99-sfc-day1');
    expect(k8sPatch).not.toHaveBeenCalled();
  });

  it('removes the labels, then, once its nodes are on worker, the config and the pool', async () => {
    serve([config()]);
    const { onClose, onDeleted, rerender } = renderModal();
    await userEvent.click(
      within(modal()).getByRole('checkbox', {
        name: 'Also remove the pool sfc and its node labels',
      }),
    );
    expect(within(modal()).getByTestId('delete-day1-config-remove-pool')).toHaveTextContent(
      'Its nodes lose the label node-role.kubernetes.io/sfc first and move back to worker: the Machine Config Operator applies that config, without this Day 1 config, and each node reboots once. The config and the pool are deleted once every node has moved.',
    );
    expect(within(modal()).getByTestId('delete-day1-config-node-moves')).toHaveTextContent(
      'worker-4 moves back to worker and reboots once',
    );
    await userEvent.click(within(modal()).getByTestId('confirm-delete-day1-config'));

    const wait = await within(modal()).findByTestId('delete-step-waitNodes:sfc');
    await waitFor(() => {
      expect(wait).toHaveAttribute('data-status', 'running');
    });
    expect(wait).toHaveTextContent('Nodes moved: 0 of 2');
    const patched = jest.mocked(k8sPatch).mock.calls.map(([call]) => call.resource.metadata?.name);
    expect(patched).toEqual(['worker-4', 'worker-5']);
    expect(jest.mocked(k8sPatch).mock.calls[0][0].data).toEqual([
      { op: 'remove', path: '/metadata/labels/node-role.kubernetes.io~1sfc' },
    ]);
    // Each step is named with its status for assistive technology.
    expect(
      within(modal()).getByLabelText('Remove the pool label from node worker-4: Done'),
    ).toBeInTheDocument();
    // The config stays while the nodes move: deleting it now would reboot them twice.
    expect(k8sDelete).not.toHaveBeenCalled();
    expect(within(modal()).getByTestId('delete-step-machineConfig:99-sfc-day1')).toHaveAttribute(
      'data-status',
      'pending',
    );

    // The labels are gone; MCO moves worker-4, then worker-5, to worker's config.
    serve([config()], nodesOnWorker(['worker-4']));
    rerender();
    expect(await within(modal()).findByText('Nodes moved: 1 of 2')).toBeInTheDocument();
    expect(k8sDelete).not.toHaveBeenCalled();
    serve([config()], nodesOnWorker(['worker-4', 'worker-5']));
    rerender();
    await waitFor(() => {
      expect(onClose).toHaveBeenCalled();
    });
    expect(onDeleted).toHaveBeenCalled();
    const deleted = jest
      .mocked(k8sDelete)
      .mock.calls.map(([call]) => `${call.model.kind} ${call.resource.metadata?.name ?? ''}`);
    expect(deleted).toEqual(['MachineConfig 99-sfc-day1', 'MachineConfigPool sfc']);
    // Every label went before the first delete.
    expect(Math.max(...jest.mocked(k8sPatch).mock.invocationCallOrder)).toBeLessThan(
      Math.min(...jest.mocked(k8sDelete).mock.invocationCallOrder),
    );
  });

  it('deletes the config and an empty pool at once: no node to move, no wait', async () => {
    serve([config()], [node('worker-0', { current: WORKER_RENDERED })]);
    const { onClose } = renderModal();
    await userEvent.click(
      within(modal()).getByRole('checkbox', {
        name: 'Also remove the pool sfc and its node labels',
      }),
    );
    expect(within(modal()).getByTestId('delete-day1-config-remove-pool')).toHaveTextContent(
      'sfc was created with this config, and no other config needs it. It has no nodes: the config and the pool are deleted.',
    );
    await userEvent.click(within(modal()).getByTestId('confirm-delete-day1-config'));
    await waitFor(() => {
      expect(onClose).toHaveBeenCalled();
    });
    expect(k8sPatch).not.toHaveBeenCalled();
    expect(
      jest
        .mocked(k8sDelete)
        .mock.calls.map(([call]) => `${call.model.kind} ${call.resource.metadata?.name ?? ''}`),
    ).toEqual(['MachineConfig 99-sfc-day1', 'MachineConfigPool sfc']);
  });

  it('keeps the pool, and says why, when another config needs it', () => {
    const chrony: MachineConfig = {
      apiVersion: 'machineconfiguration.openshift.io/v1',
      kind: 'MachineConfig',
      metadata: {
        name: '99-sfc-chrony',
        labels: { 'machineconfiguration.openshift.io/role': 'sfc' },
      },
      spec: { config: { ignition: { version: '3.2.0' } } },
    };
    serve([config(), chrony]);
    renderModal();
    expect(within(modal()).queryByRole('checkbox')).not.toBeInTheDocument();
    expect(within(modal()).getByTestId('delete-day1-config-pool-needed')).toHaveTextContent(
      'sfc was created with this config, but other configs reach nodes only through it: 99-sfc-chrony.',
    );
  });

  it('offers the removal only to a user who may label nodes and delete pools', () => {
    jest
      .mocked(useAccessReview)
      .mockImplementation(({ resource }) => [resource !== 'nodes', false]);
    serve([config()]);
    renderModal();
    const option = within(modal()).getByRole('checkbox', {
      name: 'Also remove the pool sfc and its node labels',
    });
    expect(option).toBeDisabled();
    expect(within(modal()).getByTestId('delete-day1-config-remove-pool')).toHaveTextContent(
      'You cannot label nodes (patch nodes), which removing the pool needs.',
    );
  });

  it('says what is left when a step fails, and continues from there on Delete', async () => {
    serve([config()]);
    jest
      .mocked(k8sPatch)
      .mockResolvedValueOnce({})
      .mockRejectedValueOnce(
        Object.assign(new Error('nodes "worker-5" is forbidden'), { code: 403 }),
      );
    renderModal();
    await userEvent.click(
      within(modal()).getByRole('checkbox', {
        name: 'Also remove the pool sfc and its node labels',
      }),
    );
    await userEvent.click(within(modal()).getByTestId('confirm-delete-day1-config'));
    const error = await within(modal()).findByTestId('api-error');
    expect(error).toHaveTextContent('Could not remove the label from node worker-5');
    expect(error).toHaveTextContent('Your user may not patch nodes.');
    expect(within(modal()).getByTestId('delete-day1-config-partial')).toBeInTheDocument();
    expect(within(modal()).getByTestId('delete-step-pool:sfc')).toHaveAttribute(
      'data-status',
      'pending',
    );
    expect(k8sDelete).not.toHaveBeenCalled();
    expect(within(modal()).getByTestId('delete-step-nodeLabel:worker-4')).toHaveAttribute(
      'data-status',
      'done',
    );
    // Again: worker-4's label is gone already (422 from the JSON patch), worker-5's goes this time.
    jest
      .mocked(k8sPatch)
      .mockRejectedValueOnce(Object.assign(new Error('no such label'), { code: 422 }))
      .mockResolvedValueOnce({});
    await userEvent.click(within(modal()).getByTestId('confirm-delete-day1-config'));
    await waitFor(() => {
      expect(within(modal()).getByTestId('delete-step-waitNodes:sfc')).toHaveAttribute(
        'data-status',
        'running',
      );
    });
    expect(jest.mocked(k8sPatch).mock.calls.map(([call]) => call.resource.metadata?.name)).toEqual([
      'worker-4',
      'worker-5',
      'worker-4',
      'worker-5',
    ]);
    expect(k8sDelete).not.toHaveBeenCalled();
  });

  it('can stop waiting for the nodes: the pool stays, and the dialog says how to delete it', async () => {
    serve([config()]);
    const { onClose } = renderModal();
    await userEvent.click(
      within(modal()).getByRole('checkbox', {
        name: 'Also remove the pool sfc and its node labels',
      }),
    );
    await userEvent.click(within(modal()).getByTestId('confirm-delete-day1-config'));
    await userEvent.click(await within(modal()).findByTestId('delete-stop-waiting'));
    const stopped = await within(modal()).findByTestId('delete-day1-config-stopped');
    expect(stopped).toHaveTextContent(
      'The config 99-sfc-day1 and the MachineConfigPool sfc are still there',
    );
    expect(
      within(stopped).getByDisplayValue(
        'oc delete machineconfig 99-sfc-day1 && oc delete machineconfigpool sfc',
      ),
    ).toBeInTheDocument();
    expect(k8sDelete).not.toHaveBeenCalled();
    expect(onClose).not.toHaveBeenCalled();
    const close = within(modal()).getByTestId('delete-day1-config-cancel');
    expect(close).toHaveTextContent('Close');
    await userEvent.click(close);
    expect(onClose).toHaveBeenCalled();
  });
});
