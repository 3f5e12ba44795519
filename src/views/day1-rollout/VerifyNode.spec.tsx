import {
  consoleFetchText,
  k8sCreate,
  k8sDelete,
  k8sGet,
  useAccessReview,
} from '@openshift-console/dynamic-plugin-sdk';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PodModel } from '../../k8s/models';
import type { Pod } from '../../k8s/types';
import { DEFAULT_VERIFY_IMAGE, verifyPod } from '../../rollout';
import {
  renderRolloutPage,
  serveSfcRollout,
  statusFile,
  verifyLog,
} from '../../../test/support/views/rollout-fixtures';
import { VERIFY_TIMEOUT_MS } from './verify-runner';

const POD: Pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'kmm-day1-verify-sfc-a-x7k2p', namespace: 'default' },
  status: { phase: 'Pending' },
};

/** The API for one Verify pod that ends in `phase` and prints `log`. */
const servePod = (phase: NonNullable<Pod['status']>['phase'], log = '') => {
  jest.mocked(k8sCreate).mockResolvedValue(POD);
  const finished: Pod = { ...POD, status: { phase } };
  jest.mocked(k8sGet).mockResolvedValue(finished);
  jest.mocked(consoleFetchText).mockResolvedValue(log);
  jest.mocked(k8sDelete).mockResolvedValue({});
};

const expectPodDeleted = () => {
  expect(k8sDelete).toHaveBeenCalledWith({
    model: PodModel,
    resource: expect.objectContaining({ metadata: POD.metadata }) as unknown,
  });
};

const openVerify = async (node: string, user = userEvent.setup()) => {
  await user.click(within(screen.getByTestId(`node-row-${node}`)).getByTestId('node-verify'));
  return screen.findByTestId('verify-node-modal');
};

beforeEach(() => {
  jest.mocked(useAccessReview).mockReturnValue([true, false]);
  serveSfcRollout();
});

