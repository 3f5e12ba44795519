import {
  k8sCreate,
  k8sDelete,
  k8sPatch,
  useAccessReview,
  useActiveNamespace,
} from '@openshift-console/dynamic-plugin-sdk';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CreateCall } from '../../../test/support/views/create-fixtures';
import {
  renderCreatePage,
  serveCreates,
  serveDemoCluster,
  statusError,
} from '../../../test/support/views/create-fixtures';

const textbox = (name: string) => screen.getByRole('textbox', { name });

const fillSfc = async (user: ReturnType<typeof userEvent.setup>) => {
  await user.type(textbox('Kernel module image'), 'quay.io/acme/sfc-kmod');
  await user.type(textbox('Kernel module'), 'sfc');
  await user.type(textbox('In-tree modules to remove'), 'sfc,mdio,');
};

const summary = (calls: CreateCall[]) =>
  calls.map(({ kind, name, dryRun }) => `${dryRun ? 'dry-run' : 'create'} ${kind} ${name ?? ''}`);

const confirm = async (user: ReturnType<typeof userEvent.setup>) => {
  await user.click(screen.getByTestId('day1-create'));
  await user.click(await screen.findByTestId('day1-confirm-create'));
};

const chooseNewPool = async (user: ReturnType<typeof userEvent.setup>, nodes: string[]) => {
  await user.click(screen.getByRole('radio', { name: 'Create a new custom pool' }));
  await screen.findByTestId('day1-new-pool-nodes-table');
  await user.type(textbox('Pool name'), 'sfc2');
  for (const node of nodes) await user.click(screen.getByRole('checkbox', { name: node }));
};

beforeEach(() => {
  serveDemoCluster();
  jest.mocked(useAccessReview).mockImplementation(() => [true, false]);
  jest.mocked(useActiveNamespace).mockImplementation(() => ['#ALL_NS#', () => undefined]);
  jest.mocked(k8sPatch).mockImplementation(({ resource }) => Promise.resolve(resource));
  jest.mocked(k8sDelete).mockImplementation(({ resource }) => Promise.resolve(resource));
});

