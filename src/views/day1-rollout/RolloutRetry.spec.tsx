import { HttpError, useK8sWatchResources } from '@openshift-console/dynamic-plugin-sdk';
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  loaded,
  renderRolloutPage,
  serveCluster,
  serveSfcRollout,
  sfcPool,
} from '../../../test/support/views/rollout-fixtures';

const failing = () => {
  serveCluster({
    pools: loaded([sfcPool()]),
    nodes: [[], false, new HttpError('Internal Server Error', 500)],
  });
};

describe('the rollout page when the API fails', () => {
  beforeEach(() => {
    jest.useFakeTimers();
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('says it retries by itself with backoff, and recovers when the API answers again', async () => {
    failing();
    renderRolloutPage();
    // The error's alert loads with the first failure.
    expect(await screen.findByTestId('rollout-error')).toHaveTextContent('Internal Server Error');
    expect(screen.getByTestId('rollout-retry-status')).toHaveTextContent(
      'Failed 1 time. Trying again by itself in 1 s.',
    );
    const calls = () => jest.mocked(useK8sWatchResources).mock.calls.length;

    // 1 s, then 2 s: the error stays up (no flicker to a spinner) and the wait doubles.
    let before = calls();
    act(() => {
      jest.advanceTimersByTime(1000);
    });
    expect(calls()).toBeGreaterThan(before);
    expect(screen.getByTestId('rollout-retry-status')).toHaveTextContent(
      'Failed 2 times. Trying again by itself in 2 s.',
    );
    act(() => {
      jest.advanceTimersByTime(1000);
    });
    expect(screen.getByTestId('rollout-retry-status')).toHaveTextContent('in 1 s.');
    act(() => {
      jest.advanceTimersByTime(1000);
    });
    expect(screen.getByTestId('rollout-retry-status')).toHaveTextContent(
      'Failed 3 times. Trying again by itself in 4 s.',
    );

    // The API answers again: the next attempt loads, and the page says it is live again.
    serveSfcRollout();
    before = calls();
    act(() => {
      jest.advanceTimersByTime(4000);
    });
    expect(calls()).toBeGreaterThan(before);
    expect(screen.queryByTestId('rollout-error')).not.toBeInTheDocument();
    expect(screen.getByTestId('pool-card-sfc')).toBeInTheDocument();
    expect(await screen.findByTestId('rollout-recovered')).toHaveTextContent(
      'The rollout loaded after 3 failed attempts.',
    );
  });

  it('retries at once from the Retry button, and the notice can be closed', async () => {
    const user = userEvent.setup({
      advanceTimers: (ms) => {
        jest.advanceTimersByTime(ms);
      },
    });
    failing();
    renderRolloutPage();
    expect(await screen.findByTestId('rollout-error')).toBeInTheDocument();
    serveSfcRollout();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(screen.getByTestId('pool-card-sfc')).toBeInTheDocument();
    const notice = screen.getByTestId('rollout-recovered');
    expect(notice).toHaveTextContent('The rollout loaded after 1 failed attempt.');
    await user.click(screen.getByRole('button', { name: /close/i }));
    expect(screen.queryByTestId('rollout-recovered')).not.toBeInTheDocument();
  });
});