describe('Verify', () => {
  it('runs the debug pod on the node, shows "module loaded", and deletes the pod', async () => {
    servePod('Succeeded', verifyLog(statusFile(), ['sfc', 'mtd']));
    renderRolloutPage();
    const modal = await openVerify('sfc-a');
    expect(modal).toHaveTextContent('Day 1 configs checked: 99-sfc-day1');
    expect(useAccessReview).toHaveBeenCalledWith({
      group: '',
      resource: 'pods',
      verb: 'create',
      namespace: 'default',
    });

    await userEvent.click(within(modal).getByTestId('verify-run'));
    expect(await within(modal).findByTestId('verify-outcome')).toHaveTextContent('Module loaded');
    expect(k8sCreate).toHaveBeenCalledWith({
      model: PodModel,
      data: verifyPod({
        nodeName: 'sfc-a',
        namespace: 'default',
        machineConfigs: ['99-sfc-day1'],
        image: DEFAULT_VERIFY_IMAGE,
      }),
    });
    expectPodDeleted();
    expect(within(modal).getByTestId('verify-step-deleting')).toHaveAttribute(
      'data-status',
      'done',
    );
    expect(within(modal).getByTestId('verify-config-99-sfc-day1')).toHaveTextContent(
      'lsmod lists sfc',
    );

    await userEvent.click(within(modal).getByTestId('verify-close'));
    expect(
      within(screen.getByTestId('node-row-sfc-a')).getByTestId('day1-follow-up'),
    ).toHaveTextContent('Module loaded');
  });

  it('shows why the module is not loaded, from the status file', async () => {
    servePod(
      'Succeeded',
      verifyLog(
        statusFile({
          phase: 'PullFailed',
          moduleLoaded: false,
          lastError: 'manifest unknown',
          loadedAt: null,
        }),
        ['sfc', 'mdio'],
      ),
    );
    renderRolloutPage();
    const modal = await openVerify('sfc-a');
    await userEvent.click(within(modal).getByTestId('verify-run'));
    expect(await within(modal).findByTestId('verify-outcome')).toHaveTextContent(
      'Module not loaded: pulling quay.io/acme/sfc-kmod:5.14.0-427.13.1.el9_4.x86_64 failed: manifest unknown; the node keeps its in-tree driver',
    );
    expectPodDeleted();
    // The raw output is there too.
    await userEvent.click(within(modal).getByRole('button', { name: 'Raw output' }));
    expect(within(modal).getByTestId('verify-raw-output')).toHaveTextContent(
      '"phase": "PullFailed"',
    );
  });

  it('gives up after the timeout and still deletes the pod', async () => {
    jest.useFakeTimers();
    try {
      const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime.bind(jest) });
      servePod('Pending');
      renderRolloutPage();
      const modal = await openVerify('sfc-a', user);
      await user.click(within(modal).getByTestId('verify-run'));
      await waitFor(() => {
        expect(within(modal).getByTestId('verify-step-waiting')).toHaveAttribute(
          'data-status',
          'running',
        );
      });
      expect(within(modal).getByTestId('verify-cancel')).toBeInTheDocument();
      expect(k8sDelete).not.toHaveBeenCalled();

      await act(() => jest.advanceTimersByTimeAsync(VERIFY_TIMEOUT_MS + 5_000));
      expect(within(modal).getByTestId('verify-timeout')).toHaveTextContent(
        'The pod kmm-day1-verify-sfc-a-x7k2p did not finish within 180 s.',
      );
      expectPodDeleted();
      expect(within(modal).queryByTestId('verify-result')).not.toBeInTheDocument();
    } finally {
      jest.useRealTimers();
    }
  });

  it('keeps running when the dialog closes, and the table shows its result', async () => {
    let finish: (log: string) => void = () => undefined;
    jest.mocked(k8sCreate).mockResolvedValue(POD);
    jest.mocked(k8sDelete).mockResolvedValue({});
    const succeeded: Pod = { ...POD, status: { phase: 'Succeeded' } };
    jest.mocked(k8sGet).mockResolvedValue(succeeded);
    jest.mocked(consoleFetchText).mockReturnValue(
      new Promise((resolve) => {
        finish = resolve;
      }),
    );
    renderRolloutPage();
    const modal = await openVerify('sfc-a');
    await userEvent.click(within(modal).getByTestId('verify-run'));
    await userEvent.click(within(modal).getByTestId('verify-close'));
    const followUp = within(screen.getByTestId('node-row-sfc-a')).getByTestId('day1-follow-up');
    expect(followUp).toHaveTextContent('Verifying');

    act(() => {
      finish(verifyLog(statusFile(), ['sfc']));
    });
    expect(
      await within(screen.getByTestId('node-row-sfc-a')).findByText('Module loaded'),
    ).toBeInTheDocument();
    expectPodDeleted();
  });

  it('cannot run without permission to create pods in the namespace', async () => {
    jest
      .mocked(useAccessReview)
      .mockImplementation(({ resource, namespace }) => [
        !(resource === 'pods' && namespace === 'default'),
        false,
      ]);
    renderRolloutPage();
    const modal = await openVerify('sfc-a');
    expect(within(modal).getByTestId('verify-denied')).toHaveTextContent(
      'You cannot create pods in default.',
    );
    expect(within(modal).getByTestId('verify-run')).toHaveAttribute('aria-disabled', 'true');

    // Another namespace may allow it.
    await userEvent.clear(within(modal).getByTestId('verify-namespace'));
    await userEvent.type(within(modal).getByTestId('verify-namespace'), 'kmm-day1-checks');
    expect(within(modal).queryByTestId('verify-denied')).not.toBeInTheDocument();
    expect(within(modal).getByTestId('verify-run')).not.toHaveAttribute('aria-disabled', 'true');
    expect(k8sCreate).not.toHaveBeenCalled();
  });

  it('is not offered on a node whose pool has no Day 1 config', () => {
    serveSfcRollout({ workers: 1 });
    renderRolloutPage('/day1-kernel-modules/rollout');
    const worker = screen.getByTestId('node-row-worker-000');
    expect(within(worker).getByTestId('node-verify')).toHaveAttribute('aria-disabled', 'true');
    expect(within(worker).getByTestId('day1-follow-up')).toHaveTextContent('No Day 1 config');
    expect(
      within(screen.getByTestId('node-row-sfc-a')).getByTestId('node-verify'),
    ).not.toHaveAttribute('aria-disabled', 'true');
  });
});
