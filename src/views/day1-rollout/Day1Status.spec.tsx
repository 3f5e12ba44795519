import {
  HttpError,
  consoleFetchText,
  useAccessReview,
} from '@openshift-console/dynamic-plugin-sdk';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  loaded,
  renderRolloutPage,
  serveCluster,
  sfcDay1Config,
  sfcMachineConfigNodes,
  sfcNodes,
  SFC_TARGET,
  sfcPool,
  statusFile,
  workerPool,
} from '../../../test/support/views/rollout-fixtures';
import { day1StatusUrl } from '../shared/day1-status-scheduler';
import { day1JournalUrl } from '../shared/day1-journal';
import type { Node } from '../../k8s/types';
import { node } from '../../../test/support/rollout-objects';

const SFC_A = day1StatusUrl('sfc-a', '99-sfc-day1');
const JOURNAL_A =
  '/api/kubernetes/api/v1/nodes/sfc-a/proxy/logs/journal?unit=99-sfc-day1-replace-kernel-module.service&unit=99-sfc-day1-pull-kernel-module-image.service&query=99-sfc-day1-replace-kernel-module.service&query=99-sfc-day1-pull-kernel-module-image.service&tail=100&tailLines=100';

type Answer = string | number | Promise<string>;

/** Serves the node proxy: a text, an HTTP error code, or a promise, by URL; anything else is 404. */
const serveProxy = (answers: Record<string, Answer>) => {
  jest.mocked(consoleFetchText).mockImplementation((url: string) => {
    const answer = answers[url] as Answer | undefined;
    if (answer === undefined || typeof answer === 'number') {
      const code = answer ?? 404;
      return Promise.reject(new HttpError(`HTTP ${String(code)}`, code));
    }
    return typeof answer === 'string' ? Promise.resolve(answer) : answer;
  });
};

const serveSfc = (nodes: Node[] = sfcNodes()) => {
  serveCluster({
    pools: loaded([sfcPool(), workerPool()]),
    nodes: loaded(nodes),
    machineConfigNodes: loaded(sfcMachineConfigNodes()),
    machineConfigs: loaded([sfcDay1Config()]),
  });
};

const row = (name: string) => screen.getByTestId(`node-row-${name}`);
const day1Cell = (name: string) => within(row(name)).getByTestId('day1-follow-up');
const statusUrls = () =>
  jest
    .mocked(consoleFetchText)
    .mock.calls.map(([url]) => url)
    .filter((url) => url.includes('/proxy/logs/'));

beforeEach(() => {
  jest.mocked(useAccessReview).mockReturnValue([true, false]);
});