describe('Day1CreatePage: create', () => {
  it('confirms, dry-runs, creates and opens the rollout view of the pool', async () => {
    const calls = serveCreates();
    const user = userEvent.setup();
    renderCreatePage('/day1-kernel-modules/~new?pool=sfc');
    await fillSfc(user);

    await user.click(screen.getByTestId('day1-create'));
    const modal = await screen.findByTestId('day1-confirm-modal');
    expect(modal).toHaveTextContent('Create 99-sfc-sfc-day1 and reboot nodes?');
    expect(within(modal).getByTestId('day1-confirm-reboots')).toHaveTextContent(
      '2 nodes of pool sfc will reboot.',
    );
    await within(modal).findByTestId('day1-confirm-reboot-twice', {}, { timeout: 3000 });
    expect(within(modal).getByTestId('day1-confirm-reboot-twice')).toHaveTextContent(
      'On first apply these nodes reboot a second time, after pulling the kernel module image: worker-4, worker-5.',
    );
    expect(summary(calls)).toEqual([]);

    await user.click(within(modal).getByTestId('day1-confirm-create'));
    expect(await screen.findByTestId('rollout-page')).toHaveTextContent('sfc');
    expect(summary(calls)).toEqual([
      'dry-run MachineConfig 99-sfc-sfc-day1',
      'create MachineConfig 99-sfc-sfc-day1',
    ]);
  });

  it('says in the confirmation what the preflight says when a kernel has no image', async () => {
    serveCreates();
    const user = userEvent.setup();
    renderCreatePage('/day1-kernel-modules/~new?pool=sfc');
    // The registry has ice-kmod for worker-4's kernel only: worker-5 boots without the module.
    await user.type(textbox('Kernel module image'), 'quay.io/acme/ice-kmod');
    await user.type(textbox('Kernel module'), 'ice');
    const keepInTree = await screen.findByTestId('day1-keep-in-tree', {}, { timeout: 3000 });

    await user.click(screen.getByTestId('day1-create'));
    const modal = await screen.findByTestId('day1-confirm-modal');
    expect(within(modal).getByTestId('day1-confirm-keep-in-tree')).toHaveTextContent(
      'No image exists for the kernel of this node: it reboots once and boots on the in-tree driver, without the module: worker-5.',
    );
    expect(within(modal).getByTestId('day1-confirm-reboot-twice')).toHaveTextContent(
      'On first apply this node reboots a second time, after pulling the kernel module image: worker-4.',
    );
    expect(modal).not.toHaveTextContent(/each reboots twice/i);
    // Word for word what the preflight's reboot summary says.
    expect(within(modal).getByTestId('day1-confirm-keep-in-tree').textContent).toBe(
      keepInTree.textContent,
    );
    expect(screen.getByTestId('day1-reboot-summary')).toHaveTextContent(
      within(modal).getByTestId('day1-confirm-reboots').textContent,
    );
  });

  it('creates nothing when the confirmation is cancelled', async () => {
    const calls = serveCreates();
    const user = userEvent.setup();
    renderCreatePage('/day1-kernel-modules/~new?pool=sfc');
    await fillSfc(user);
    await user.click(screen.getByTestId('day1-create'));
    await user.click(await screen.findByTestId('day1-confirm-cancel'));
    expect(screen.queryByTestId('day1-confirm-modal')).not.toBeInTheDocument();
    expect(summary(calls)).toEqual([]);
    expect(textbox('Kernel module')).toHaveValue('sfc');
  });

  it('cannot be submitted twice, and shows each step while it works', async () => {
    let finish: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      finish = resolve;
    });
    // The real create waits until the test lets it go.
    const calls = serveCreates(undefined, ({ dryRun }) => (dryRun ? undefined : held));
    const user = userEvent.setup();
    renderCreatePage('/day1-kernel-modules/~new?pool=sfc');
    await fillSfc(user);

    await confirm(user);
    const button = await screen.findByRole('button', { name: /Creating/ });
    expect(button).toBeDisabled();
    expect(screen.getByTestId('day1-step-dryRun:machineConfig:99-sfc-sfc-day1')).toHaveAttribute(
      'data-status',
      'done',
    );
    expect(screen.getByTestId('day1-step-apply:machineConfig:99-sfc-sfc-day1')).toHaveAttribute(
      'data-status',
      'running',
    );
    await user.click(button);
    finish();
    expect(await screen.findByTestId('rollout-page')).toBeInTheDocument();
    expect(summary(calls)).toEqual([
      'dry-run MachineConfig 99-sfc-sfc-day1',
      'create MachineConfig 99-sfc-sfc-day1',
    ]);
  });

  it('explains a name conflict, offers a free name and keeps every value', async () => {
    const calls = serveCreates(({ kind, name }) =>
      kind === 'MachineConfig' && name === '99-sfc-sfc-day1'
        ? statusError(
            409,
            'AlreadyExists',
            'machineconfigs.machineconfiguration.openshift.io "99-sfc-sfc-day1" already exists',
          )
        : undefined,
    );
    const user = userEvent.setup();
    renderCreatePage('/day1-kernel-modules/~new?pool=sfc');
    await fillSfc(user);
    await confirm(user);

    const alert = await screen.findByTestId('day1-create-error');
    expect(alert).toHaveTextContent('The dry run failed: nothing was created');
    expect(alert).toHaveTextContent('"99-sfc-sfc-day1" already exists');
    expect(alert).toHaveTextContent(
      'A MachineConfig named 99-sfc-sfc-day1 already exists. Choose another name.',
    );
    expect(textbox('Kernel module image')).toHaveValue('quay.io/acme/sfc-kmod');
    expect(screen.getByTestId('day1-in-tree-modules-label-mdio')).toBeInTheDocument();

    await user.click(screen.getByTestId('day1-use-suggested-name'));
    expect(textbox('MachineConfig name')).toHaveValue('99-sfc-sfc-day1-2');
    await confirm(user);
    expect(await screen.findByTestId('rollout-page')).toBeInTheDocument();
    expect(summary(calls)).toEqual([
      'dry-run MachineConfig 99-sfc-sfc-day1',
      'dry-run MachineConfig 99-sfc-sfc-day1-2',
      'create MachineConfig 99-sfc-sfc-day1-2',
    ]);
  });

  it('explains a 403: which permission, and who has it', async () => {
    serveCreates(() =>
      statusError(
        403,
        'Forbidden',
        'machineconfigs.machineconfiguration.openshift.io is forbidden: User "read-only" cannot create resource "machineconfigs" in API group "machineconfiguration.openshift.io" at the cluster scope',
      ),
    );
    const user = userEvent.setup();
    renderCreatePage('/day1-kernel-modules/~new?pool=sfc');
    await fillSfc(user);
    await confirm(user);
    const alert = await screen.findByTestId('day1-create-error');
    expect(alert).toHaveAttribute('data-code', '403');
    expect(alert).toHaveTextContent('User "read-only" cannot create resource "machineconfigs"');
    expect(screen.getByTestId('day1-create-error-guidance')).toHaveTextContent(
      'Your user may not create machineconfigs.',
    );
    expect(screen.getByTestId('day1-create-error-guidance')).toHaveTextContent(
      'cluster administrators (the cluster-admin role) have them',
    );
  });

  it('lists what the server found invalid on a 422', async () => {
    serveCreates(() =>
      statusError(
        422,
        'Invalid',
        'MachineConfig.machineconfiguration.openshift.io "x" is invalid',
        [
          {
            field: 'spec.config',
            message: 'Invalid value: "object": ignition version unsupported',
          },
        ],
      ),
    );
    const user = userEvent.setup();
    renderCreatePage('/day1-kernel-modules/~new?pool=sfc');
    await fillSfc(user);
    await confirm(user);
    await screen.findByTestId('day1-create-error');
    expect(screen.getByTestId('day1-create-error-guidance')).toHaveTextContent(
      'The API server rejected the MachineConfig 99-sfc-sfc-day1 as invalid:',
    );
    expect(screen.getByTestId('day1-create-error-causes')).toHaveTextContent(
      'spec.config: Invalid value: "object": ignition version unsupported',
    );
  });
});

