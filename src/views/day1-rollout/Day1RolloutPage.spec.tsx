import { HttpError } from '@openshift-console/dynamic-plugin-sdk';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  loaded,
  renderRolloutPage,
  rolloutPage,
  serveCluster,
  serveSfcRollout,
  sfcDay1Config,
  sfcNodes,
  sfcPool,
  workerNodes,
  workerPool,
} from '../../../test/support/views/rollout-fixtures';

const rows = () => within(screen.getByTestId('node-table')).queryAllByTestId(/^node-row-/);
const rowNames = () => rows().map((row) => row.getAttribute('data-test')?.replace('node-row-', ''));

describe('Day1RolloutPage states', () => {
  it('shows a spinner until pools and nodes are listed', () => {
    serveCluster({ pools: loaded([sfcPool()]) });
    renderRolloutPage();
    expect(screen.getByTestId('rollout-loading')).toBeInTheDocument();
  });

  it('waits for MachineConfigNodes, and works without them when they cannot be listed', async () => {
    const answers = {
      pools: loaded([sfcPool()]),
      nodes: loaded(sfcNodes()),
      machineConfigs: loaded([sfcDay1Config()]),
    };
    serveCluster(answers);
    const { rerender } = render(rolloutPage());
    expect(screen.getByTestId('rollout-loading')).toBeInTheDocument();

    // An older cluster: no MachineConfigNode API.
    serveCluster({
      ...answers,
      machineConfigNodes: [[], false, new HttpError('the server could not find the resource', 404)],
    });
    rerender(rolloutPage());
    expect(screen.getByTestId('node-row-sfc-b')).toHaveAttribute('data-phase', 'Degraded');
    await userEvent.click(screen.getByRole('button', { name: 'Details of sfc-b' }));
    expect(await screen.findByTestId('node-details-no-mcn')).toHaveTextContent(
      'MachineConfigNodes are not available',
    );
  });

  it('shows why the rollout cannot load', async () => {
    serveCluster({
      pools: loaded([sfcPool()]),
      nodes: [[], false, new HttpError('nodes is forbidden: User cannot list nodes', 403)],
    });
    renderRolloutPage();
    // The error's alert loads with the first failure.
    expect(await screen.findByTestId('rollout-error')).toHaveTextContent(
      'nodes is forbidden: User cannot list nodes',
    );
  });

  it('says when the pool does not exist, or there is no pool', () => {
    serveSfcRollout();
    const { unmount } = renderRolloutPage('/day1-kernel-modules/rollout/gpu');
    expect(screen.getByTestId('rollout-empty')).toHaveTextContent('Pool gpu not found');
    unmount();

    serveCluster({
      pools: loaded([]),
      nodes: loaded([]),
      machineConfigNodes: loaded([]),
      machineConfigs: loaded([]),
    });
    renderRolloutPage('/day1-kernel-modules/rollout');
    expect(screen.getByTestId('rollout-empty')).toHaveTextContent('No MachineConfigPools');
  });

  it('keeps showing the last data, and says so, while a watch reconnects', () => {
    serveCluster({
      pools: loaded([sfcPool()]),
      nodes: [sfcNodes(), true, new Error('websocket closed')],
      machineConfigNodes: loaded([]),
      machineConfigs: loaded([sfcDay1Config()]),
    });
    renderRolloutPage();
    expect(screen.getByTestId('rollout-reconnecting')).toHaveTextContent('Reconnecting');
    expect(screen.getByTestId('node-row-sfc-a')).toBeInTheDocument();
  });
});

describe('the breadcrumb', () => {
  it("leads from a pool's rollout back to every pool's and to the list", async () => {
    const user = userEvent.setup();
    serveSfcRollout();
    renderRolloutPage();
    const breadcrumb = screen.getByTestId('rollout-breadcrumb');
    expect(within(breadcrumb).getByRole('link', { name: 'Day 1 kernel modules' })).toHaveAttribute(
      'href',
      '/day1-kernel-modules',
    );
    // The pool is where the user is: the last crumb, not a link.
    expect(within(breadcrumb).getAllByRole('listitem').at(-1)).toHaveTextContent(/^sfc$/);
    expect(within(breadcrumb).getAllByRole('link')).toHaveLength(2);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Day 1 rollout of sfc');

    await user.click(within(breadcrumb).getByRole('link', { name: 'Rollout' }));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(/^Day 1 rollout$/);
    const allPools = screen.getByTestId('rollout-breadcrumb');
    expect(within(allPools).getAllByRole('listitem').at(-1)).toHaveTextContent(/^Rollout$/);
    expect(within(allPools).getAllByRole('link')).toHaveLength(1);
  });
});

