import {
  HttpError,
  consoleFetchText,
  k8sDelete,
  useAccessReview,
} from '@openshift-console/dynamic-plugin-sdk';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useLocation, useParams } from 'react-router';
import type { MachineConfig, MachineConfigPool } from '../../k8s/types';
import { produceMachineConfig, produceMachineConfigPool } from '../../producer';
import { deriveRollout } from '../../rollout';
import {
  loaded,
  serveCluster,
  sfcDay1Config,
  sfcMachineConfigNodes,
  sfcNodes,
  sfcPool as pausedCapablePool,
  statusFile,
} from '../../../test/support/views/rollout-fixtures';
import Day1ConfigsPage from './Day1ConfigsPage';
import { answerWatches } from '../../../test/support/views/watch-fixtures';

const day1Config = (): MachineConfig => {
  const mc = produceMachineConfig({
    machineConfigName: '99-worker-kmm-ice',
    machineConfigPoolRef: 'worker',
    kernelModuleImage: 'quay.io/example/ice-kmod',
    kernelModuleName: 'ice',
    inTreeModulesToRemove: ['ice', 'irdma'],
  });
  return { ...mc, metadata: { ...mc.metadata, creationTimestamp: '2026-08-01T10:00:00Z' } };
};

/** A MachineConfig every cluster has; it must not show up. */
const sshConfig: MachineConfig = {
  apiVersion: 'machineconfiguration.openshift.io/v1',
  kind: 'MachineConfig',
  metadata: {
    name: '99-worker-ssh',
    labels: { 'machineconfiguration.openshift.io/role': 'worker' },
    creationTimestamp: '2026-07-01T10:00:00Z',
  },
  spec: {
    config: {
      ignition: { version: '3.2.0' },
      storage: { files: [{ path: '/home/core/.ssh/authorized_keys', contents: { source: '' } }] },
    },
  },
};

const sfcShape = produceMachineConfigPool('sfc');
const sfcPool: MachineConfigPool = { ...sfcShape, status: { machineCount: 2 } };
/** The worker pool, and a custom pool that inherits worker configs (as the seed's example does). */
const workerPool: MachineConfigPool = {
  ...sfcShape,
  metadata: { name: 'worker' },
  spec: {
    machineConfigSelector: { matchLabels: { 'machineconfiguration.openshift.io/role': 'worker' } },
  },
  status: { machineCount: 4 },
};

/** The details page's route, saying which config it was opened for. */
const DetailsStub = () => <p>details page of {useParams().name}</p>;

/** The query string, to see where the page keeps its filter. */
const ShownSearch = () => <output data-test="location-search">{useLocation().search}</output>;

const renderPage = (path = '/day1-kernel-modules') =>
  render(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route
          path="/day1-kernel-modules"
          element={
            <>
              <Day1ConfigsPage />
              <ShownSearch />
            </>
          }
        />
        <Route path="/day1-kernel-modules/~new" element={<p>create page</p>} />
        <Route path="/day1-kernel-modules/configs/:name" element={<DetailsStub />} />
      </Routes>
    </MemoryRouter>,
  );

/** A second Day 1 config, for another pool and module. */
const sfcConfig = (): MachineConfig =>
  produceMachineConfig({
    machineConfigName: '99-sfc-kmm-sfc',
    machineConfigPoolRef: 'sfc',
    kernelModuleImage: 'quay.io/example/sfc-kmod',
    kernelModuleName: 'sfc',
    inTreeModulesToRemove: ['sfc'],
  });

const configRows = () =>
  within(screen.getByTestId('day1-configs-table'))
    .queryAllByTestId(/^day1-config-row-/)
    .map((row) => row.getAttribute('data-test')?.replace('day1-config-row-', ''));

