import { useAccessReview, useK8sModel } from '@openshift-console/dynamic-plugin-sdk';
import { BootModuleConfigModel } from '../../k8s/models';
import type { BootModuleConfig } from '../../k8s/boot-module-config';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import type { MachineConfig } from '../../k8s/types';
import {
  serveSfcRollout,
  sfcDay1Config,
  sfcNodes,
  sfcPool,
  workerPool,
} from '../../../test/support/views/rollout-fixtures';
import { answerWatches } from '../../../test/support/views/watch-fixtures';
import type { WatchAnswers } from '../../../test/support/views/watch-fixtures';
import Day1ConfigDetailsPage from './Day1ConfigDetailsPage';

const PATH = '/day1-kernel-modules/configs/99-sfc-day1';

const page = (path = PATH) => (
  <MemoryRouter initialEntries={[path]}>
    <Routes>
      <Route path="/day1-kernel-modules/configs/:name" element={<Day1ConfigDetailsPage />} />
      <Route path="/day1-kernel-modules/configs/:name/edit" element={<p>edit page</p>} />
      <Route path="/day1-kernel-modules" element={<p>list page</p>} />
    </Routes>
  </MemoryRouter>
);

const sfcCluster = (machineConfigs: MachineConfig[] = [sfcDay1Config()]): WatchAnswers => ({
  MachineConfig: [machineConfigs, true],
  MachineConfigPool: [[sfcPool(), workerPool()], true],
  Node: [sfcNodes(), true],
});

beforeEach(() => {
  jest.mocked(useAccessReview).mockReturnValue([true, false]);
  serveSfcRollout();
});

