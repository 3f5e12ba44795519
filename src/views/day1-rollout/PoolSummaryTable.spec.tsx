import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { pool } from '../../../test/support/rollout-objects';
import {
  loaded,
  renderRolloutPage,
  serveCluster,
  serveSfcStatusFiles,
  sfcDay1Config,
  sfcMachineConfigNodes,
  sfcNodes,
  sfcPool,
  workerNodes,
  workerPool,
} from '../../../test/support/views/rollout-fixtures';

const serve = (extraPools: number) => {
  serveSfcStatusFiles();
  serveCluster({
    pools: loaded([
      sfcPool(),
      workerPool(),
      ...Array.from({ length: extraPools }, (_, i) => pool({ name: `infra-${String(i)}` })),
    ]),
    nodes: loaded([...sfcNodes(), ...workerNodes(3)]),
    machineConfigNodes: loaded(sfcMachineConfigNodes()),
    machineConfigs: loaded([sfcDay1Config()]),
  });
};

describe('pool summaries on the all-pools page', () => {
  it('shows a full card per pool when there are few', () => {
    serve(1);
    renderRolloutPage('/day1-kernel-modules/rollout');
    expect(screen.getAllByTestId(/^pool-card-/)).toHaveLength(3);
    expect(screen.queryByTestId('pool-summary-table')).not.toBeInTheDocument();
  });

  it('shows one row per pool when there are many, each opening its card from the keyboard', async () => {
    const user = userEvent.setup();
    serve(4);
    renderRolloutPage('/day1-kernel-modules/rollout');
    expect(screen.queryAllByTestId(/^pool-card-/)).toHaveLength(0);
    // The summary table loads after the page's first render.
    const table = await screen.findByTestId('pool-summary-table');
    const sfc = within(table).getByTestId('pool-summary-sfc');
    expect(within(table).getAllByTestId(/^pool-summary-(sfc|worker|infra-\d)$/)).toHaveLength(6);
    expect(sfc).toHaveAttribute('data-state', 'Degraded');
    // sfc-a counts as updated once its status file says the module loaded from its current boot.
    await waitFor(() => {
      expect(sfc).toHaveTextContent('1 of 3');
    });
    expect(within(sfc).getByTestId('pool-summary-degraded-count')).toHaveTextContent('1');
    expect(within(sfc).getByRole('link', { name: 'sfc' })).toHaveAttribute(
      'href',
      '/day1-kernel-modules/rollout/sfc',
    );
    // The node table follows right away.
    expect(screen.getByTestId('node-table')).toBeInTheDocument();

    const toggle = within(sfc).getByRole('button');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    toggle.focus();
    await user.keyboard('{Enter}');
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByTestId('pool-card-sfc')).toHaveAttribute('data-state', 'Degraded');
    await user.keyboard(' ');
    expect(screen.queryByTestId('pool-card-sfc')).not.toBeInTheDocument();
  });
});
