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

  it('removes the config, then the labels, then the pool once its nodes are on worker', async () => {
    serve([config()]);
    const { onClose, onDeleted, rerender } = renderModal();
    await userEvent.click(
      within(modal()).getByRole('checkbox', {
        name: 'Also remove the pool sfc and its node labels',
      }),
    );
    expect(within(modal()).getByTestId('delete-day1-config-remove-pool')).toHaveTextContent(
      'Its nodes lose the label node-role.kubernetes.io/sfc and move back to their former pool',
    );
    expect(within(modal()).getByTestId('delete-day1-config-node-moves')).toHaveTextContent(
      'worker-4 moves back to worker and reboots',
    );
    await userEvent.click(within(modal()).getByTestId('confirm-delete-day1-config'));

    const wait = await within(modal()).findByTestId('delete-step-waitNodes:sfc');
    await waitFor(() => {
      expect(wait).toHaveAttribute('data-status', 'running');
    });
    expect(wait).toHaveTextContent('Nodes moved: 0 of 2');
    expect(k8sDelete).toHaveBeenCalledTimes(1);
    const patched = jest.mocked(k8sPatch).mock.calls.map(([call]) => call.resource.metadata?.name);
    expect(patched).toEqual(['worker-4', 'worker-5']);
    expect(jest.mocked(k8sPatch).mock.calls[0][0].data).toEqual([
      { op: 'remove', path: '/metadata/labels/node-role.kubernetes.io~1sfc' },
    ]);
    // The config went first.
    expect(jest.mocked(k8sDelete).mock.invocationCallOrder[0]).toBeLessThan(
      jest.mocked(k8sPatch).mock.invocationCallOrder[0],
    );

    // The labels are gone; MCO moves worker-4, then worker-5, to worker's config.
    serve([], nodesOnWorker(['worker-4']));
    rerender();
    expect(await within(modal()).findByText('Nodes moved: 1 of 2')).toBeInTheDocument();
    expect(k8sDelete).toHaveBeenCalledTimes(1);
    serve([], nodesOnWorker(['worker-4', 'worker-5']));
    rerender();
    await waitFor(() => {
      expect(onClose).toHaveBeenCalled();
    });
    expect(onDeleted).toHaveBeenCalled();
    expect(k8sDelete).toHaveBeenCalledTimes(2);
    const [, [lastDelete]] = jest.mocked(k8sDelete).mock.calls;
    expect(lastDelete.model.kind).toBe('MachineConfigPool');
    expect(lastDelete.resource.metadata?.name).toBe('sfc');
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
      .mockRejectedValueOnce(
        Object.assign(new Error('nodes "worker-4" is forbidden'), { code: 403 }),
      );
    renderModal();
    await userEvent.click(
      within(modal()).getByRole('checkbox', {
        name: 'Also remove the pool sfc and its node labels',
      }),
    );
    await userEvent.click(within(modal()).getByTestId('confirm-delete-day1-config'));
    const error = await within(modal()).findByTestId('api-error');
    expect(error).toHaveTextContent('Could not remove the label from node worker-4');
    expect(error).toHaveTextContent('Your user may not patch nodes.');
    expect(within(modal()).getByTestId('delete-day1-config-partial')).toBeInTheDocument();
    expect(within(modal()).getByTestId('delete-step-pool:sfc')).toHaveAttribute(
      'data-status',
      'pending',
    );
    // Again: the config is gone already (404), the labels are removed this time.
    jest.mocked(k8sDelete).mockRejectedValueOnce(Object.assign(new Error('gone'), { code: 404 }));
    await userEvent.click(within(modal()).getByTestId('confirm-delete-day1-config'));
    await waitFor(() => {
      expect(within(modal()).getByTestId('delete-step-waitNodes:sfc')).toHaveAttribute(
        'data-status',
        'running',
      );
    });
    expect(jest.mocked(k8sPatch).mock.calls.map(([call]) => call.resource.metadata?.name)).toEqual([
      'worker-4',
      'worker-4',
      'worker-5',
    ]);
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
    expect(stopped).toHaveTextContent('The MachineConfigPool sfc is still there');
    expect(
      within(stopped).getByDisplayValue('oc delete machineconfigpool sfc'),
    ).toBeInTheDocument();
    expect(k8sDelete).toHaveBeenCalledTimes(1);
    expect(onClose).not.toHaveBeenCalled();
    const close = within(modal()).getByTestId('delete-day1-config-cancel');
    expect(close).toHaveTextContent('Close');
    await userEvent.click(close);
    expect(onClose).toHaveBeenCalled();
  });
});
