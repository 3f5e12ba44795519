import { k8sPatch, useAccessReview } from '@openshift-console/dynamic-plugin-sdk';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MachineConfigPoolModel } from '../../k8s/models';
import ResumePoolButton from './ResumePoolButton';

beforeEach(() => {
  jest.mocked(useAccessReview).mockReturnValue([true, false]);
});

describe('ResumePoolButton with a pool name', () => {
  it('in an update: says the nodes reboot into the new release, then resumes after confirmation', async () => {
    jest.mocked(k8sPatch).mockResolvedValue({});
    render(<ResumePoolButton pool="sfc" context="update" label="Resume sfc" />);
    await userEvent.click(screen.getByRole('button', { name: 'Resume sfc' }));
    const modal = await screen.findByTestId('resume-pool-modal');
    expect(within(modal).getByTestId('resume-pool-warning')).toHaveTextContent(
      'into the new OpenShift version and its kernel; each pulls the module image for that kernel at boot.',
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
  });

  it('on a rollout, without the pool’s rollout: says what resuming does without counting nodes', async () => {
    render(<ResumePoolButton pool="infra" context="rollout" />);
    await userEvent.click(screen.getByRole('button', { name: 'Resume' }));
    const modal = await screen.findByTestId('resume-pool-modal');
    expect(within(modal).getByTestId('resume-pool-warning')).toHaveTextContent(
      'Resuming lets the Machine Config Operator drain and reboot the nodes of infra that are not on its target config, one batch at a time (maxUnavailable).',
    );
    await userEvent.click(within(modal).getByRole('button', { name: 'Cancel' }));
    expect(k8sPatch).not.toHaveBeenCalled();
  });

  it('is disabled, with the reason, when the user may not patch the pool', () => {
    jest.mocked(useAccessReview).mockReturnValue([false, false]);
    render(<ResumePoolButton pool="sfc" context="update" />);
    expect(screen.getByTestId('resume-pool')).toHaveAttribute('aria-disabled', 'true');
  });
});