describe('the pool card', () => {
  it('shows progress, counts, state and message, time left and the Day 1 configs', async () => {
    serveSfcRollout();
    renderRolloutPage();
    const card = screen.getByTestId('pool-card-sfc');
    expect(card).toHaveAttribute('data-state', 'Degraded');
    expect(within(card).getByTestId('pool-state')).toHaveTextContent('Degraded');
    // Updated once sfc-a's status file says the module loaded from its current boot.
    await waitFor(() => {
      expect(within(card).getByTestId('pool-progress')).toHaveTextContent('1 of 3');
    });
    expect(within(card).getByTestId('pool-machine-count')).toHaveTextContent('3');
    expect(within(card).getByTestId('pool-degraded-count')).toHaveTextContent('1');
    expect(within(card).getByTestId('pool-message')).toHaveTextContent('sfc-b');
    expect(within(card).getByTestId('pool-time-left')).toHaveTextContent(
      'Not estimated: the pool cannot finish on its own',
    );
    expect(within(card).getByTestId('pool-day1-configs')).toHaveTextContent('99-sfc-day1 (new)');
    // Not paused: nothing to resume. One pool's page does not link to itself.
    expect(within(card).queryByTestId('resume-pool')).not.toBeInTheDocument();
    expect(within(card).queryByTestId('pool-rollout-link')).not.toBeInTheDocument();
  });

  it('shows every pool, each linking to its own page, with all nodes', () => {
    serveSfcRollout({ workers: 2 });
    renderRolloutPage('/day1-kernel-modules/rollout');
    const worker = screen.getByTestId('pool-card-worker');
    expect(worker).toHaveAttribute('data-state', 'Updated');
    expect(within(worker).getByTestId('pool-time-left')).toHaveTextContent('Done');
    expect(within(worker).getByTestId('pool-day1-configs')).toHaveTextContent('None');
    expect(within(worker).getByTestId('pool-rollout-link')).toHaveAttribute(
      'href',
      '/day1-kernel-modules/rollout/worker',
    );
    expect(rowNames()).toEqual(['sfc-a', 'sfc-b', 'sfc-c', 'worker-000', 'worker-001']);
  });
});

describe('the node table', () => {
  it('shows each node with its pool, phase, follow-up, message, time and configs', async () => {
    serveSfcRollout();
    renderRolloutPage();
    const b = screen.getByTestId('node-row-sfc-b');
    expect(b).toHaveAttribute('data-phase', 'Degraded');
    expect(b).toHaveTextContent('sfc');
    expect(within(b).getByTestId('node-message')).toHaveTextContent('content mismatch for file');
    expect(within(b).getByTestId('day1-follow-up')).toHaveTextContent('Waiting for MCO');
    await waitFor(() => {
      expect(
        within(screen.getByTestId('node-row-sfc-a')).getByTestId('day1-follow-up'),
      ).toHaveTextContent('Loaded');
    });
    expect(
      within(screen.getByTestId('node-row-sfc-c')).getByTestId('node-phase'),
    ).toHaveTextContent('Pending');
  });

  it('searches by name, filters by phase, and sorts', async () => {
    const user = userEvent.setup();
    serveSfcRollout({ workers: 3 });
    renderRolloutPage('/day1-kernel-modules/rollout');

    await user.type(screen.getByRole('textbox', { name: 'Search by node name' }), 'SFC');
    expect(rowNames()).toEqual(['sfc-a', 'sfc-b', 'sfc-c']);

    await user.click(screen.getByTestId('phase-filter-toggle'));
    await user.click(screen.getByRole('checkbox', { name: 'Degraded (1)' }));
    await user.click(screen.getByRole('checkbox', { name: 'Pending (1)' }));
    expect(rowNames()).toEqual(['sfc-b', 'sfc-c']);

    await user.click(
      within(screen.getByTestId('node-table')).getByRole('button', { name: 'Phase' }),
    );
    expect(rowNames()).toEqual(['sfc-b', 'sfc-c']);
    await user.click(
      within(screen.getByTestId('node-table')).getByRole('button', { name: 'Phase' }),
    );
    expect(rowNames()).toEqual(['sfc-c', 'sfc-b']);

    await user.click(screen.getAllByRole('button', { name: 'Clear all filters' })[0]);
    expect(rows()).toHaveLength(6);
  });

  it('pages through many nodes', async () => {
    const user = userEvent.setup();
    serveCluster({
      pools: loaded([workerPool()]),
      nodes: loaded(workerNodes(120)),
      machineConfigNodes: loaded([]),
      machineConfigs: loaded([]),
    });
    renderRolloutPage('/day1-kernel-modules/rollout/worker');
    expect(screen.getByTestId('node-table')).toHaveAttribute('data-matching', '120');
    expect(rows()).toHaveLength(20);
    expect(rowNames()[0]).toBe('worker-000');

    const bottom = screen.getByTestId('node-pagination-bottom');
    await user.click(within(bottom).getByRole('button', { name: 'Go to next page' }));
    expect(rowNames()[0]).toBe('worker-020');
    await user.click(within(bottom).getByRole('button', { name: 'Go to last page' }));
    expect(rowNames()).toHaveLength(20);
    expect(rowNames()[0]).toBe('worker-100');

    // A search narrows the list and starts again at page 1.
    await user.type(screen.getByRole('textbox', { name: 'Search by node name' }), 'worker-11');
    expect(rowNames()).toEqual([
      'worker-110',
      'worker-111',
      'worker-112',
      'worker-113',
      'worker-114',
      'worker-115',
      'worker-116',
      'worker-117',
      'worker-118',
      'worker-119',
    ]);
  });
});