describe('Day 1 status on the rollout page', () => {
  it('reads each status file by its plain path, and shows the module loaded', async () => {
    serveProxy({ [SFC_A]: statusFile() });
    serveSfc();
    renderRolloutPage();
    await waitFor(() => {
      expect(day1Cell('sfc-a')).toHaveAttribute('data-state', 'Loaded');
    });
    expect(day1Cell('sfc-a')).toHaveTextContent('Loaded');
    expect(row('sfc-a')).toHaveAttribute('data-phase', 'Updated');
    // sfc-c waits for MCO: nothing to read yet. No query string on any status file.
    expect(statusUrls()).toEqual(
      expect.arrayContaining([SFC_A, day1StatusUrl('sfc-b', '99-sfc-day1')]),
    );
    expect(statusUrls()).not.toContain(day1StatusUrl('sfc-c', '99-sfc-day1'));
    expect(statusUrls().every((url) => !url.includes('?'))).toBe(true);
    expect(jest.mocked(useAccessReview)).toHaveBeenCalledWith({
      group: '',
      resource: 'nodes',
      subresource: 'proxy',
      verb: 'get',
    });

    const card = screen.getByTestId('pool-card-sfc');
    expect(within(card).getByTestId('pool-day1-loaded')).toHaveTextContent(
      'Module loaded on 1 of 3 nodes',
    );
    expect(screen.getByTestId('day1-status-progress')).toHaveTextContent(
      'Day 1 status read from 2 of 2 nodes',
    );
    // The same as attributes, which the bench waits on.
    expect(screen.getByTestId('day1-status-progress')).toHaveAttribute('data-nodes', '2');
    expect(screen.getByTestId('day1-status-progress')).toHaveAttribute('data-read', '2');
    expect(screen.getByTestId('day1-status-progress')).toHaveAttribute('data-pending', '0');
  });

  it('shows a bar of the reads still to do while any is, and none once every node is read', async () => {
    let answerA: (text: string) => void = () => undefined;
    serveProxy({
      [SFC_A]: new Promise<string>((resolve) => {
        answerA = resolve;
      }),
    });
    serveSfc();
    renderRolloutPage();
    const reading = await screen.findByTestId('day1-status-reading');
    // sfc-b answered (404: not written yet); sfc-a's read is still in flight.
    await waitFor(() => {
      expect(within(reading).getByRole('progressbar')).toHaveAttribute(
        'aria-valuetext',
        '1 of 2 nodes still to read',
      );
    });
    expect(within(reading).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '50');
    answerA(statusFile());
    await waitFor(() => {
      expect(day1Cell('sfc-a')).toHaveAttribute('data-state', 'Loaded');
    });
    expect(screen.queryByTestId('day1-status-reading')).not.toBeInTheDocument();
  });

  it('shows a failed load with the in-tree driver restored, the error on hover, and links to it', async () => {
    serveProxy({
      [SFC_A]: statusFile({
        phase: 'LoadFailed',
        moduleLoaded: false,
        inTreeRestored: true,
        lastError: 'insmod: ERROR: could not insert module sfc.ko: Invalid parameters',
      }),
    });
    serveSfc();
    renderRolloutPage();
    await waitFor(() => {
      expect(day1Cell('sfc-a')).toHaveTextContent('Load failed, in-tree driver restored');
    });
    await userEvent.hover(day1Cell('sfc-a'));
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      'The out-of-tree module did not load; the in-tree driver was loaded again. The node says: insmod: ERROR: could not insert module sfc.ko: Invalid parameters',
    );

    const failed = within(screen.getByTestId('pool-card-sfc')).getByTestId('pool-day1-failed');
    expect(failed).toHaveTextContent('1 failed');
    expect(failed).toHaveAttribute('href', '/day1-kernel-modules/rollout/sfc?day1=failed');
    await userEvent.click(failed);
    await waitFor(() => {
      expect(screen.queryByTestId('node-row-sfc-b')).not.toBeInTheDocument();
    });
    expect(row('sfc-a')).toBeInTheDocument();
    expect(screen.getByTestId('node-toolbar')).toHaveTextContent('Failed');
  });

  it('shows a node that is down as unreachable, never failed, and warns over maxUnavailable', async () => {
    // sfc-a and sfc-d, updated, go down (a reboot outside MCO's window): two unavailable against 1.
    const nodes = [
      node('sfc-a', {
        current: SFC_TARGET,
        roles: ['sfc', 'worker'],
        bootID: 'boot-sfc-a',
        ready: false,
      }),
      ...sfcNodes().slice(1),
      node('sfc-d', {
        current: SFC_TARGET,
        roles: ['sfc', 'worker'],
        bootID: 'boot-sfc-d',
        ready: false,
      }),
    ];
    serveProxy({ [SFC_A]: 503, [day1StatusUrl('sfc-d', '99-sfc-day1')]: 502 });
    serveSfc(nodes);
    renderRolloutPage();
    await waitFor(() => {
      expect(day1Cell('sfc-a')).toHaveAttribute('data-state', 'Unreachable');
    });
    expect(day1Cell('sfc-a')).toHaveTextContent('Unreachable');
    const card = screen.getByTestId('pool-card-sfc');
    expect(within(card).getByTestId('pool-day1-unreachable')).toHaveAttribute(
      'href',
      '/day1-kernel-modules/rollout/sfc?day1=unreachable',
    );
    expect(within(card).queryByTestId('pool-day1-failed')).not.toBeInTheDocument();
    expect(within(card).getByTestId('pool-over-max-unavailable')).toHaveTextContent(
      'more than maxUnavailable (1)',
    );
    // The page names the pool too, for the compact pool rows of a large cluster.
    expect(screen.getByTestId('rollout-over-max-unavailable')).toHaveTextContent(
      'More nodes unavailable than maxUnavailable in sfc',
    );
  });

  it('shows an updated node that has not reported as rebooting for its Day 1 image', async () => {
    serveProxy({});
    serveSfc();
    renderRolloutPage();
    await waitFor(() => {
      expect(day1Cell('sfc-a')).toHaveTextContent('Not reported');
    });
    expect(row('sfc-a')).toHaveAttribute('data-phase', 'RebootingForDay1');
    expect(row('sfc-a')).toHaveTextContent('Rebooting for Day 1 image');
    expect(
      within(screen.getByTestId('pool-card-sfc')).getByTestId('pool-day1-rebooting'),
    ).toHaveTextContent('1 in a Day 1 reboot or not reported');
  });

  it('without nodes/proxy makes no request, says why, and keeps Verify', async () => {
    jest
      .mocked(useAccessReview)
      .mockImplementation((attributes) => [attributes.subresource !== 'proxy', false]);
    serveProxy({ [SFC_A]: statusFile() });
    serveSfc();
    renderRolloutPage();
    expect(await screen.findByTestId('day1-no-access')).toHaveTextContent('nodes/proxy');
    await waitFor(() => {
      expect(day1Cell('sfc-a')).toHaveTextContent('No access');
    });
    expect(row('sfc-a')).toHaveAttribute('data-phase', 'Updated');
    expect(statusUrls()).toEqual([]);
    expect(within(row('sfc-a')).getByTestId('node-verify')).not.toHaveAttribute(
      'aria-disabled',
      'true',
    );
    expect(
      within(screen.getByTestId('pool-card-sfc')).getByTestId('pool-day1-loaded'),
    ).toHaveTextContent('not known without access');
  });

  it('reads every node again on Refresh', async () => {
    serveProxy({ [SFC_A]: statusFile() });
    serveSfc();
    renderRolloutPage();
    await waitFor(() => {
      expect(day1Cell('sfc-a')).toHaveAttribute('data-state', 'Loaded');
    });
    const before = statusUrls().filter((url) => url === SFC_A).length;
    await userEvent.click(screen.getByTestId('day1-refresh'));
    await waitFor(() => {
      expect(statusUrls().filter((url) => url === SFC_A)).toHaveLength(before + 1);
    });
  });
});