describe('Day1CreatePage: a new custom pool', () => {
  it('shows which pool each node is in, and which nodes cannot join', async () => {
    serveCreates();
    const user = userEvent.setup();
    renderCreatePage();
    await user.click(screen.getByRole('radio', { name: 'Create a new custom pool' }));
    await screen.findByTestId('day1-new-pool-nodes-table');
    const row = (node: string) => screen.getByTestId(`day1-new-pool-nodes-row-${node}`);
    expect(within(row('worker-0')).getAllByRole('cell')[1]).toHaveTextContent('worker');
    expect(within(row('worker-4')).getAllByRole('cell')[1]).toHaveTextContent('sfc');
    expect(screen.getByRole('checkbox', { name: 'worker-0' })).toBeEnabled();
    expect(screen.getByRole('checkbox', { name: 'worker-4' })).toBeDisabled();
    expect(row('worker-4')).toHaveTextContent(
      'Already in the custom pool sfc: a node can be in one custom pool only.',
    );
    expect(screen.getByRole('checkbox', { name: 'master-0' })).toBeDisabled();
    expect(row('master-0')).toHaveTextContent('A control plane node stays in the master pool');
  });

  it('checks the new pool name and its nodes', async () => {
    serveCreates();
    const user = userEvent.setup();
    renderCreatePage();
    await user.click(screen.getByRole('radio', { name: 'Create a new custom pool' }));
    await screen.findByTestId('day1-new-pool-nodes-table');
    await user.type(textbox('Pool name'), 'sfc');
    await user.tab();
    expect(screen.getByTestId('day1-new-pool-name-error')).toHaveTextContent(
      'A MachineConfigPool named sfc already exists',
    );
    await user.clear(textbox('Pool name'));
    await user.type(textbox('Pool name'), 'worker');
    expect(screen.getByTestId('day1-new-pool-name-error')).toHaveTextContent(
      '"worker" is a built-in pool; choose a new name for a custom pool',
    );
    await user.clear(textbox('Max unavailable'));
    await user.type(textbox('Max unavailable'), '0');
    await user.tab();
    expect(screen.getByTestId('day1-new-pool-max-unavailable-error')).toHaveTextContent(
      'maxUnavailable must be a whole number of at least 1',
    );
    await user.click(screen.getByTestId('day1-create'));
    expect(screen.getByTestId('day1-new-pool-nodes-error')).toHaveTextContent(
      'Choose at least one node for the new pool.',
    );
  });

  it('creates the pool and the config, then labels the nodes, and previews all of it', async () => {
    const calls = serveCreates();
    const user = userEvent.setup();
    renderCreatePage();
    await chooseNewPool(user, ['worker-0', 'worker-2']);
    await fillSfc(user);

    expect(textbox('MachineConfig name')).toHaveValue('99-sfc2-sfc-day1');
    await user.click(screen.getByRole('tab', { name: 'MachineConfigPool' }));
    const poolYaml = within(await screen.findByTestId('day1-preview-pool')).getByTestId(
      'code-editor',
    );
    expect(poolYaml).toHaveTextContent('node-role.kubernetes.io/sfc2');
    // The mark that lets deleting the config offer to remove the pool too.
    expect(poolYaml).toHaveTextContent('kmm-day1.openshift.io/created-for: 99-sfc2-sfc-day1');
    await user.click(screen.getByRole('tab', { name: 'Command line' }));
    expect(screen.getAllByTestId('day1-command').at(-1)).toHaveTextContent(
      'oc label node worker-0 worker-2 node-role.kubernetes.io/sfc2=',
    );

    await user.click(screen.getByTestId('day1-create'));
    const modal = await screen.findByTestId('day1-confirm-modal');
    expect(modal).toHaveTextContent(
      'Create the MachineConfigPool sfc2 and move these nodes into it: worker-0, worker-2.',
    );
    expect(within(modal).getByTestId('day1-confirm-keeps-inherited-configs')).toHaveTextContent(
      'sfc2 inherits the configs for worker: these nodes keep them, and get the configs for sfc2 as well.',
    );
    await user.click(screen.getByTestId('day1-confirm-create'));
    expect(await screen.findByTestId('rollout-page')).toHaveTextContent('sfc2');

    expect(summary(calls)).toEqual([
      'dry-run MachineConfigPool sfc2',
      'dry-run MachineConfig 99-sfc2-sfc-day1',
      'create MachineConfigPool sfc2',
      'create MachineConfig 99-sfc2-sfc-day1',
    ]);
    const createdPool = jest
      .mocked(k8sCreate)
      .mock.calls.find(
        ([options]) => options.model.kind === 'MachineConfigPool' && !options.queryParams,
      );
    expect(createdPool?.[0].data.metadata?.annotations).toEqual({
      'kmm-day1.openshift.io/created-for': '99-sfc2-sfc-day1',
    });
    const patches = jest.mocked(k8sPatch).mock.calls.map(([options]) => ({
      node: options.resource.metadata?.name,
      dryRun: options.queryParams?.dryRun === 'All',
      patch: options.data,
    }));
    const label = [
      { op: 'add', path: '/metadata/labels/node-role.kubernetes.io~1sfc2', value: '' },
    ];
    expect(patches).toEqual([
      { node: 'worker-0', dryRun: true, patch: label },
      { node: 'worker-2', dryRun: true, patch: label },
      { node: 'worker-0', dryRun: false, patch: label },
      { node: 'worker-2', dryRun: false, patch: label },
    ]);
  });

  it('rolls the new pool back when the config fails, and says so', async () => {
    serveCreates(({ kind, dryRun }) =>
      kind === 'MachineConfig' && !dryRun
        ? statusError(409, 'AlreadyExists', 'machineconfigs "99-sfc2-sfc-day1" already exists')
        : undefined,
    );
    const user = userEvent.setup();
    renderCreatePage();
    await chooseNewPool(user, ['worker-0']);
    await fillSfc(user);
    await confirm(user);

    const alert = await screen.findByTestId('day1-create-error');
    expect(alert).toHaveTextContent('Create failed: what this attempt had created was rolled back');
    expect(jest.mocked(k8sDelete).mock.calls.map(([o]) => o.resource.metadata?.name)).toEqual([
      'sfc2',
    ]);
    expect(screen.getByTestId('day1-step-rollback:pool:sfc2')).toHaveAttribute(
      'data-status',
      'done',
    );
    expect(jest.mocked(k8sPatch).mock.calls.filter(([o]) => !o.queryParams)).toEqual([]);
    expect(screen.queryByTestId('day1-rollback-failed')).not.toBeInTheDocument();
    expect(textbox('Pool name')).toHaveValue('sfc2');
  });

  it('reports what the rollback could not undo, with the command to do it by hand', async () => {
    serveCreates(({ kind, dryRun }) =>
      kind === 'MachineConfig' && !dryRun
        ? statusError(500, 'InternalError', 'etcdserver: request timed out')
        : undefined,
    );
    jest
      .mocked(k8sDelete)
      .mockRejectedValue(statusError(503, 'ServiceUnavailable', 'the server is currently unable'));
    const user = userEvent.setup();
    renderCreatePage();
    await chooseNewPool(user, ['worker-0']);
    await fillSfc(user);
    await confirm(user);

    expect(await screen.findByTestId('day1-create-error')).toHaveTextContent(
      'Create failed, and the rollback is incomplete',
    );
    const left = screen.getByTestId('day1-rollback-failed');
    expect(left).toHaveTextContent('the server is currently unable');
    // The config's create got a 500, so it may exist: it is undone, and reported, too.
    expect(
      within(left)
        .getAllByRole('textbox')
        .map((box) => (box as HTMLInputElement).value),
    ).toEqual(['oc delete machineconfig 99-sfc2-sfc-day1', 'oc delete machineconfigpool sfc2']);
  });
});
