import { screen, within, render } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import Day1ConfigsPoolTab from '../day1-configs/Day1ConfigsPoolTab';
import { serveSfcRollout, sfcPool } from '../../../test/support/views/rollout-fixtures';

describe("the pool's Day 1 kernel modules tab", () => {
  it("shows that pool's rollout: its card and its nodes only", () => {
    serveSfcRollout({ workers: 2 });
    render(
      <MemoryRouter>
        <Day1ConfigsPoolTab obj={sfcPool()} />
      </MemoryRouter>,
    );
    const section = screen.getByTestId('pool-rollout-section');
    expect(within(section).getByTestId('pool-card-sfc')).toHaveAttribute('data-state', 'Degraded');
    expect(within(section).queryByTestId('pool-card-worker')).not.toBeInTheDocument();
    expect(within(section).getByTestId('node-table')).toHaveAttribute('data-matching', '3');
    expect(within(section).queryByTestId('node-row-worker-000')).not.toBeInTheDocument();
  });
});
