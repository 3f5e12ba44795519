import { useK8sWatchResource } from '@openshift-console/dynamic-plugin-sdk';
import { render, screen, within } from '@testing-library/react';
import type { MachineConfig } from '../../k8s/types';
import { produceMachineConfig } from '../../producer';
import Day1ConfigsPage from './Day1ConfigsPage';

const watch = jest.mocked(useK8sWatchResource);

const day1Config = (): MachineConfig => {
  const mc = produceMachineConfig({
    machineConfigName: '99-worker-kmm-ice',
    machineConfigPoolRef: 'worker',
    kernelModuleImage: 'quay.io/example/ice-kmod',
    kernelModuleName: 'ice',
    inTreeModulesToRemove: ['ice', 'irdma'],
  });
  return { ...mc, metadata: { ...mc.metadata, creationTimestamp: '2026-08-01T10:00:00Z' } };
};

/** A MachineConfig every cluster has; it must not show up. */
const sshConfig: MachineConfig = {
  apiVersion: 'machineconfiguration.openshift.io/v1',
  kind: 'MachineConfig',
  metadata: {
    name: '99-worker-ssh',
    labels: { 'machineconfiguration.openshift.io/role': 'worker' },
    creationTimestamp: '2026-07-01T10:00:00Z',
  },
  spec: {
    config: {
      ignition: { version: '3.2.0' },
      storage: { files: [{ path: '/home/core/.ssh/authorized_keys', contents: { source: '' } }] },
    },
  },
};

describe('Day1ConfigsPage', () => {
  it('watches MachineConfigs and shows the page title', () => {
    watch.mockReturnValue([[], false, undefined]);
    render(<Day1ConfigsPage />);
    expect(watch).toHaveBeenCalledWith({
      groupVersionKind: {
        group: 'machineconfiguration.openshift.io',
        version: 'v1',
        kind: 'MachineConfig',
      },
      isList: true,
    });
    expect(screen.getByRole('heading', { name: 'Day 1 kernel modules' })).toBeInTheDocument();
  });

  it('shows a spinner while loading', () => {
    watch.mockReturnValue([[], false, undefined]);
    render(<Day1ConfigsPage />);
    expect(screen.getByTestId('day1-configs-loading')).toBeInTheDocument();
    expect(screen.queryByTestId('day1-configs-table')).not.toBeInTheDocument();
  });

  it('names the error when the watch fails', () => {
    watch.mockReturnValue([[], false, new Error('machineconfigs is forbidden')]);
    render(<Day1ConfigsPage />);
    const alert = screen.getByTestId('day1-configs-error');
    expect(alert).toHaveTextContent('Could not load MachineConfigs');
    expect(alert).toHaveTextContent('machineconfigs is forbidden');
  });

  it('explains Day 1 configs when there are none', () => {
    watch.mockReturnValue([[sshConfig], true, undefined]);
    render(<Day1ConfigsPage />);
    const empty = screen.getByTestId('day1-configs-empty');
    expect(within(empty).getByText('No Day 1 kernel module configs')).toBeInTheDocument();
    expect(empty).toHaveTextContent(/loads an out-of-tree kernel module/);
  });

  it('lists only the Day 1 MachineConfigs', () => {
    watch.mockReturnValue([[sshConfig, day1Config()], true, undefined]);
    render(<Day1ConfigsPage />);
    const table = screen.getByTestId('day1-configs-table');
    expect(within(table).getAllByRole('row')).toHaveLength(2); // header + one config
    expect(within(table).queryByText('99-worker-ssh')).not.toBeInTheDocument();

    const row = screen.getByTestId('day1-config-row-99-worker-kmm-ice');
    const cells = within(row)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    expect(cells).toEqual([
      '99-worker-kmm-ice',
      'worker',
      'quay.io/example/ice-kmod',
      'ice',
      'ice, irdma',
      '2026-08-01T10:00:00Z',
    ]);
  });
});
