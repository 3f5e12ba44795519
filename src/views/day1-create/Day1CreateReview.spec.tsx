/**
 * What the create page tells before anything is created: which in-tree entries are bad, a taken
 * MachineConfig name, another Day 1 config loading the same module on the same nodes, and what the
 * MachineConfig installs on the nodes, readable.
 */
import { useAccessReview, useK8sWatchResource } from '@openshift-console/dynamic-plugin-sdk';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MachineConfig } from '../../k8s/types';
import { formatFieldError, produceMachineConfig, validateDay1Options } from '../../producer';
import { NODE_SCRIPTS } from '../../producer/scripts';
import {
  demoNodes,
  demoPools,
  renderCreatePage,
  serveCluster,
  serveCreates,
  serveDemoCluster,
} from '../../../test/support/views/create-fixtures';
import InstalledFilesPreview from './InstalledFilesPreview';

const textbox = (name: string) => screen.getByRole('textbox', { name });

const day1Config = (name: string, pool: string, module: string): MachineConfig =>
  produceMachineConfig({
    machineConfigName: name,
    machineConfigPoolRef: pool,
    kernelModuleImage: `quay.io/acme/${module}-kmod`,
    kernelModuleName: module,
  });

/** The demo cluster with these MachineConfigs besides a rendered one and one that is not Day 1. */
const serveMachineConfigs = (machineConfigs: MachineConfig[]) => {
  const rendered = {
    ...day1Config('99-sfc-sfc-day1-0', 'sfc', 'sfc'),
    metadata: { name: 'rendered-sfc-0123', labels: {} },
  };
  const chrony: MachineConfig = {
    ...day1Config('50-chrony', 'worker', 'sfc'),
    spec: { config: { ignition: { version: '3.2.0' } } },
  };
  serveCluster({
    MachineConfigPool: [demoPools(), true, undefined],
    Node: [demoNodes(), true, undefined],
    MachineConfig: [[...machineConfigs, rendered, chrony], true, undefined],
    Namespace: [[{ metadata: { name: 'kmm-day1-checks' } }], true, undefined],
  });
};

/** Pasted rather than typed: one change per field keeps these tests quick on a busy machine. */
const fillSfc = async (user: ReturnType<typeof userEvent.setup>) => {
  await user.click(textbox('Kernel module image'));
  await user.paste('quay.io/acme/sfc-kmod');
  await user.click(textbox('Kernel module'));
  await user.paste('sfc');
};

beforeEach(() => {
  serveDemoCluster();
  serveCreates();
  jest.mocked(useAccessReview).mockImplementation(() => [true, false]);
});

describe('the in-tree modules field', () => {
  it('says in its help that commas and spaces separate names', () => {
    renderCreatePage();
    expect(textbox('In-tree modules to remove')).toHaveAccessibleDescription(
      expect.stringContaining('Commas and spaces separate names'),
    );
  });

  it('marks the bad entries, and each says its own problem to screen readers', async () => {
    const user = userEvent.setup();
    renderCreatePage('/day1-kernel-modules/~new?pool=sfc');
    // A pasted list is split at once, on commas and spaces alike.
    await user.click(textbox('In-tree modules to remove'));
    await user.paste('sfc mdio,nvme-core nvme_core a.b');
    await user.tab();

    const [repeat, invalid] = validateDay1Options({
      machineConfigName: '99-sfc-day1',
      machineConfigPoolRef: 'sfc',
      kernelModuleImage: 'quay.io/acme/sfc-kmod',
      kernelModuleName: 'sfc',
      inTreeModulesToRemove: ['sfc', 'mdio', 'nvme-core', 'nvme_core', 'a.b'],
    }).map((error) => formatFieldError(error));
    const label = (name: string) => screen.getByTestId(`day1-in-tree-modules-label-${name}`);
    for (const good of ['sfc', 'mdio', 'nvme-core']) {
      expect(label(good)).not.toHaveAttribute('data-invalid');
      expect(within(label(good)).getByRole('button')).not.toHaveAccessibleDescription();
    }
    for (const [bad, message] of [
      ['nvme_core', repeat],
      ['a.b', invalid],
    ]) {
      expect(label(bad)).toHaveAttribute('data-invalid', 'true');
      expect(label(bad)).toHaveClass('pf-m-danger');
      expect(label(bad)).toHaveTextContent(`${bad} (invalid)`);
      expect(screen.getByRole('button', { name: `Remove ${bad}` })).toHaveAccessibleDescription(
        expect.stringContaining(message),
      );
    }

    // Removing the repeat clears its mark; the other bad entry keeps its own.
    await user.click(screen.getByRole('button', { name: 'Remove nvme_core' }));
    expect(label('a.b')).toHaveAttribute('data-invalid', 'true');
    expect(screen.getByRole('button', { name: 'Remove a.b' })).toHaveAccessibleDescription(
      expect.stringContaining('"a.b" is not a valid kernel module name'),
    );
  });

  it('marks nothing before the field is left', async () => {
    const user = userEvent.setup();
    renderCreatePage('/day1-kernel-modules/~new?pool=sfc');
    await user.type(textbox('In-tree modules to remove'), 'a.b ');
    expect(screen.getByTestId('day1-in-tree-modules-label-a.b')).not.toHaveAttribute(
      'data-invalid',
    );
  });
});