describe('Day1ConfigDetailsPage', () => {
  it('shows a spinner, under the breadcrumb, while the MachineConfigs load', () => {
    answerWatches({});
    render(page());
    expect(screen.getByTestId('config-loading')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Day 1 kernel modules' })).toBeInTheDocument();
    expect(screen.getByTestId('config-title')).toHaveTextContent('99-sfc-day1');
  });

  it('names the error when the MachineConfigs cannot be listed', () => {
    answerWatches({ MachineConfig: [[], false, new Error('machineconfigs is forbidden')] });
    render(page());
    expect(screen.getByTestId('config-error')).toHaveTextContent('machineconfigs is forbidden');
  });

  it('says so when there is no such config, and leads back to the list', async () => {
    answerWatches(sfcCluster([]));
    render(page());
    expect(screen.getByTestId('config-not-found')).toHaveTextContent(
      'No MachineConfig is named 99-sfc-day1: it does not exist, or it was deleted.',
    );
    await userEvent.click(screen.getByRole('link', { name: 'Back to Day 1 kernel modules' }));
    expect(screen.getByText('list page')).toBeInTheDocument();
  });

  it('says a MachineConfig that loads no module is not a Day 1 config', () => {
    const ssh: MachineConfig = {
      apiVersion: 'machineconfiguration.openshift.io/v1',
      kind: 'MachineConfig',
      metadata: { name: '99-worker-ssh', labels: {} },
      spec: { config: { ignition: { version: '3.2.0' } } },
    };
    answerWatches(sfcCluster([ssh]));
    render(page('/day1-kernel-modules/configs/99-worker-ssh'));
    expect(screen.getByTestId('config-not-day1')).toHaveTextContent(
      '99-worker-ssh is not a Day 1 kernel module config',
    );
    expect(screen.queryByTestId('config-actions')).not.toBeInTheDocument();
  });

  it('shows the parameters, the pools and nodes it reaches, and its Day 1 state', async () => {
    answerWatches(sfcCluster());
    render(page());
    const parameters = screen.getByTestId('config-parameters');
    expect(within(parameters).getByTestId('config-image')).toHaveTextContent(
      'quay.io/acme/sfc-kmod',
    );
    expect(within(parameters).getByTestId('config-module')).toHaveTextContent('sfc');
    expect(within(parameters).getByTestId('config-in-tree')).toHaveTextContent('sfc, mdio');
    expect(within(parameters).getByTestId('config-pool')).toHaveTextContent('sfc');
    expect(within(parameters).getByTestId('config-worker-image')).toHaveTextContent(
      'kernel-module-management-worker',
    );
    expect(within(parameters).getByTestId('config-made-by')).toHaveTextContent(
      'This console plugin',
    );
    // sfc takes the config; worker does not (it is labelled for sfc).
    const pools = screen.getByTestId('config-pools');
    expect(within(pools).getByTestId('config-pool-sfc')).toHaveTextContent('sfc-asfc-bsfc-c');
    expect(within(pools).queryByTestId('config-pool-worker')).not.toBeInTheDocument();
    // The title says the pool's state; the summary what the nodes' status files say.
    expect(within(screen.getByTestId('config-status')).getByTestId('pool-state')).toBeVisible();
    await waitFor(() => {
      expect(screen.getByTestId('config-loaded-count')).toHaveTextContent('Loaded on 1 of 3');
    });
    expect(
      within(screen.getByTestId('config-rollouts')).getByRole('link', {
        name: 'Rollout of pool sfc',
      }),
    ).toBeInTheDocument();
  });

  it('shows the YAML, read-only, in its tab', async () => {
    answerWatches(sfcCluster());
    render(page());
    await userEvent.click(screen.getByRole('tab', { name: 'YAML' }));
    const yaml = await screen.findByTestId('config-yaml');
    expect(within(yaml).getByTestId('code-editor')).toHaveTextContent('name: 99-sfc-day1');
    expect(within(yaml).getByTestId('config-yaml-download')).toHaveAttribute(
      'download',
      '99-sfc-day1.yaml',
    );
  });

  it('opens the edit page from Actions, and the delete confirmation', async () => {
    answerWatches(sfcCluster());
    render(page());
    await userEvent.click(screen.getByTestId('config-actions'));
    await userEvent.click(screen.getByRole('menuitem', { name: 'Delete' }));
    expect(await screen.findByTestId('delete-day1-config-modal')).toHaveTextContent(
      'Deleting 99-sfc-day1 removes its kernel module units from the nodes.',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await userEvent.click(screen.getByTestId('config-actions'));
    await userEvent.click(screen.getByRole('menuitem', { name: 'Edit' }));
    expect(screen.getByText('edit page')).toBeInTheDocument();
  });

  it('disables Edit and Delete, with the reasons, for a user who may not change MachineConfigs', async () => {
    jest
      .mocked(useAccessReview)
      .mockImplementation(({ resource }) => [resource !== 'machineconfigs', false]);
    answerWatches(sfcCluster());
    render(page());
    await userEvent.click(screen.getByTestId('config-actions'));
    expect(screen.getByRole('menuitem', { name: 'Edit' })).toHaveAttribute('aria-disabled', 'true');
    const remove = screen.getByRole('menuitem', { name: 'Delete' });
    expect(remove).toHaveAttribute('aria-disabled', 'true');
    await userEvent.click(remove);
    expect(screen.queryByTestId('delete-day1-config-modal')).not.toBeInTheDocument();
  });

  it("says KMM's BootModuleConfig manages the config, and disables Edit and Delete with that reason", async () => {
    jest
      .mocked(useK8sModel)
      .mockReturnValue([BootModuleConfigModel, false] as unknown as ReturnType<typeof useK8sModel>);
    const bmc: BootModuleConfig = {
      apiVersion: 'kmm.sigs.x-k8s.io/v1beta1',
      kind: 'BootModuleConfig',
      metadata: { name: 'sfc-boot', namespace: 'openshift-kmm' },
      spec: { machineConfigName: '99-sfc-day1', machineConfigPoolName: 'sfc' },
    };
    answerWatches({ ...sfcCluster(), BootModuleConfig: [[bmc], true] });
    render(page());
    expect(screen.getByTestId('day1-managed-by-kmm')).toHaveTextContent('sfc-boot');
    await userEvent.click(screen.getByTestId('config-actions'));
    expect(screen.getByRole('menuitem', { name: 'Edit' })).toHaveAttribute('aria-disabled', 'true');
    // KMM would create a deleted config again from its BootModuleConfig.
    const remove = screen.getByRole('menuitem', { name: 'Delete' });
    expect(remove).toHaveAttribute('aria-disabled', 'true');
    await userEvent.hover(remove);
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      'Managed by KMM: delete or change the BootModuleConfig sfc-boot instead.',
    );
    await userEvent.click(remove);
    expect(screen.queryByTestId('delete-day1-config-modal')).not.toBeInTheDocument();
  });

  it('says the config is gone when it is deleted while the page is open', () => {
    answerWatches(sfcCluster());
    const { rerender } = render(page());
    expect(screen.getByTestId('config-parameters')).toBeInTheDocument();
    answerWatches(sfcCluster([]));
    rerender(page());
    expect(screen.getByTestId('config-not-found')).toBeInTheDocument();
  });
});
