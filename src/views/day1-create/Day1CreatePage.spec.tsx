import { useAccessReview } from '@openshift-console/dynamic-plugin-sdk';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  day1UtilityCommand,
  day1Warnings,
  formatDay1Warning,
  formatFieldError,
  produceMachineConfigYAML,
  validateDay1Options,
} from '../../producer';
import type { Day1Options } from '../../producer';
import {
  renderCreatePage,
  serveCluster,
  serveCreates,
  serveDemoCluster,
} from '../../../test/support/views/create-fixtures';

const textbox = (name: string) => screen.getByRole('textbox', { name });

/** The producer's message for one field of otherwise valid options, in the CLI's English. */
const producerMessage = (field: keyof Day1Options, change: Partial<Day1Options>): string => {
  const errors = validateDay1Options({
    machineConfigName: '99-sfc-sfc-day1',
    machineConfigPoolRef: 'sfc',
    kernelModuleImage: 'quay.io/acme/sfc-kmod',
    kernelModuleName: 'sfc',
    ...change,
  });
  const found = errors.find((error) => error.field === field);
  if (!found) throw new Error(`no ${field} error for ${JSON.stringify(change)}`);
  return formatFieldError(found);
};

const fillSfc = async (user: ReturnType<typeof userEvent.setup>) => {
  await user.type(textbox('Kernel module image'), 'quay.io/acme/sfc-kmod');
  await user.type(textbox('Kernel module'), 'sfc');
  await user.type(textbox('In-tree modules to remove'), 'sfc,mdio,');
};

beforeEach(() => {
  serveDemoCluster();
  serveCreates();
  jest.mocked(useAccessReview).mockImplementation(() => [true, false]);
});

describe('Day1CreatePage: the form', () => {
  it('shows the title and a spinner until the pools are loaded', () => {
    serveCluster({});
    renderCreatePage();
    expect(
      screen.getByRole('heading', { level: 1, name: 'Create Day 1 kernel module config' }),
    ).toBeInTheDocument();
    expect(screen.getByTestId('day1-pools-loading')).toBeInTheDocument();
  });

  it('names the error when the pools cannot be watched', () => {
    serveCluster({ MachineConfigPool: [[], false, new Error('machineconfigpools is forbidden')] });
    renderCreatePage();
    expect(screen.getByTestId('day1-pools-error')).toHaveTextContent(
      'machineconfigpools is forbidden',
    );
  });

  it('lists the live pools with node count, max unavailable and paused state', () => {
    renderCreatePage();
    const row = (pool: string) =>
      within(screen.getByTestId(`day1-pool-row-${pool}`))
        .getAllByRole('cell')
        .map((cell) => cell.textContent);
    expect(row('master')).toEqual(['master', '3', '1', 'No']);
    expect(row('worker')).toEqual(['worker', '4', '1', 'No']);
    expect(row('sfc')).toEqual(['sfc', '2', '1', 'No']);
  });

  it('preselects the pool from ?pool= and names the config after the pool and the module', async () => {
    const user = userEvent.setup();
    renderCreatePage('/day1-kernel-modules/~new?pool=sfc');
    expect(screen.getByRole('radio', { name: 'sfc' })).toBeChecked();
    await user.type(textbox('Kernel module'), 'sfc');
    expect(textbox('MachineConfig name')).toHaveValue('99-sfc-sfc-day1');

    await user.click(screen.getByRole('radio', { name: 'worker' }));
    expect(textbox('MachineConfig name')).toHaveValue('99-worker-sfc-day1');

    // Once the user has typed a name, it stays.
    await user.clear(textbox('MachineConfig name'));
    await user.type(textbox('MachineConfig name'), '99-my-sfc');
    await user.click(screen.getByRole('radio', { name: 'sfc' }));
    expect(textbox('MachineConfig name')).toHaveValue('99-my-sfc');
  });

  it('says when the pool from ?pool= does not exist', () => {
    renderCreatePage('/day1-kernel-modules/~new?pool=gpu');
    expect(screen.getByTestId('day1-pool-error')).toHaveTextContent(
      'No MachineConfigPool named gpu exists.',
    );
  });

  it('shows the default worker image and offers it back after a change', async () => {
    const user = userEvent.setup();
    renderCreatePage();
    const worker = textbox('Worker image');
    expect(worker).toHaveValue(
      'quay.io/edge-infrastructure/kernel-module-management-worker:latest',
    );
    await user.clear(worker);
    await user.type(worker, 'quay.io/acme/worker:v2');
    await user.click(screen.getByTestId('day1-worker-image-default'));
    expect(worker).toHaveValue(
      'quay.io/edge-infrastructure/kernel-module-management-worker:latest',
    );
  });

  it('warns strongly when master is chosen', async () => {
    const user = userEvent.setup();
    renderCreatePage();
    expect(screen.queryByTestId('day1-master-warning')).not.toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'master' }));
    expect(screen.getByTestId('day1-master-warning')).toHaveTextContent(
      'master is the control plane pool',
    );
  });

  it('takes several in-tree modules as labels, removable by button and Backspace', async () => {
    const user = userEvent.setup();
    renderCreatePage();
    const input = textbox('In-tree modules to remove');
    await user.type(input, 'sfc{Enter}mdio ice,');
    for (const name of ['sfc', 'mdio', 'ice']) {
      expect(screen.getByTestId(`day1-in-tree-modules-label-${name}`)).toBeInTheDocument();
    }
    await user.click(screen.getByRole('button', { name: 'Remove mdio' }));
    expect(screen.queryByTestId('day1-in-tree-modules-label-mdio')).not.toBeInTheDocument();
    await user.type(input, '{Backspace}');
    expect(screen.queryByTestId('day1-in-tree-modules-label-ice')).not.toBeInTheDocument();
    expect(screen.getByTestId('day1-in-tree-modules-label-sfc')).toBeInTheDocument();
    // Text left in the input is kept when focus moves on.
    await user.type(input, 'irdma');
    await user.tab();
    expect(screen.getByTestId('day1-in-tree-modules-label-irdma')).toBeInTheDocument();
  });
});