describe('a MachineConfig name that is taken', () => {
  it('is reported under the name as it is typed, with a free name to use instead', async () => {
    serveMachineConfigs([
      day1Config('99-sfc-sfc-day1', 'sfc', 'ice'),
      day1Config('99-sfc-sfc-day1-2', 'sfc', 'ice'),
    ]);
    const user = userEvent.setup();
    renderCreatePage('/day1-kernel-modules/~new?pool=sfc');
    await fillSfc(user);

    // The default name is taken: said at once, without leaving the field.
    const name = textbox('MachineConfig name');
    expect(name).toHaveValue('99-sfc-sfc-day1');
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription(
      expect.stringContaining(
        'A MachineConfig named 99-sfc-sfc-day1 already exists. Choose another name.',
      ),
    );

    // Create is blocked before any request, with focus on the name.
    const calls = serveCreates();
    await user.click(screen.getByTestId('day1-create'));
    expect(screen.queryByTestId('day1-confirm-modal')).not.toBeInTheDocument();
    expect(name).toHaveFocus();
    expect(calls).toEqual([]);

    // The suggestion skips the other taken name.
    await user.click(screen.getByRole('button', { name: 'Use 99-sfc-sfc-day1-3' }));
    expect(name).toHaveValue('99-sfc-sfc-day1-3');
    expect(name).not.toHaveAttribute('aria-invalid', 'true');

    await user.clear(name);
    await user.paste('99-sfc-sfc-day1-2');
    expect(screen.getByTestId('day1-machine-config-name-error')).toHaveTextContent(
      'A MachineConfig named 99-sfc-sfc-day1-2 already exists.',
    );
  });

  it('is not reported for the config being created, which the watch sees before the page moves on', async () => {
    let machineConfigs: MachineConfig[] = [];
    const answers: Partial<Record<string, () => unknown[]>> = {
      MachineConfigPool: () => [demoPools(), true, undefined],
      Node: () => [demoNodes(), true, undefined],
      MachineConfig: () => [machineConfigs, true, undefined],
      Namespace: () => [[{ metadata: { name: 'kmm-day1-checks' } }], true, undefined],
    };
    jest
      .mocked(useK8sWatchResource)
      .mockImplementation(
        (resource) =>
          (answers[resource?.groupVersionKind?.kind ?? '']?.() ?? [
            [],
            false,
            undefined,
          ]) as ReturnType<typeof useK8sWatchResource>,
      );
    let finish: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      finish = resolve;
    });
    serveCreates(
      () => undefined,
      (call) => {
        if (call.kind !== 'MachineConfig' || call.dryRun) return undefined;
        // Created: the watch has it from now on, while the page is still on the form.
        machineConfigs = [day1Config('99-sfc-sfc-day1', 'sfc', 'sfc')];
        return held;
      },
    );
    const user = userEvent.setup();
    renderCreatePage('/day1-kernel-modules/~new?pool=sfc');
    await fillSfc(user);
    await user.click(screen.getByTestId('day1-create'));
    await user.click(await screen.findByTestId('day1-confirm-create'));
    await screen.findByText('Creating', { selector: 'button *' });
    // A render with the created config in the watch, while the create is still running.
    await user.click(textbox('Kernel module image'));
    expect(textbox('MachineConfig name')).not.toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByTestId('day1-machine-config-name-error')).not.toBeInTheDocument();
    finish();
    expect(await screen.findByTestId('rollout-page')).toHaveTextContent('sfc');
  });

  it('is left to the dry run while the MachineConfigs cannot be listed', async () => {
    serveCluster({
      MachineConfigPool: [demoPools(), true, undefined],
      Node: [demoNodes(), true, undefined],
      MachineConfig: [[], false, new Error('machineconfigs is forbidden')],
      Namespace: [[{ metadata: { name: 'kmm-day1-checks' } }], true, undefined],
    });
    const user = userEvent.setup();
    renderCreatePage('/day1-kernel-modules/~new?pool=sfc');
    await fillSfc(user);
    await user.click(screen.getByTestId('day1-create'));
    expect(await screen.findByTestId('day1-confirm-modal')).toBeInTheDocument();
  });
});