describe('the node details drawer', () => {
  it("shows MCO's annotations, the MachineConfigNode timeline, the reason and the Node link", async () => {
    const user = userEvent.setup();
    serveSfcRollout();
    renderRolloutPage();
    await user.click(screen.getByRole('button', { name: 'Details of sfc-b' }));

    const details = await screen.findByTestId('node-details');
    expect(within(details).getByTestId('node-details-phase')).toHaveTextContent('Degraded');
    expect(within(details).getByTestId('node-details-reason')).toHaveTextContent('Degraded');
    expect(within(details).getByTestId('node-details-message')).toHaveTextContent(
      'content mismatch for file',
    );
    expect(within(details).getByTestId('node-details-annotations')).toHaveTextContent(
      'stateDegraded',
    );
    // ResourceLink to the Node (the mocked SDK renders its name).
    expect(within(details).getAllByText('sfc-b').length).toBeGreaterThan(0);
    // Newest change first.
    const timeline = within(within(details).getByTestId('mcn-timeline')).getAllByRole('row');
    expect(timeline.slice(1, 4).map((row) => row.getAttribute('data-test'))).toEqual([
      'mcn-condition-NodeDegraded',
      'mcn-condition-Drained',
      'mcn-condition-UpdatePrepared',
    ]);
    expect(screen.getByTestId('node-row-sfc-b')).toHaveClass('pf-m-selected');

    await user.click(within(details).getByRole('button', { name: 'Close the node details' }));
    expect(screen.queryByTestId('node-row-sfc-b')).not.toHaveClass('pf-m-selected');
  });

  it('takes the keyboard in, closes on Escape, and gives focus back to the row that opened it', async () => {
    const user = userEvent.setup();
    serveSfcRollout();
    renderRolloutPage();
    const opener = screen.getByRole('button', { name: 'Details of sfc-b' });
    opener.focus();
    await user.keyboard('{Enter}');

    const details = await screen.findByTestId('node-details');
    expect(details).toHaveAttribute('role', 'region');
    expect(details).toHaveAccessibleName('sfc-b');
    expect(within(details).getByRole('heading', { name: 'sfc-b' })).toHaveFocus();
    // Tab goes on through the panel's controls.
    await user.tab();
    expect(within(details).getByRole('button', { name: 'Close the node details' })).toHaveFocus();

    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('node-details')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Details of sfc-b' })).toHaveFocus();
  });

  it('moves focus to the next node opened, and back to its row from the close button', async () => {
    const user = userEvent.setup();
    serveSfcRollout();
    renderRolloutPage();
    await user.click(screen.getByRole('button', { name: 'Details of sfc-a' }));
    await user.click(screen.getByRole('button', { name: 'Details of sfc-b' }));
    const details = await screen.findByTestId('node-details');
    expect(within(details).getByRole('heading', { name: 'sfc-b' })).toHaveFocus();

    await user.click(within(details).getByRole('button', { name: 'Close the node details' }));
    expect(screen.getByRole('button', { name: 'Details of sfc-b' })).toHaveFocus();
  });

  it('leaves out the config column while the details are open: they show the configs', async () => {
    const user = userEvent.setup();
    serveSfcRollout();
    renderRolloutPage();
    const table = screen.getByTestId('node-table');
    expect(
      within(table).getByRole('columnheader', { name: 'Current / desired config' }),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Details of sfc-a' }));
    expect(
      within(table).queryByRole('columnheader', { name: 'Current / desired config' }),
    ).not.toBeInTheDocument();
    expect(within(table).queryAllByTestId('node-configs')).toHaveLength(0);
    expect(
      within(await screen.findByTestId('node-details')).getByText('Desired config'),
    ).toBeInTheDocument();
  });
});
