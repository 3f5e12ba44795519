import {
  k8sCreate,
  useAccessReview,
  useActiveNamespace,
} from '@openshift-console/dynamic-plugin-sdk';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ImageStreamImport } from '../../k8s/types';
import {
  demoNodes,
  demoPools,
  EL9_2,
  EL9_4,
  renderCreatePage,
  serveCluster,
  serveCreates,
  serveDemoCluster,
  statusError,
} from '../../../test/support/views/create-fixtures';

const WORKER_IMAGE = 'quay.io/edge-infrastructure/kernel-module-management-worker:latest';

/** Typing settles, then the page asks the registry: wait longer than findBy's default. */
const SETTLED = { timeout: 3000 };

const imageRequests = () =>
  jest
    .mocked(k8sCreate)
    .mock.calls.filter(([options]) => options.model.kind === 'ImageStreamImport')
    .map(([options]) => options.data as ImageStreamImport);

const groupRow = (kernel: string) => screen.getByTestId(`day1-kernel-group-${kernel}`);

/**
 * Types with no pause between keys (no timer can run mid-word), so the debounced check sees the whole
 * image once however slow the machine is.
 */
const typeImage = async (image: string) => {
  const user = userEvent.setup({ delay: null });
  await user.type(screen.getByRole('textbox', { name: 'Kernel module image' }), image);
  return user;
};

beforeEach(() => {
  serveDemoCluster();
  serveCreates();
  jest.mocked(useAccessReview).mockImplementation(() => [true, false]);
  jest.mocked(useActiveNamespace).mockImplementation(() => ['#ALL_NS#', () => undefined]);
});