describe('Day1CreatePage: validation', () => {
  it("shows the producer's message under each field once it has been left", async () => {
    const user = userEvent.setup();
    renderCreatePage('/day1-kernel-modules/~new?pool=sfc');
    const cases: [keyof Day1Options, string, string, Partial<Day1Options>][] = [
      [
        'kernelModuleImage',
        'Kernel module image',
        'quay.io/acme/sfc-kmod:5.14.0',
        { kernelModuleImage: 'quay.io/acme/sfc-kmod:5.14.0' },
      ],
      ['kernelModuleName', 'Kernel module', '-sfc', { kernelModuleName: '-sfc' }],
      ['workerImage', 'Worker image', 'not a ref', { workerImage: 'not a ref' }],
      ['firmwareFilesPath', 'Firmware path', 'firmware/', { firmwareFilesPath: 'firmware/' }],
      [
        'machineConfigName',
        'MachineConfig name',
        'rendered-sfc',
        { machineConfigName: 'rendered-sfc' },
      ],
    ];
    for (const [field, label, typed, change] of cases) {
      const input = textbox(label);
      await user.clear(input);
      await user.type(input, typed);
      // Not while typing the first time: only once the field has been left.
      expect(input).not.toHaveAttribute('aria-invalid', 'true');
      await user.tab();
      expect(input).toHaveAttribute('aria-invalid', 'true');
      expect(input).toHaveAccessibleDescription(
        expect.stringContaining(producerMessage(field, change)),
      );
    }
  });

  it('warns, as the user types, that the in-cluster registry cannot serve the Day 1 pull', async () => {
    const user = userEvent.setup();
    renderCreatePage('/day1-kernel-modules/~new?pool=sfc');
    const image = 'image-registry.openshift-image-registry.svc:5000/drivers/sfc-kmod';
    const input = textbox('Kernel module image');
    await user.type(input, image);
    const [warning] = day1Warnings({
      machineConfigName: '99-sfc-sfc-day1',
      machineConfigPoolRef: 'sfc',
      kernelModuleImage: image,
      kernelModuleName: '',
    });
    // A warning, not an error: the config can still be created.
    expect(input).not.toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(expect.stringContaining(formatDay1Warning(warning)));
    expect(screen.getByTestId('day1-kernel-module-image-warning')).toHaveTextContent(
      "served by the cluster's own registry",
    );
    await user.clear(input);
    await user.type(input, 'quay.io/acme/sfc-kmod');
    expect(screen.queryByTestId('day1-kernel-module-image-warning')).not.toBeInTheDocument();
    expect(input).toHaveAccessibleDescription(
      expect.stringContaining("use a registry they reach without the cluster's own network"),
    );
  });

  it('checks in-tree modules with the same rules, entry by entry', async () => {
    const user = userEvent.setup();
    renderCreatePage('/day1-kernel-modules/~new?pool=sfc');
    await user.type(textbox('In-tree modules to remove'), 'nvme-core nvme_core ');
    await user.tab();
    expect(screen.getByTestId('day1-in-tree-modules-error')).toHaveTextContent(
      producerMessage('inTreeModulesToRemove', {
        inTreeModulesToRemove: ['nvme-core', 'nvme_core'],
      }),
    );
  });

  it('on Create with an empty form, shows every problem and moves focus to the first', async () => {
    const user = userEvent.setup();
    renderCreatePage();
    await user.click(screen.getByTestId('day1-create'));
    expect(screen.getByTestId('day1-form-problems')).toBeInTheDocument();
    expect(screen.getByTestId('day1-pool-error')).toHaveTextContent(
      'The MachineConfigPool name is required',
    );
    expect(screen.getByTestId('day1-kernel-module-image-error')).toHaveTextContent(
      'The kernel module image is required',
    );
    expect(screen.getByTestId('day1-kernel-module-name-error')).toHaveTextContent(
      'The kernel module name is required',
    );
    expect(screen.getByRole('radio', { name: 'master' })).toHaveFocus();
    expect(screen.queryByTestId('day1-confirm-modal')).not.toBeInTheDocument();
  });

  it('moves focus to the first field with a problem', async () => {
    const user = userEvent.setup();
    renderCreatePage('/day1-kernel-modules/~new?pool=sfc');
    await user.type(textbox('Kernel module image'), 'quay.io/acme/sfc-kmod');
    await user.click(screen.getByTestId('day1-create'));
    expect(textbox('Kernel module')).toHaveFocus();
  });
});