describe('Day 1 status in the node drawer', () => {
  it('shows the status file and the last journal lines of the Day 1 units', async () => {
    serveProxy({
      [SFC_A]: statusFile({ lastError: null }),
      [JOURNAL_A]: 'Dec 01 kmm-day1[99-sfc-day1]: module sfc loaded from quay.io/acme/sfc-kmod\n',
    });
    serveSfc();
    renderRolloutPage();
    await waitFor(() => {
      expect(day1Cell('sfc-a')).toHaveAttribute('data-state', 'Loaded');
    });
    expect(statusUrls()).not.toContain(JOURNAL_A);
    await userEvent.click(screen.getByRole('button', { name: 'Details of sfc-a' }));
    const details = await screen.findByTestId('node-details');
    const config = within(details).getByTestId('day1-config-99-sfc-day1');
    expect(within(config).getByTestId('day1-status-phase')).toHaveTextContent('Loaded');
    expect(within(config).getByTestId('day1-status-boot')).toHaveTextContent(
      'boot-sfc-a (the current boot)',
    );
    expect(await within(details).findByTestId('day1-journal')).toHaveTextContent(
      'module sfc loaded from quay.io/acme/sfc-kmod',
    );
    expect(day1JournalUrl('sfc-a', ['99-sfc-day1'])).toBe(JOURNAL_A);
    expect(statusUrls()).toContain(JOURNAL_A);
  });

  it('says when the journal is empty, and when it cannot be read', async () => {
    serveProxy({ [SFC_A]: statusFile(), [JOURNAL_A]: '-- No entries --\n' });
    serveSfc();
    renderRolloutPage();
    await userEvent.click(await screen.findByRole('button', { name: 'Details of sfc-a' }));
    expect(await screen.findByTestId('day1-journal-empty')).toBeInTheDocument();

    serveProxy({ [SFC_A]: statusFile(), [JOURNAL_A]: 502 });
    await userEvent.click(screen.getByRole('button', { name: 'Details of sfc-b' }));
    await userEvent.click(screen.getByRole('button', { name: 'Details of sfc-a' }));
    expect(await screen.findByTestId('day1-journal-error')).toHaveTextContent('HTTP 502');
    serveProxy({ [SFC_A]: statusFile(), [JOURNAL_A]: 'line 1\n' });
    await userEvent.click(screen.getByTestId('day1-journal-retry'));
    expect(await screen.findByTestId('day1-journal')).toHaveTextContent('line 1');
  });
});