describe('another Day 1 config that loads the same module', () => {
  it('is named before creating, with its pool and the nodes both reach, on the page and in the confirmation', async () => {
    serveMachineConfigs([
      day1Config('99-worker-sfc-day1', 'worker', 'sfc'),
      day1Config('99-worker-ice-day1', 'worker', 'ice'),
    ]);
    const user = userEvent.setup();
    renderCreatePage('/day1-kernel-modules/~new?pool=sfc');
    expect(screen.queryByTestId('day1-same-module')).not.toBeInTheDocument();
    await fillSfc(user);

    const warning = screen.getByTestId('day1-same-module');
    expect(warning).toHaveTextContent('sfc is already loaded on some of these nodes');
    expect(within(warning).getAllByTestId('day1-same-module-config')).toHaveLength(1);
    expect(within(warning).getByTestId('day1-same-module-config')).toHaveTextContent(
      '99-worker-sfc-day1, for pool worker, loads sfc on nodes of sfc: worker-4, worker-5.',
    );

    await user.click(screen.getByTestId('day1-create'));
    const modal = await screen.findByTestId('day1-confirm-modal');
    expect(within(modal).getByTestId('day1-confirm-same-module')).toHaveTextContent(
      '99-worker-sfc-day1, for pool worker, loads sfc on nodes of sfc: worker-4, worker-5.',
    );
  });

  it('is not reported for a pool whose nodes it does not reach', async () => {
    serveMachineConfigs([day1Config('99-sfc-sfc-old', 'sfc', 'sfc')]);
    const user = userEvent.setup();
    renderCreatePage('/day1-kernel-modules/~new?pool=master');
    await fillSfc(user);
    expect(screen.queryByTestId('day1-same-module')).not.toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'worker' }));
    // A worker config reaches sfc's nodes too, where 99-sfc-sfc-old loads sfc.
    expect(screen.getByTestId('day1-same-module-config')).toHaveTextContent(
      '99-sfc-sfc-old, for pool sfc, loads sfc on nodes of sfc: worker-4, worker-5.',
    );
  });
});

