import { HttpError, k8sPatch, useAccessReview } from '@openshift-console/dynamic-plugin-sdk';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MachineConfigPoolModel } from '../../k8s/models';
import { renderRolloutPage, serveSfcRollout } from '../../../test/support/views/rollout-fixtures';

const openResume = async () => {
  const card = screen.getByTestId('pool-card-sfc');
  await userEvent.click(within(card).getByTestId('resume-pool'));
  return screen.findByTestId('resume-pool-modal');
};

beforeEach(() => {
  jest.mocked(useAccessReview).mockReturnValue([true, false]);
});

describe('Resume on a paused pool', () => {
  it('asks for confirmation, saying MCO will reboot the nodes, then unpauses the pool', async () => {
    serveSfcRollout({ paused: true });
    jest.mocked(k8sPatch).mockResolvedValue({});
    renderRolloutPage();
    const card = screen.getByTestId('pool-card-sfc');
    // sfc-b is degraded, which outranks paused as the state; the paused badge still shows.
    expect(card).toHaveAttribute('data-state', 'Degraded');
    expect(within(card).getByTestId('pool-paused')).toHaveTextContent('Paused');
    expect(screen.getByTestId('node-row-sfc-c')).toHaveAttribute('data-phase', 'Paused');
    expect(useAccessReview).toHaveBeenCalledWith({
      group: 'machineconfiguration.openshift.io',
      resource: 'machineconfigpools',
      verb: 'patch',
      name: 'sfc',
    });

    const modal = await openResume();
    expect(within(modal).getByTestId('resume-pool-warning')).toHaveTextContent(
      'Resuming lets the Machine Config Operator drain and reboot the nodes of sfc that are not on its target config, 1 at a time. Nodes to update: 2.',
    );
    expect(k8sPatch).not.toHaveBeenCalled();
    await userEvent.click(within(modal).getByTestId('confirm-resume-pool'));

    expect(k8sPatch).toHaveBeenCalledWith({
      model: MachineConfigPoolModel,
      resource: { metadata: { name: 'sfc' } },
      data: [
        { op: 'test', path: '/spec/paused', value: true },
        { op: 'replace', path: '/spec/paused', value: false },
      ],
    });
    expect(screen.queryByTestId('resume-pool-modal')).not.toBeInTheDocument();
  });

  it('changes nothing when the confirmation is cancelled', async () => {
    serveSfcRollout({ paused: true });
    renderRolloutPage();
    const modal = await openResume();
    await userEvent.click(within(modal).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByTestId('resume-pool-modal')).not.toBeInTheDocument();
    expect(k8sPatch).not.toHaveBeenCalled();
  });

  it('is disabled, with the reason, for a user who may not patch pools', async () => {
    serveSfcRollout({ paused: true });
    jest.mocked(useAccessReview).mockReturnValue([false, false]);
    renderRolloutPage();
    const resume = within(screen.getByTestId('pool-card-sfc')).getByTestId('resume-pool');
    expect(resume).toHaveAttribute('aria-disabled', 'true');
    await userEvent.click(resume);
    expect(screen.queryByTestId('resume-pool-modal')).not.toBeInTheDocument();
    await userEvent.hover(resume);
    expect(await screen.findByText('You cannot patch MachineConfigPools.')).toBeInTheDocument();
  });

  it("shows the API server's refusal and keeps the dialog open", async () => {
    serveSfcRollout({ paused: true });
    jest
      .mocked(k8sPatch)
      .mockRejectedValue(
        new HttpError(
          'machineconfigpools.machineconfiguration.openshift.io "sfc" is forbidden',
          403,
        ),
      );
    renderRolloutPage();
    const modal = await openResume();
    await userEvent.click(within(modal).getByTestId('confirm-resume-pool'));
    expect(await within(modal).findByTestId('api-error')).toHaveTextContent('is forbidden');
    expect(within(modal).getByTestId('api-error-guidance')).toHaveTextContent(
      'Your user may not patch machineconfigpools.',
    );
  });
});
