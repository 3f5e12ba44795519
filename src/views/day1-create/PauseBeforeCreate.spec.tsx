import { k8sPatch, useAccessReview } from '@openshift-console/dynamic-plugin-sdk';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MachineConfigPoolModel } from '../../k8s/models';
import {
  demoNodes,
  demoPools,
  renderCreatePage,
  serveCluster,
  serveCreates,
  serveDemoCluster,
} from '../../../test/support/views/create-fixtures';

beforeEach(() => {
  // The worker image check, which runs as soon as a pool is chosen.
  serveCreates();
  jest.mocked(useAccessReview).mockReturnValue([true, false]);
  jest.mocked(k8sPatch).mockResolvedValue({});
});

describe('Pause the pool before creating', () => {
  it('pauses the chosen pool after a confirmation that says the config will wait', async () => {
    serveDemoCluster();
    renderCreatePage('/day1-kernel-modules/~new?pool=sfc');
    const pause = within(screen.getByTestId('day1-create-pause')).getByRole('button', {
      name: 'Pause sfc first',
    });
    await userEvent.click(pause);
    const modal = await screen.findByTestId('pause-pool-modal');
    expect(within(modal).getByTestId('pause-pool-create')).toHaveTextContent(
      'The config you create is rendered for sfc, but no node of the pool reboots into it until you resume the pool, from its rollout page.',
    );
    expect(within(modal).getByTestId('pause-pool-certificates')).toBeInTheDocument();
    expect(k8sPatch).not.toHaveBeenCalled();
    await userEvent.click(within(modal).getByTestId('confirm-pause-pool'));
    expect(k8sPatch).toHaveBeenCalledWith({
      model: MachineConfigPoolModel,
      resource: { metadata: { name: 'sfc' } },
      data: [{ op: 'add', path: '/spec/paused', value: true }],
    });
  });

  it('says that nothing reboots yet when the pool is paused', () => {
    serveCluster({
      MachineConfigPool: [
        demoPools().map((p) =>
          p.metadata.name === 'sfc' ? { ...p, spec: { ...p.spec, paused: true } } : p,
        ),
        true,
        undefined,
      ],
      Node: [demoNodes(), true, undefined],
    });
    renderCreatePage('/day1-kernel-modules/~new?pool=sfc');
    expect(screen.getByTestId('day1-create-pool-paused')).toHaveTextContent(
      'sfc is paused: the config is created, but no node reboots into it until you resume the pool',
    );
    expect(screen.queryByTestId('day1-create-pause')).not.toBeInTheDocument();
  });

  it('offers no pause for a pool that does not exist yet', async () => {
    serveDemoCluster();
    renderCreatePage('/day1-kernel-modules/~new');
    expect(screen.queryByTestId('day1-create-pause')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('radio', { name: /new/i }));
    expect(screen.queryByTestId('day1-create-pause')).not.toBeInTheDocument();
  });
});