describe('Day1CreatePage: preflight', () => {
  it("groups the pool's nodes by kernel and checks each image, and the worker image", async () => {
    renderCreatePage('/day1-kernel-modules/~new?pool=sfc');
    expect(screen.getByTestId('day1-preflight-needs-image')).toBeInTheDocument();
    await typeImage('quay.io/acme/sfc-kmod');

    expect(within(groupRow(EL9_2)).getAllByRole('cell')[1]).toHaveTextContent('worker-5');
    expect(groupRow(EL9_2)).toHaveTextContent(`quay.io/acme/sfc-kmod:${EL9_2}`);
    expect(within(groupRow(EL9_4)).getAllByRole('cell')[1]).toHaveTextContent('worker-4');
    await within(groupRow(EL9_4)).findByText('Found', {}, SETTLED);
    expect(within(groupRow(EL9_2)).getByText('Found')).toBeInTheDocument();
    expect(
      within(screen.getByTestId('day1-worker-image-check')).getByText('Found'),
    ).toBeInTheDocument();

    // One check, once typing has settled, in the namespace made for it, and it imports nothing.
    expect(imageRequests()).toHaveLength(1);
    const [request] = imageRequests();
    expect(request.metadata.namespace).toBe('kmm-day1-checks');
    expect(request.spec.import).toBe(false);
    expect(request.spec.images.map((image) => image.from.name)).toEqual([
      `quay.io/acme/sfc-kmod:${EL9_2}`,
      `quay.io/acme/sfc-kmod:${EL9_4}`,
      WORKER_IMAGE,
    ]);

    const summary = screen.getByTestId('day1-reboot-summary');
    expect(summary).toHaveTextContent('2 nodes of pool sfc will reboot.');
    expect(summary).toHaveTextContent('1 at a time: 2 rounds.');
    expect(screen.getByTestId('day1-reboot-twice')).toHaveTextContent('worker-4, worker-5');
    expect(screen.getByTestId('day1-estimate')).toHaveTextContent('About 12 to 24 minutes');
    expect(screen.queryByTestId('day1-keep-in-tree')).not.toBeInTheDocument();
  });

  it('shows a missing kernel-version tag with the registry message, and that the node keeps its in-tree driver', async () => {
    renderCreatePage('/day1-kernel-modules/~new?pool=sfc');
    await typeImage('quay.io/acme/ice-kmod');

    const missing = await within(groupRow(EL9_2)).findByText('Missing', {}, SETTLED);
    expect(missing).toBeInTheDocument();
    expect(within(groupRow(EL9_2)).getByTestId('day1-image-check-message')).toHaveTextContent(
      `manifest unknown: the image "quay.io/acme/ice-kmod:${EL9_2}" does not exist`,
    );
    expect(within(groupRow(EL9_4)).getByText('Found')).toBeInTheDocument();
    expect(screen.getByTestId('day1-keep-in-tree')).toHaveTextContent(
      'No image exists for the kernel of this node: it reboots once and boots on the in-tree driver, without the module: worker-5.',
    );
    expect(screen.getByTestId('day1-reboot-twice')).toHaveTextContent('worker-4');
  });

  it('reports a private image as Unauthorized with the message', async () => {
    renderCreatePage('/day1-kernel-modules/~new?pool=sfc');
    await typeImage('registry.example.com/acme-private/ice-kmod');
    await within(groupRow(EL9_4)).findByText('Unauthorized', {}, SETTLED);
    expect(within(groupRow(EL9_4)).getByTestId('day1-image-check-message')).toHaveTextContent(
      'you may not have access to the container image',
    );
    expect(screen.getByTestId('day1-unchecked')).toHaveTextContent('worker-4, worker-5');
  });

  it('shows a failed check, and checks again on request', async () => {
    jest
      .mocked(k8sCreate)
      .mockRejectedValueOnce(statusError(500, 'InternalError', 'registry lookup timed out'));
    renderCreatePage('/day1-kernel-modules/~new?pool=sfc');
    const user = await typeImage('quay.io/acme/sfc-kmod');

    const error = await screen.findByTestId('day1-preflight-error', {}, SETTLED);
    expect(error).toHaveTextContent('Could not check the images');
    expect(error).toHaveTextContent('registry lookup timed out');

    await user.click(screen.getByTestId('day1-preflight-rerun'));
    await within(groupRow(EL9_4)).findByText('Found', {}, SETTLED);
    expect(screen.queryByTestId('day1-preflight-error')).not.toBeInTheDocument();
    expect(imageRequests()).toHaveLength(2);
  });

  it('checks in the namespace the user chooses', async () => {
    renderCreatePage('/day1-kernel-modules/~new?pool=sfc');
    const user = await typeImage('quay.io/acme/sfc-kmod');
    await within(groupRow(EL9_4)).findByText('Found', {}, SETTLED);
    await user.selectOptions(
      screen.getByRole('combobox', { name: /Namespace for the image checks/ }),
      'default',
    );
    await within(groupRow(EL9_4)).findByText('Found', {}, SETTLED);
    expect(imageRequests().map((request) => request.metadata.namespace)).toEqual([
      'kmm-day1-checks',
      'default',
    ]);
  });

  it('uses the active namespace when there is no kmm-day1-checks', async () => {
    jest.mocked(useActiveNamespace).mockImplementation(() => ['team-a', () => undefined]);
    serveCluster({
      MachineConfigPool: [demoPools(), true, undefined],
      Node: [demoNodes(), true, undefined],
      Namespace: [[], false, new Error('namespaces is forbidden')],
    });
    renderCreatePage('/day1-kernel-modules/~new?pool=sfc');
    expect(screen.getByRole('textbox', { name: /Namespace for the image checks/ })).toHaveValue(
      'team-a',
    );
    await typeImage('quay.io/acme/sfc-kmod');
    await within(groupRow(EL9_4)).findByText('Found', {}, SETTLED);
    expect(imageRequests()[0].metadata.namespace).toBe('team-a');
  });

  it('counts the nodes of pools that inherit worker configs', async () => {
    renderCreatePage('/day1-kernel-modules/~new?pool=worker');
    await typeImage('quay.io/acme/sfc-kmod');
    expect(screen.getByTestId('day1-inheriting-pools')).toHaveTextContent(
      'Configs for worker also reach the nodes of these pools, which inherit its configs: sfc.',
    );
    expect(screen.getByTestId('day1-reboot-summary')).toHaveTextContent(
      '6 nodes of pool worker will reboot.',
    );
  });

  it('says the nodes of a new custom pool leave worker, and keep its configs', async () => {
    renderCreatePage('/day1-kernel-modules/~new');
    const user = userEvent.setup();
    await user.click(screen.getByRole('radio', { name: 'Create a new custom pool' }));
    await screen.findByTestId('day1-new-pool-nodes-table');
    await user.type(screen.getByRole('textbox', { name: 'Pool name' }), 'sfc2');
    await user.click(screen.getByRole('checkbox', { name: 'worker-0' }));
    await user.click(screen.getByRole('checkbox', { name: 'worker-2' }));

    expect(screen.getByTestId('day1-nodes-leave-pool')).toHaveTextContent(
      'These nodes leave the worker pool for sfc2: worker-0, worker-2.',
    );
    expect(screen.getByTestId('day1-keeps-inherited-configs')).toHaveTextContent(
      'sfc2 inherits the configs for worker: these nodes keep them, and get the configs for sfc2 as well.',
    );
    // Not the sentence for an existing pool, which had the direction the wrong way round.
    expect(screen.queryByTestId('day1-inheriting-pools')).not.toBeInTheDocument();
    expect(screen.getByTestId('day1-preflight')).not.toHaveTextContent('Configs for sfc2');
    expect(screen.getByTestId('day1-reboot-summary')).toHaveTextContent(
      '2 nodes of pool sfc2 will reboot.',
    );

    await user.click(screen.getByRole('checkbox', { name: 'worker-2' }));
    expect(screen.getByTestId('day1-nodes-leave-pool')).toHaveTextContent(
      'This node leaves the worker pool for sfc2: worker-0.',
    );
  });

  it('never counts a Windows worker, which MCO does not manage, nor offers it for a new pool', async () => {
    const windows = {
      metadata: {
        name: 'win-0',
        labels: { 'node-role.kubernetes.io/worker': '', 'kubernetes.io/os': 'windows' },
      },
      status: { nodeInfo: { kernelVersion: '10.0.20348.2340' } },
    };
    serveCluster({
      MachineConfigPool: [demoPools(), true, undefined],
      Node: [[...demoNodes(), windows], true, undefined],
      Namespace: [[{ metadata: { name: 'kmm-day1-checks' } }], true, undefined],
    });
    renderCreatePage('/day1-kernel-modules/~new?pool=worker');
    await typeImage('quay.io/acme/sfc-kmod');
    expect(screen.getByTestId('day1-reboot-summary')).toHaveTextContent(
      '6 nodes of pool worker will reboot.',
    );
    expect(screen.queryByTestId('day1-kernel-group-10.0.20348.2340')).not.toBeInTheDocument();

    const user = userEvent.setup();
    await user.click(screen.getByRole('radio', { name: 'Create a new custom pool' }));
    await screen.findByTestId('day1-new-pool-nodes-table');
    expect(screen.getByRole('checkbox', { name: 'win-0' })).toBeDisabled();
    expect(screen.getByTestId('day1-new-pool-nodes-row-win-0')).toHaveTextContent(
      'The Machine Config Operator does not manage Windows nodes.',
    );
  });

  it('says that a paused pool reboots nothing until resumed', () => {
    const pools = demoPools().map((pool) =>
      pool.metadata.name === 'sfc' ? { ...pool, spec: { ...pool.spec, paused: true } } : pool,
    );
    serveCluster({
      MachineConfigPool: [pools, true, undefined],
      Node: [demoNodes(), true, undefined],
      Namespace: [[{ metadata: { name: 'kmm-day1-checks' } }], true, undefined],
    });
    renderCreatePage('/day1-kernel-modules/~new?pool=sfc');
    expect(within(screen.getByTestId('day1-pool-row-sfc')).getByText('Paused')).toBeInTheDocument();
    expect(screen.getByTestId('day1-paused')).toHaveTextContent(
      'The pool is paused: no node reboots until you resume it.',
    );
  });

  it('does not check images the user may not check', async () => {
    jest
      .mocked(useAccessReview)
      .mockImplementation((attributes) => [attributes.resource !== 'imagestreamimports', false]);
    renderCreatePage('/day1-kernel-modules/~new?pool=sfc');
    await typeImage('quay.io/acme/sfc-kmod');
    expect(within(groupRow(EL9_4)).getByText('Not checked')).toBeInTheDocument();
    expect(screen.getByTestId('day1-unchecked')).toHaveTextContent('Images not checked yet');
    expect(imageRequests()).toHaveLength(0);
  });
});
