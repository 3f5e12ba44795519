import {
  HttpError,
  consoleFetchText,
  useAccessReview,
} from '@openshift-console/dynamic-plugin-sdk';
import { act, renderHook, waitFor } from '@testing-library/react';
import { deriveRollout } from '../../rollout';
import {
  sfcDay1Config,
  sfcMachineConfigNodes,
  sfcNodes,
  sfcPool,
  statusFile,
  workerNodes,
  workerPool,
} from '../../../test/support/views/rollout-fixtures';
import { Day1StatusScheduler, day1StatusUrl } from './day1-status-scheduler';
import { CONCURRENCY_STORAGE_KEY, readConcurrency } from './day1-status-settings';
import { useDay1Statuses } from './useDay1Statuses';

/** The sfc pool (whose target has a Day 1 config) with `nodes`, and three workers. */
const rollout = (nodes = sfcNodes()) =>
  deriveRollout({
    pools: [sfcPool(), workerPool()],
    nodes: [...nodes, ...workerNodes(3)],
    machineConfigNodes: sfcMachineConfigNodes(),
    machineConfigs: [sfcDay1Config()],
  });

const urls = () => jest.mocked(consoleFetchText).mock.calls.map(([url]) => url);

describe('useDay1Statuses', () => {
  beforeEach(() => {
    jest.mocked(useAccessReview).mockReturnValue([true, false]);
    jest
      .mocked(consoleFetchText)
      .mockImplementation((url: string) =>
        url === day1StatusUrl('sfc-a', '99-sfc-day1')
          ? Promise.resolve(statusFile())
          : Promise.reject(new HttpError('Not Found', 404)),
      );
    localStorage.clear();
  });

  it('reads the files of the nodes of pools with Day 1 configs only, and gives their facts', async () => {
    const { result } = renderHook(() => useDay1Statuses(rollout()));
    await waitFor(() => {
      expect(result.current.facts.get('sfc-a')?.reads.get('99-sfc-day1')?.kind).toBe('read');
    });
    expect(result.current.access).toBe(true);
    expect(urls().sort()).toEqual([
      day1StatusUrl('sfc-a', '99-sfc-day1'),
      day1StatusUrl('sfc-b', '99-sfc-day1'),
    ]);
    expect(jest.mocked(consoleFetchText).mock.calls[0][1]?.signal).toBeInstanceOf(AbortSignal);
    expect(result.current.facts.has('worker-000')).toBe(false);
    expect(result.current.concurrency).toBe(8);
  });

  it('asks nothing more when the rollout is derived again with nothing changed', async () => {
    const { result, rerender } = renderHook(({ r }) => useDay1Statuses(r), {
      initialProps: { r: rollout() },
    });
    await waitFor(() => {
      expect(result.current.progress.read).toBe(2);
    });
    const facts = result.current.facts;
    rerender({ r: rollout() });
    rerender({ r: rollout() });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(urls()).toHaveLength(2);
    expect(result.current.facts).toBe(facts);
  });

  it('does not even ask the scheduler after node events that change nothing it reads (cordons)', async () => {
    const update = jest.spyOn(Day1StatusScheduler.prototype, 'update');
    const { result, rerender } = renderHook(({ r }) => useDay1Statuses(r), {
      initialProps: { r: rollout() },
    });
    await waitFor(() => {
      expect(result.current.progress.read).toBe(2);
    });
    const calls = update.mock.calls.length;
    const cordoned = sfcNodes().map((n) => ({ ...n, spec: { ...n.spec, unschedulable: true } }));
    rerender({ r: rollout(cordoned) });
    expect(update).toHaveBeenCalledTimes(calls);
    // A node that rebooted is read again.
    const rebooted = sfcNodes().map((n) =>
      n.metadata.name === 'sfc-a'
        ? { ...n, status: { ...n.status, nodeInfo: { ...n.status?.nodeInfo, bootID: 'boot-2' } } }
        : n,
    );
    rerender({ r: rollout(rebooted) });
    await waitFor(() => {
      expect(urls()).toHaveLength(3);
    });
    expect(urls()[2]).toBe(day1StatusUrl('sfc-a', '99-sfc-day1'));
    update.mockRestore();
  });

  it('reads one pool only when asked, and cancels its reads when unmounted', async () => {
    let signal: AbortSignal | undefined;
    jest.mocked(consoleFetchText).mockImplementation((_url, options) => {
      signal = options?.signal ?? undefined;
      return new Promise<string>(() => undefined);
    });
    const { unmount } = renderHook(() => useDay1Statuses(rollout(), 'worker'));
    // The worker pool has no Day 1 config: nothing to read.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(urls()).toEqual([]);
    unmount();

    const view = renderHook(() => useDay1Statuses(rollout(), 'sfc'));
    await waitFor(() => {
      expect(signal).toBeDefined();
    });
    view.unmount();
    expect(signal?.aborted).toBe(true);
  });

  it('makes no request without access, and reports every read forbidden', async () => {
    jest.mocked(useAccessReview).mockReturnValue([false, false]);
    const { result } = renderHook(() => useDay1Statuses(rollout()));
    await waitFor(() => {
      expect(result.current.facts.get('sfc-a')?.reads.get('99-sfc-day1')?.kind).toBe('forbidden');
    });
    expect(result.current.access).toBe(false);
    expect(urls()).toEqual([]);
  });

  it('keeps the concurrency setting, and lets a URL parameter override it', () => {
    const { result, unmount } = renderHook(() => useDay1Statuses(rollout()));
    act(() => {
      result.current.setConcurrency(4);
    });
    // Its reads are not this test's: they end with it.
    unmount();
    expect(result.current.concurrency).toBe(4);
    expect(localStorage.getItem(CONCURRENCY_STORAGE_KEY)).toBe('4');
    expect(readConcurrency('')).toBe(4);
    expect(readConcurrency('?day1Concurrency=16')).toBe(16);
    expect(readConcurrency('?day1Concurrency=999')).toBe(4);
  });
});