describe('Day1CreatePage: preview', () => {
  it('shows exactly the MachineConfig that will be created, and the equivalent command', async () => {
    const user = userEvent.setup();
    renderCreatePage('/day1-kernel-modules/~new?pool=sfc');
    expect(screen.getByTestId('day1-preview-not-ready')).toBeInTheDocument();
    await fillSfc(user);
    const options: Day1Options = {
      machineConfigName: '99-sfc-sfc-day1',
      machineConfigPoolRef: 'sfc',
      kernelModuleImage: 'quay.io/acme/sfc-kmod',
      kernelModuleName: 'sfc',
      inTreeModulesToRemove: ['sfc', 'mdio'],
      workerImage: 'quay.io/edge-infrastructure/kernel-module-management-worker:latest',
    };
    const yaml = produceMachineConfigYAML(options);
    // The YAML preview is a lazy chunk: it renders once loaded.
    const preview = await screen.findByTestId('day1-preview-mc');
    expect(within(preview).getByTestId('code-editor').textContent).toBe(yaml);
    const download = within(preview).getByTestId('day1-preview-mc-download');
    expect(download).toHaveAttribute('download', '99-sfc-sfc-day1.yaml');
    expect(download).toHaveAttribute(
      'href',
      `data:application/yaml;charset=utf-8,${encodeURIComponent(yaml)}`,
    );

    await user.click(screen.getByRole('tab', { name: 'Command line' }));
    expect(screen.getByTestId('day1-command')).toHaveTextContent(
      `${day1UtilityCommand(options)} | oc create -f -`,
    );
  });

  it('updates the preview as the user types', async () => {
    const user = userEvent.setup();
    renderCreatePage('/day1-kernel-modules/~new?pool=sfc');
    await fillSfc(user);
    await user.type(textbox('Firmware path'), '/firmware');
    expect(await screen.findByTestId('code-editor')).toHaveTextContent(
      'FIRMWARE_FILES_PATH=/firmware',
    );
  });

  it('copies the YAML to the clipboard', async () => {
    const user = userEvent.setup();
    renderCreatePage('/day1-kernel-modules/~new?pool=sfc');
    await fillSfc(user);
    await user.click(await screen.findByTestId('day1-preview-mc-copy'));
    await waitFor(async () => {
      expect(await navigator.clipboard.readText()).toBe(
        screen.getByTestId('code-editor').textContent,
      );
    });
  });
});

describe('Day1CreatePage: permissions', () => {
  it('disables what the user may not do, and says why', async () => {
    jest.mocked(useAccessReview).mockImplementation(() => [false, false]);
    const user = userEvent.setup();
    renderCreatePage('/day1-kernel-modules/~new?pool=sfc');
    await fillSfc(user);

    expect(screen.getByTestId('day1-create')).toBeDisabled();
    expect(screen.getByTestId('day1-create-reason')).toHaveTextContent(
      'You cannot create MachineConfigs.',
    );
    expect(screen.getByRole('radio', { name: 'Create a new custom pool' })).toBeDisabled();
    expect(screen.getByText('You cannot create MachineConfigPools.')).toBeInTheDocument();
    expect(screen.getByTestId('day1-check-namespace-error')).toHaveTextContent(
      'You cannot create ImageStreamImports in kmm-day1-checks, so the images are not checked.',
    );
    expect(screen.getByTestId('day1-preflight-rerun')).toBeDisabled();
  });

  it('asks about each permission the page needs', () => {
    renderCreatePage();
    const asked = jest.mocked(useAccessReview).mock.calls.map(([attributes]) => attributes);
    expect(asked).toEqual(
      expect.arrayContaining([
        {
          group: 'machineconfiguration.openshift.io',
          resource: 'machineconfigs',
          verb: 'create',
          namespace: undefined,
        },
        {
          group: 'machineconfiguration.openshift.io',
          resource: 'machineconfigpools',
          verb: 'create',
          namespace: undefined,
        },
        { group: '', resource: 'nodes', verb: 'patch', namespace: undefined },
        {
          group: 'image.openshift.io',
          resource: 'imagestreamimports',
          verb: 'create',
          namespace: 'kmm-day1-checks',
        },
      ]),
    );
  });

  it('keeps Create disabled while the access reviews are loading', () => {
    jest.mocked(useAccessReview).mockImplementation(() => [false, true]);
    renderCreatePage();
    expect(screen.getByTestId('day1-create')).toBeDisabled();
    expect(screen.queryByTestId('day1-create-reason')).not.toBeInTheDocument();
  });
});
