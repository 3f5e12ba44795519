import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ConfigDay1State, NodeDay1State } from '../../rollout';
import { parseDay1Status } from '../../rollout';
import { day1StatusFile } from '../../../test/support/day1-status-file';
import Day1StateStatus from './Day1StateStatus';

const status = (changes: Record<string, unknown> = {}) => parseDay1Status(day1StatusFile(changes));

const nodeState = (config: Omit<ConfigDay1State, 'machineConfig'>): NodeDay1State => ({
  state: config.state,
  worstConfig: '99-sfc-day1',
  configs: [{ machineConfig: '99-sfc-day1', ...config }],
  rebooting: false,
});

const CASES: [string, Omit<ConfigDay1State, 'machineConfig'>, string, string][] = [
  ['WaitingForMCO', { state: 'WaitingForMCO' }, 'Waiting for MCO', 'once MCO has updated'],
  [
    'PullingImage',
    { state: 'PullingImage', status: status({ phase: 'Pulling' }) },
    'Pulling image',
    'quay.io/acme/sfc-kmod',
  ],
  [
    'RebootingForImage',
    { state: 'RebootingForImage' },
    'Rebooting for the image',
    'reboots to load the module',
  ],
  ['Loading', { state: 'Loading', status: status({ phase: 'Loading' }) }, 'Loading', 'loading sfc'],
  ['Loaded', { state: 'Loaded', status: status() }, 'Loaded', 'The out-of-tree sfc is loaded'],
  [
    'PullFailed',
    { state: 'PullFailed', status: status({ phase: 'PullFailed' }), error: 'manifest unknown' },
    'Pull failed',
    'The node says: manifest unknown',
  ],
  [
    'LoadFailed restored',
    { state: 'LoadFailed', inTreeRestored: true, error: 'insmod failed' },
    'Load failed, in-tree driver restored',
    'the in-tree driver was loaded again. The node says: insmod failed',
  ],
  [
    'LoadFailed not restored',
    { state: 'LoadFailed', inTreeRestored: false, error: null },
    'Load failed, in-tree driver not restored',
    'the node may have no driver',
  ],
  [
    'Refused',
    {
      state: 'Refused',
      reason: 'InTreeModuleHeld',
      status: status({ phase: 'LoadRefused', blockingModule: 'mdio' }),
    },
    'Refused',
    'in-tree module mdio is in use',
  ],
  [
    'SkippedAfterCrash',
    { state: 'SkippedAfterCrash', status: status({ phase: 'LoadSkippedAfterCrash' }) },
    'Skipped after a crash',
    'stopped during the previous boot',
  ],
  [
    'RebootBudgetUsed',
    { state: 'RebootBudgetUsed' },
    'Reboot budget used',
    'will not reboot again',
  ],
  [
    'Unreachable',
    {
      state: 'Unreachable',
      error: '503 Service Unavailable',
      status: status(),
      readAt: '2026-12-01T10:00:00.000Z',
    },
    'Unreachable',
    'Last known: Loaded, read at 2026-12-01T10:00:00.000Z',
  ],
  ['Stale', { state: 'Stale', status: status() }, 'Stale', 'from an earlier boot'],
  ['NotReported', { state: 'NotReported' }, 'Not reported', 'has not written a status file'],
  [
    'Unreadable',
    { state: 'Unreadable', problems: [{ code: 'notJSON', params: { error: 'Unexpected end' } }] },
    'Unreadable',
    'malformed: not JSON (Unexpected end)',
  ],
  ['NoAccess', { state: 'NoAccess' }, 'No access', 'get nodes/proxy'],
];

describe('Day1StateStatus', () => {
  it.each(CASES)('%s', async (_name, config, text, detail) => {
    render(<Day1StateStatus day1={nodeState(config)} />);
    const cell = screen.getByTestId('day1-follow-up');
    expect(cell).toHaveTextContent(text);
    expect(cell).toHaveAttribute('data-state', config.state);
    // The detail on keyboard focus too.
    await userEvent.tab();
    expect(await screen.findByRole('tooltip')).toHaveTextContent(detail);
  });

  it('names the worst config when the node has several', () => {
    render(
      <Day1StateStatus
        day1={{
          state: 'PullFailed',
          worstConfig: '99-mlx-day1',
          configs: [
            { machineConfig: '99-sfc-day1', state: 'Loaded' },
            { machineConfig: '99-mlx-day1', state: 'PullFailed' },
          ],
          rebooting: false,
        }}
      />,
    );
    expect(screen.getByTestId('day1-follow-up')).toHaveTextContent(
      'Pull failed, in-tree driver kept (99-mlx-day1)',
    );
  });
});
