import { consoleFetchText } from '@openshift-console/dynamic-plugin-sdk';
import { screen, within, render, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import Day1ConfigsPoolTab from '../day1-configs/Day1ConfigsPoolTab';
import {
  serveSfcRollout,
  sfcDay1Config,
  sfcPool,
} from '../../../test/support/views/rollout-fixtures';
import { answerWatches } from '../../../test/support/views/watch-fixtures';
import { day1StatusUrl } from '../shared/day1-status-scheduler';

describe("the pool's Day 1 kernel modules tab", () => {
  it("shows that pool's rollout: its card and its nodes only", async () => {
    serveSfcRollout({ workers: 2 });
    render(
      <MemoryRouter>
        <Day1ConfigsPoolTab obj={sfcPool()} />
      </MemoryRouter>,
    );
    const section = screen.getByTestId('pool-rollout-section');
    // The section's views load after the tab's first render.
    expect(await within(section).findByTestId('pool-card-sfc')).toHaveAttribute(
      'data-state',
      'Degraded',
    );
    expect(within(section).queryByTestId('pool-card-worker')).not.toBeInTheDocument();
    expect(within(section).getByTestId('node-table')).toHaveAttribute('data-matching', '3');
    expect(within(section).queryByTestId('node-row-worker-000')).not.toBeInTheDocument();
  });

  it('reads each status file once for the configs list and the rollout', async () => {
    serveSfcRollout({ workers: 2 });
    answerWatches({ MachineConfig: [[sfcDay1Config()], true] });
    render(
      <MemoryRouter>
        <Day1ConfigsPoolTab obj={sfcPool()} />
      </MemoryRouter>,
    );
    await waitFor(() => {
      expect(screen.getByTestId('config-loaded-count')).toHaveTextContent('Loaded on 1 of 3');
    });
    expect(
      within(screen.getByTestId('node-row-sfc-a')).getByTestId('day1-follow-up'),
    ).toHaveAttribute('data-state', 'Loaded');
    const url = day1StatusUrl('sfc-a', '99-sfc-day1');
    expect(jest.mocked(consoleFetchText).mock.calls.filter(([u]) => u === url)).toHaveLength(1);
  });
});
