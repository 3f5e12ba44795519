import { HttpError, useK8sModel, useK8sWatchResource } from '@openshift-console/dynamic-plugin-sdk';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  loaded,
  renderRolloutPage,
  serveCluster,
  sfcDay1Config,
  sfcMachineConfigNodes,
  sfcNodes,
  sfcPool,
  workerPool,
} from '../../../test/support/views/rollout-fixtures';
import type { BootModuleConfig } from '../../k8s/boot-module-config';
import { BootModuleConfigModel } from '../../k8s/models';
import type { MachineConfig } from '../../k8s/types';

/** The rollout page's cluster, with `machineConfigs` as the MachineConfig list watch answers. */
const serveRollout = (machineConfigs: ReturnType<typeof loaded>) => {
  serveCluster({
    pools: loaded([sfcPool(), workerPool()]),
    nodes: loaded(sfcNodes()),
    machineConfigNodes: loaded(sfcMachineConfigNodes()),
    machineConfigs,
  });
};

/** KMM installed, with these BootModuleConfigs listed. */
const serveBootModuleConfigs = (bmcs: BootModuleConfig[]) => {
  jest
    .mocked(useK8sModel)
    .mockImplementation(
      () => [BootModuleConfigModel, false] as unknown as ReturnType<typeof useK8sModel>,
    );
  jest
    .mocked(useK8sWatchResource)
    .mockImplementation((resource) =>
      resource?.groupVersionKind?.kind === 'BootModuleConfig'
        ? [bmcs, true, undefined]
        : [[], false, undefined],
    );
};

/** 99-sfc-day1 as KMM's controller writes it: a BootModuleConfig named as its owner. */
const ownedByBmc = (): MachineConfig => {
  const mc = sfcDay1Config();
  // Our ObjectMeta type leaves owner references out: the API server's object has them.
  return {
    ...mc,
    metadata: {
      ...mc.metadata,
      ownerReferences: [
        {
          apiVersion: 'kmm.sigs.x-k8s.io/v1beta1',
          kind: 'BootModuleConfig',
          name: 'sfc-boot',
          uid: 'uid-sfc-boot',
          controller: true,
        },
      ],
    },
  } as MachineConfig;
};

const editLink = () =>
  within(screen.getByTestId('pool-day1-configs')).getByTestId('day1-edit-link-99-sfc-day1');

describe("the rollout page's Edit link of a Day 1 config", () => {
  it('leads to the edit page of a config nothing else manages', () => {
    serveRollout(loaded([sfcDay1Config()]));
    renderRolloutPage();
    expect(editLink()).toHaveAttribute('href', '/day1-kernel-modules/configs/99-sfc-day1/edit');
  });

  it('is disabled, with the reason, for a config KMM owns through an owner reference only', async () => {
    // The BMC itself cannot be listed here (KMM's API unknown to console): the owner tells.
    serveRollout(loaded([ownedByBmc()]));
    renderRolloutPage();
    const edit = editLink();
    expect(edit).toHaveAttribute('aria-disabled', 'true');
    expect(edit).not.toHaveAttribute('href');
    await userEvent.hover(edit);
    expect(
      await screen.findByText('Managed by KMM: change the BootModuleConfig sfc-boot instead.'),
    ).toBeInTheDocument();
  });

  it('is disabled for a config a BootModuleConfig names, even when MachineConfigs cannot be listed', async () => {
    serveBootModuleConfigs([
      {
        apiVersion: 'kmm.sigs.x-k8s.io/v1beta1',
        kind: 'BootModuleConfig',
        metadata: { name: 'sfc-boot', namespace: 'openshift-kmm' },
        spec: { machineConfigName: '99-sfc-day1', machineConfigPoolName: 'sfc' },
      },
    ]);
    // Recognised by its name only: the name check still tells.
    serveRollout([[], false, new HttpError('machineconfigs is forbidden', 403)]);
    renderRolloutPage();
    const edit = editLink();
    expect(edit).toHaveAttribute('aria-disabled', 'true');
    await userEvent.hover(edit);
    expect(
      await screen.findByText('Managed by KMM: change the BootModuleConfig sfc-boot instead.'),
    ).toBeInTheDocument();
  });
});
