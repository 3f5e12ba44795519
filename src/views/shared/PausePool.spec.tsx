import { HttpError, k8sPatch, useAccessReview } from '@openshift-console/dynamic-plugin-sdk';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MachineConfigPoolModel } from '../../k8s/models';
import { renderRolloutPage, serveSfcRollout } from '../../../test/support/views/rollout-fixtures';
import PausePoolModal from './PausePoolModal';

const openPause = async () => {
  const card = screen.getByTestId('pool-card-sfc');
  await userEvent.click(within(card).getByTestId('pause-pool'));
  return screen.findByTestId('pause-pool-modal');
};

beforeEach(() => {
  jest.mocked(useAccessReview).mockReturnValue([true, false]);
});

describe('Pause on the rollout page', () => {
  it('says what pausing means, then pauses the pool', async () => {
    serveSfcRollout();
    jest.mocked(k8sPatch).mockResolvedValue({});
    renderRolloutPage();
    expect(
      within(screen.getByTestId('pool-card-sfc')).queryByTestId('resume-pool'),
    ).not.toBeInTheDocument();
    const modal = await openPause();
    expect(within(modal).getByTestId('pause-pool-meaning')).toHaveTextContent(
      'While sfc is paused, the Machine Config Operator applies no new rendered config to its nodes: it drains and reboots none of them until you resume the pool.',
    );
    expect(within(modal).getByTestId('pause-pool-rollout')).toHaveTextContent(
      'The nodes of sfc that are not on its target config yet stay on the config they run now.',
    );
    expect(within(modal).getByTestId('pause-pool-certificates')).toHaveTextContent(
      'kube-apiserver-to-kubelet CA certificate',
    );
    expect(k8sPatch).not.toHaveBeenCalled();
    await userEvent.click(within(modal).getByTestId('confirm-pause-pool'));
    expect(k8sPatch).toHaveBeenCalledWith({
      model: MachineConfigPoolModel,
      resource: { metadata: { name: 'sfc' } },
      data: [{ op: 'add', path: '/spec/paused', value: true }],
    });
    expect(screen.queryByTestId('pause-pool-modal')).not.toBeInTheDocument();
  });

  it('changes nothing when the confirmation is cancelled', async () => {
    serveSfcRollout();
    renderRolloutPage();
    const modal = await openPause();
    await userEvent.click(within(modal).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByTestId('pause-pool-modal')).not.toBeInTheDocument();
    expect(k8sPatch).not.toHaveBeenCalled();
  });

  it('shows Resume instead on a paused pool', () => {
    serveSfcRollout({ paused: true });
    renderRolloutPage();
    const card = screen.getByTestId('pool-card-sfc');
    expect(within(card).getByTestId('resume-pool')).toBeInTheDocument();
    expect(within(card).queryByTestId('pause-pool')).not.toBeInTheDocument();
  });

  it('is disabled, with the reason, for a user who may not patch the pool', async () => {
    serveSfcRollout();
    jest.mocked(useAccessReview).mockReturnValue([false, false]);
    renderRolloutPage();
    const pause = within(screen.getByTestId('pool-card-sfc')).getByTestId('pause-pool');
    expect(pause).toHaveAttribute('aria-disabled', 'true');
    await userEvent.click(pause);
    expect(screen.queryByTestId('pause-pool-modal')).not.toBeInTheDocument();
    expect(useAccessReview).toHaveBeenCalledWith({
      group: 'machineconfiguration.openshift.io',
      resource: 'machineconfigpools',
      verb: 'patch',
      name: 'sfc',
    });
  });

  it("shows the API server's refusal and keeps the dialog open", async () => {
    serveSfcRollout();
    jest
      .mocked(k8sPatch)
      .mockRejectedValue(new HttpError('machineconfigpools "sfc" is forbidden', 403));
    renderRolloutPage();
    const modal = await openPause();
    await userEvent.click(within(modal).getByTestId('confirm-pause-pool'));
    expect(await within(modal).findByTestId('api-error')).toHaveTextContent('Could not pause sfc');
    expect(within(modal).getByTestId('api-error-guidance')).toHaveTextContent(
      'Your user may not patch machineconfigpools.',
    );
  });
});

describe('PausePoolModal in other situations', () => {
  it('before a create: the config waits for the resume', () => {
    render(<PausePoolModal poolName="sfc" context="create" onClose={jest.fn()} />);
    expect(screen.getByTestId('pause-pool-create')).toHaveTextContent(
      'The config you create is rendered for sfc, but no node of the pool reboots into it until you resume the pool',
    );
    expect(screen.getByTestId('pause-pool-certificates')).toBeInTheDocument();
  });

  it('during an OpenShift update: the nodes stay on the old kernel', () => {
    render(<PausePoolModal poolName="sfc" context="update" onClose={jest.fn()} />);
    expect(screen.getByTestId('pause-pool-update')).toHaveTextContent(
      'During an OpenShift update, pausing holds the nodes of sfc on the old kernel',
    );
    expect(screen.queryByTestId('pause-pool-rollout')).not.toBeInTheDocument();
  });
});