describe('the preview of what the MachineConfig installs', () => {
  it('shows every file decoded, with its mode, and every unit with its state and contents', async () => {
    const user = userEvent.setup();
    renderCreatePage('/day1-kernel-modules/~new?pool=sfc');
    await user.click(screen.getByRole('tab', { name: 'Files and units' }));
    expect(screen.getByTestId('day1-preview-not-ready')).toBeInTheDocument();
    await fillSfc(user);

    const files = await screen.findAllByTestId('day1-preview-file');
    expect(files.map((file) => within(file).getAllByRole('button')[0].textContent)).toEqual([
      '/usr/local/bin/99-sfc-sfc-day1-replace-kernel-module.sh 0755',
      '/usr/local/bin/99-sfc-sfc-day1-pull-kernel-module-image.sh 0755',
      '/usr/local/bin/99-sfc-sfc-day1-wait-for-dispatcher.sh 0755',
      '/usr/local/lib/kmm-day1/99-sfc-sfc-day1-common.sh 0644',
    ]);
    // Collapsed until asked for; then the script as it will be on the node, not base64.
    const replace = files[0];
    const toggle = within(replace).getAllByRole('button')[0];
    expect(within(replace).queryByRole('region')).not.toBeInTheDocument();
    await user.click(toggle);
    const details = within(replace).getByRole('region');
    expect(within(details).getByText('root')).toBeInTheDocument();
    expect(within(details).getByTestId('day1-preview-file-contents').textContent).toBe(
      NODE_SCRIPTS.replace,
    );

    const units = screen.getAllByTestId('day1-preview-unit');
    expect(units.map((unit) => within(unit).getAllByRole('button')[0].textContent)).toEqual([
      '99-sfc-sfc-day1-replace-kernel-module.service Enabled',
      '99-sfc-sfc-day1-pull-kernel-module-image.service Enabled',
      'crio-wipe.service Masked',
    ]);
    await user.click(within(units[0]).getAllByRole('button')[0]);
    expect(within(units[0]).getByRole('region')).toHaveTextContent(
      'Environment="KERNEL_MODULE=sfc"',
    );
    await user.click(within(units[2]).getAllByRole('button')[0]);
    expect(units[2]).toHaveTextContent('Masked: systemd will not start this unit.');
  });
});

describe('the files and units view on configs the producer does not make', () => {
  it('says what it cannot show, and shows drop-ins', async () => {
    const user = userEvent.setup();
    const machineConfig: MachineConfig = {
      ...day1Config('99-other', 'worker', 'sfc'),
      spec: {
        config: {
          ignition: { version: '3.2.0' },
          storage: {
            files: [
              { path: '/etc/empty', contents: {} },
              { path: '/etc/blob', contents: { source: 'data:;base64,//79AA==' } },
              { path: '/etc/remote', contents: { source: 'https://example.com/a.sh' } },
              {
                path: '/etc/packed',
                contents: { source: 'data:;base64,H4sI', compression: 'gzip' },
              },
              { path: '/etc/broken', contents: { source: 'data:,100%' } },
            ],
          },
          systemd: {
            units: [
              {
                name: 'kubelet.service',
                dropins: [{ name: '10-day1.conf', contents: '[Service]\nEnvironment=A=1\n' }],
              },
            ],
          },
        },
      },
    };
    render(<InstalledFilesPreview machineConfig={machineConfig} />);
    const contents: string[] = [];
    for (const file of screen.getAllByTestId('day1-preview-file')) {
      await user.click(within(file).getAllByRole('button')[0]);
      contents.push(within(file).getByTestId('day1-preview-file-contents').textContent);
    }
    expect(contents).toEqual([
      'An empty file.',
      'Binary data (4 B), not shown.',
      'Ignition fetches it from https://example.com/a.sh on the node; it is not shown here.',
      'Compressed (gzip), not shown.',
      'Its data URL has a malformed % escape: Ignition would reject this file.',
    ]);
    expect(screen.getAllByTestId('day1-preview-file')[0]).toHaveTextContent('Not set (0644)');

    const [unit] = screen.getAllByTestId('day1-preview-unit');
    await user.click(within(unit).getAllByRole('button')[0]);
    expect(unit).toHaveTextContent('No unit file given: the unit already on the node is used.');
    expect(within(unit).getByTestId('day1-preview-dropin')).toHaveTextContent(
      'Drop-in 10-day1.conf[Service] Environment=A=1',
    );
  });
});