describe('Day1ConfigsPage', () => {
  // clearMocks keeps programmed answers; give every test the default: allowed.
  beforeEach(() => jest.mocked(useAccessReview).mockReturnValue([true, false]));

  it('shows the page title and a spinner while MachineConfigs load', () => {
    answerWatches({});
    renderPage();
    expect(screen.getByRole('heading', { name: 'Day 1 kernel modules' })).toBeInTheDocument();
    expect(screen.getByTestId('day1-configs-loading')).toBeInTheDocument();
    expect(screen.queryByTestId('day1-configs-table')).not.toBeInTheDocument();
  });

  it('names the error when the watch fails', () => {
    answerWatches({ MachineConfig: [[], false, new Error('machineconfigs is forbidden')] });
    renderPage();
    const alert = screen.getByTestId('day1-configs-error');
    expect(alert).toHaveTextContent('Could not load MachineConfigs');
    expect(alert).toHaveTextContent('machineconfigs is forbidden');
  });

  it('explains Day 1 configs when there are none, with a Create call to action', async () => {
    answerWatches({ MachineConfig: [[sshConfig], true], MachineConfigPool: [[], true] });
    renderPage();
    const empty = screen.getByTestId('day1-configs-empty');
    expect(within(empty).getByText('No Day 1 kernel module configs')).toBeInTheDocument();
    expect(empty).toHaveTextContent(/loads an out-of-tree kernel module/);
    await userEvent.click(
      within(empty).getByRole('button', { name: 'Create Day 1 kernel module config' }),
    );
    expect(screen.getByText('create page')).toBeInTheDocument();
  });

  it('lists only the Day 1 MachineConfigs', () => {
    answerWatches({ MachineConfig: [[sshConfig, day1Config()], true] });
    renderPage();
    const table = screen.getByTestId('day1-configs-table');
    expect(within(table).getAllByRole('row')).toHaveLength(2); // header + one config
    expect(within(table).queryByText('99-worker-ssh')).not.toBeInTheDocument();
    const row = screen.getByTestId('day1-config-row-99-worker-kmm-ice');
    const cells = within(row)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    expect(cells.slice(0, 6)).toEqual([
      '99-worker-kmm-ice',
      'worker',
      'quay.io/example/ice-kmod',
      'ice',
      'ice, irdma',
      '2026-08-01T10:00:00Z',
    ]);
  });

  it('disables Create, with the reason, for a user who cannot create MachineConfigs', async () => {
    jest.mocked(useAccessReview).mockReturnValue([false, false]);
    answerWatches({ MachineConfig: [[day1Config()], true] });
    renderPage();
    const create = screen.getByRole('button', { name: 'Create Day 1 kernel module config' });
    expect(create).toHaveAttribute('aria-disabled', 'true');
    await userEvent.hover(create);
    expect(
      await screen.findByText(
        'You cannot create MachineConfigs. Ask a cluster administrator for this permission.',
      ),
    ).toBeInTheDocument();
    await userEvent.click(create);
    expect(screen.queryByText('create page')).not.toBeInTheDocument();
  });

  it("shows each config's pool rollout, linked to the pool's rollout page", async () => {
    const cluster = {
      pools: [pausedCapablePool(true)],
      nodes: sfcNodes(),
      machineConfigNodes: sfcMachineConfigNodes(),
      machineConfigs: [sfcDay1Config()],
    };
    serveCluster({
      pools: loaded(cluster.pools),
      nodes: loaded(cluster.nodes),
      machineConfigNodes: loaded(cluster.machineConfigNodes),
      machineConfigs: loaded(cluster.machineConfigs),
    });
    answerWatches({ MachineConfig: [cluster.machineConfigs, true] });
    // sfc-a, the one node MCO is done with, has loaded the module: the pool is as MCO says.
    jest
      .mocked(consoleFetchText)
      .mockImplementation((url: string) =>
        url.includes('/nodes/sfc-a/')
          ? Promise.resolve(statusFile())
          : Promise.reject(new HttpError('Not Found', 404)),
      );
    const [sfc] = deriveRollout(cluster).pools;
    render(
      <MemoryRouter initialEntries={['/day1-kernel-modules']}>
        <Routes>
          <Route path="/day1-kernel-modules" element={<Day1ConfigsPage />} />
          <Route path="/day1-kernel-modules/rollout/:pool" element={<p>rollout page</p>} />
        </Routes>
      </MemoryRouter>,
    );
    const row = screen.getByTestId(`day1-config-row-${sfcDay1Config().metadata.name}`);
    expect(within(row).getByTestId('pool-state')).toHaveAttribute('data-state', sfc.state);
    const link = within(row).getByRole('link', { name: 'Rollout of pool sfc' });
    await waitFor(() => {
      expect(link).toHaveTextContent(`${String(sfc.completion)}% updated`);
    });
    expect(within(row).getByTestId('config-loaded-count')).toHaveTextContent('Loaded on 1 of 3');
    await userEvent.click(link);
    expect(screen.getByText('rollout page')).toBeInTheDocument();
  });

  it('says "No access" in the loaded column without nodes/proxy, and reads nothing', () => {
    jest
      .mocked(useAccessReview)
      .mockImplementation((attributes) => [attributes.subresource !== 'proxy', false]);
    serveCluster({
      pools: loaded([pausedCapablePool()]),
      nodes: loaded(sfcNodes()),
      machineConfigNodes: loaded(sfcMachineConfigNodes()),
      machineConfigs: loaded([sfcDay1Config()]),
    });
    answerWatches({ MachineConfig: [[sfcDay1Config()], true] });
    renderPage();
    const row = screen.getByTestId(`day1-config-row-${sfcDay1Config().metadata.name}`);
    expect(within(row).getByTestId('config-loaded-no-access')).toHaveTextContent('No access');
    expect(jest.mocked(consoleFetchText)).not.toHaveBeenCalled();
  });

  it('says so when the pool a config names does not exist', () => {
    serveCluster({
      pools: loaded([]),
      nodes: loaded([]),
      machineConfigNodes: loaded([]),
      machineConfigs: loaded([]),
    });
    answerWatches({ MachineConfig: [[day1Config()], true] });
    renderPage();
    expect(screen.getByTestId('pool-missing')).toHaveTextContent('No pool worker');
  });

  it("opens a config's own page from its name", async () => {
    answerWatches({ MachineConfig: [[day1Config()], true] });
    renderPage();
    const row = screen.getByTestId('day1-config-row-99-worker-kmm-ice');
    await userEvent.click(within(row).getByRole('link', { name: '99-worker-kmm-ice' }));
    expect(screen.getByText('details page of 99-worker-kmm-ice')).toBeInTheDocument();
  });

  describe('delete', () => {
    const openDelete = async () => {
      answerWatches({
        MachineConfig: [[day1Config()], true],
        MachineConfigPool: [[workerPool, sfcPool], true],
      });
      renderPage();
      await userEvent.click(screen.getByRole('button', { name: 'Actions for 99-worker-kmm-ice' }));
      await userEvent.click(screen.getByRole('menuitem', { name: 'Delete' }));
      return screen.findByTestId('delete-day1-config-modal');
    };

    it('names every pool whose nodes reboot, then deletes the MachineConfig', async () => {
      jest.mocked(k8sDelete).mockResolvedValue({});
      const modal = await openDelete();
      const warning = within(modal).getByTestId('delete-day1-config-reboot-warning');
      // The worker config also reaches the sfc pool, which selects worker configs.
      expect(warning).toHaveTextContent('Nodes that will reboot: 6');
      expect(warning).toHaveTextContent('Pool worker, nodes: 4');
      expect(warning).toHaveTextContent('Pool sfc, nodes: 2');
      await userEvent.click(within(modal).getByRole('button', { name: 'Delete' }));
      expect(k8sDelete).toHaveBeenCalledTimes(1);
      const [{ model, resource }] = jest.mocked(k8sDelete).mock.calls[0];
      expect(model.plural).toBe('machineconfigs');
      expect(resource.metadata?.name).toBe('99-worker-kmm-ice');
      expect(screen.queryByTestId('delete-day1-config-modal')).not.toBeInTheDocument();
    });

    it('keeps the dialog open and explains a 403', async () => {
      jest
        .mocked(k8sDelete)
        .mockRejectedValue(new HttpError('machineconfigs "99-worker-kmm-ice" is forbidden', 403));
      const modal = await openDelete();
      await userEvent.click(within(modal).getByRole('button', { name: 'Delete' }));
      const error = await within(modal).findByTestId('api-error');
      expect(error).toHaveTextContent('Could not delete 99-worker-kmm-ice');
      expect(error).toHaveTextContent('is forbidden');
      expect(error).toHaveTextContent('Your user may not delete machineconfigs.');
      expect(within(modal).getByRole('button', { name: 'Delete' })).toBeEnabled();
    });

    it('cancels without deleting', async () => {
      const modal = await openDelete();
      await userEvent.click(within(modal).getByRole('button', { name: 'Cancel' }));
      expect(k8sDelete).not.toHaveBeenCalled();
      expect(screen.queryByTestId('delete-day1-config-modal')).not.toBeInTheDocument();
    });

    it("disables Delete of a config KMM's BootModuleConfig manages: KMM would create it again", async () => {
      // What KMM's BootModuleConfig writes: the MachineConfig names it as its owner.
      const mc = day1Config();
      const owned = {
        ...mc,
        metadata: {
          ...mc.metadata,
          ownerReferences: [
            {
              apiVersion: 'kmm.sigs.x-k8s.io/v1beta1',
              kind: 'BootModuleConfig',
              name: 'ice-boot',
              uid: '6d1c3b0e-1111-4a2b-9c3d-5e6f7a8b9c0d',
            },
          ],
        },
      };
      answerWatches({
        MachineConfig: [[owned, sfcConfig()], true],
        MachineConfigPool: [[workerPool, sfcPool], true],
      });
      renderPage();
      await userEvent.click(screen.getByRole('button', { name: 'Actions for 99-worker-kmm-ice' }));
      const remove = screen.getByRole('menuitem', { name: 'Delete' });
      expect(remove).toHaveAttribute('aria-disabled', 'true');
      await userEvent.hover(remove);
      expect(await screen.findByRole('tooltip')).toHaveTextContent(
        'Managed by KMM: delete or change the BootModuleConfig ice-boot instead.',
      );
      await userEvent.click(remove);
      expect(screen.queryByTestId('delete-day1-config-modal')).not.toBeInTheDocument();
      expect(k8sDelete).not.toHaveBeenCalled();
      // A config KMM does not manage can still be deleted.
      await userEvent.keyboard('{Escape}');
      await waitFor(() => {
        expect(screen.queryByRole('menuitem', { name: 'Delete' })).not.toBeInTheDocument();
      });
      await userEvent.click(screen.getByRole('button', { name: 'Actions for 99-sfc-kmm-sfc' }));
      const other = screen.getByRole('menuitem', { name: 'Delete' });
      expect(other).not.toHaveAttribute('aria-disabled', 'true');
      await userEvent.click(other);
      expect(await screen.findByTestId('delete-day1-config-modal')).toBeInTheDocument();
    });

    it('disables Delete, with the reason, for a user who cannot delete', async () => {
      jest.mocked(useAccessReview).mockReturnValue([false, false]);
      answerWatches({ MachineConfig: [[day1Config()], true] });
      renderPage();
      await userEvent.click(screen.getByRole('button', { name: 'Actions for 99-worker-kmm-ice' }));
      expect(screen.getByRole('menuitem', { name: 'Delete' })).toHaveAttribute(
        'aria-disabled',
        'true',
      );
    });
  });

  it('filters the configs by name, keeps the filter in the URL, and clears it', async () => {
    const user = userEvent.setup();
    answerWatches({ MachineConfig: [[day1Config(), sfcConfig()], true] });
    renderPage();
    expect(configRows()).toEqual(['99-sfc-kmm-sfc', '99-worker-kmm-ice']);

    await user.type(screen.getByRole('textbox', { name: 'Filter by name' }), 'ICE');
    expect(configRows()).toEqual(['99-worker-kmm-ice']);
    expect(screen.getByTestId('day1-configs-count')).toHaveTextContent('1 of 2 shown');
    expect(screen.getByTestId('location-search')).toHaveTextContent('?name=ICE');

    await user.clear(screen.getByRole('textbox', { name: 'Filter by name' }));
    await user.type(screen.getByRole('textbox', { name: 'Filter by name' }), 'nvme');
    const noMatch = screen.getByTestId('day1-configs-no-match');
    expect(noMatch).toHaveTextContent('No config name contains "nvme".');
    expect(screen.queryByTestId('day1-configs-table')).not.toBeInTheDocument();
    await user.click(within(noMatch).getByRole('button', { name: 'Clear the filter' }));
    expect(configRows()).toEqual(['99-sfc-kmm-sfc', '99-worker-kmm-ice']);
    expect(screen.getByTestId('location-search')).toBeEmptyDOMElement();
  });

  it('opens with the filter a link carries', async () => {
    const user = userEvent.setup();
    answerWatches({ MachineConfig: [[day1Config(), sfcConfig()], true] });
    renderPage('/day1-kernel-modules?name=sfc');
    expect(screen.getByRole('textbox', { name: 'Filter by name' })).toHaveValue('sfc');
    expect(configRows()).toEqual(['99-sfc-kmm-sfc']);
    await user.click(screen.getAllByRole('button', { name: 'Clear all filters' })[0]);
    expect(configRows()).toEqual(['99-sfc-kmm-sfc', '99-worker-kmm-ice']);
  });
});
