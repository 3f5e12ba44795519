import {
  k8sGet,
  k8sUpdate,
  useAccessReview,
  useActiveNamespace,
  useK8sModel,
  useK8sWatchResource,
} from '@openshift-console/dynamic-plugin-sdk';
import type { K8sModel } from '@openshift-console/dynamic-plugin-sdk';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useParams } from 'react-router';
import {
  demoNodes,
  demoPools,
  serveCreates,
  statusError,
} from '../../../test/support/views/create-fixtures';
import { BootModuleConfigModel } from '../../k8s/models';
import type { MachineConfig } from '../../k8s/types';
import { produceMachineConfig, readDay1MachineConfig } from '../../producer';
import type { Day1Options } from '../../producer';
import Day1EditPage from './Day1EditPage';

const OPTIONS: Day1Options = {
  machineConfigName: '99-sfc-day1',
  machineConfigPoolRef: 'sfc',
  kernelModuleImage: 'quay.io/acme/sfc-kmod',
  kernelModuleName: 'sfc',
  inTreeModulesToRemove: ['sfc'],
};

/** The config as the API server returns it: with its server metadata. */
const inCluster = (options: Day1Options, resourceVersion: string): MachineConfig => {
  const mc = produceMachineConfig(options);
  return {
    ...mc,
    metadata: {
      ...mc.metadata,
      uid: 'b0f3',
      resourceVersion,
      creationTimestamp: '2026-12-01T10:00:00Z',
    },
  };
};

interface Served {
  machineConfig?: MachineConfig;
  error?: unknown;
  bmcs?: unknown[];
}

const serve = ({ machineConfig, error, bmcs }: Served) => {
  // Console answers no model for a kind it has not discovered (KMM not installed).
  const model: K8sModel | undefined = bmcs ? BootModuleConfigModel : undefined;
  jest
    .mocked(useK8sModel)
    .mockImplementation(() => [model, false] as unknown as ReturnType<typeof useK8sModel>);
  jest.mocked(useK8sWatchResource).mockImplementation((resource) => {
    const kind = resource?.groupVersionKind?.kind ?? '';
    const answer = (): [unknown, boolean, unknown] => {
      switch (kind) {
        case 'MachineConfig':
          if (resource?.isList) return [machineConfig ? [machineConfig] : [], true, undefined];
          return error ? [undefined, true, error] : [machineConfig, true, undefined];
        case 'MachineConfigPool':
          return [demoPools(), true, undefined];
        case 'Node':
          return [demoNodes(), true, undefined];
        case 'Namespace':
          return [[{ metadata: { name: 'kmm-day1-checks' } }], true, undefined];
        case 'BootModuleConfig':
          return [bmcs ?? [], true, undefined];
        default:
          return [[], false, undefined];
      }
    };
    return answer() as ReturnType<typeof useK8sWatchResource>;
  });
};

const RolloutPage = () => <div data-test="rollout-page">{useParams().pool}</div>;

const renderEditPage = (name = '99-sfc-day1') =>
  render(
    <MemoryRouter initialEntries={[`/day1-kernel-modules/configs/${name}/edit`]}>
      <Routes>
        <Route path="/day1-kernel-modules/configs/:name/edit" element={<Day1EditPage />} />
        <Route path="/day1-kernel-modules/rollout/:pool" element={<RolloutPage />} />
        <Route path="/day1-kernel-modules" element={<div data-test="list-page" />} />
      </Routes>
    </MemoryRouter>,
  );

const textbox = (name: string) => screen.getByRole('textbox', { name });

interface UpdateCall {
  dryRun: boolean;
  data: MachineConfig;
}

/** Programs k8sUpdate; `fail` may refuse a call. Returns the log of updates. */
const serveUpdates = (
  fail: (call: UpdateCall) => Error | undefined = () => undefined,
): UpdateCall[] => {
  const calls: UpdateCall[] = [];
  jest.mocked(k8sUpdate).mockImplementation((options) => {
    const call = {
      dryRun: options.queryParams?.dryRun === 'All',
      data: options.data as MachineConfig,
    };
    calls.push(call);
    const error = fail(call);
    return error ? Promise.reject(error) : Promise.resolve(options.data);
  });
  return calls;
};

beforeEach(() => {
  serveCreates();
  jest.mocked(useAccessReview).mockImplementation(() => [true, false]);
  jest.mocked(useActiveNamespace).mockImplementation(() => ['#ALL_NS#', () => undefined]);
});

describe('Day1EditPage', () => {
  it('fills the form from the config, with the name and pool fixed, and nothing to save yet', async () => {
    serve({ machineConfig: inCluster(OPTIONS, '5') });
    renderEditPage();
    expect(await screen.findByTestId('day1-edit-form')).toBeInTheDocument();
    expect(textbox('Kernel module image')).toHaveValue('quay.io/acme/sfc-kmod');
    expect(textbox('Kernel module')).toHaveValue('sfc');
    expect(textbox('MachineConfig name')).toHaveValue('99-sfc-day1');
    expect(textbox('MachineConfig name')).toHaveAttribute('readonly');
    expect(screen.getByTestId('day1-edit-pool')).toHaveTextContent('sfc');
    expect(screen.getByTestId('day1-edit-save')).toBeDisabled();
    expect(screen.getByTestId('day1-edit-save-reason')).toHaveTextContent('Nothing has changed');
    expect(screen.getByTestId('day1-reboot-summary')).toHaveTextContent('No change');
  });

  it('edits the image: diff, plan and confirmation agree, then a dry run and an update with the resourceVersion', async () => {
    serve({ machineConfig: inCluster(OPTIONS, '5') });
    const calls = serveUpdates();
    const user = userEvent.setup();
    renderEditPage();
    const image = await screen.findByRole('textbox', { name: 'Kernel module image' });
    await user.clear(image);
    // The registry has ice-kmod for worker-4's kernel only.
    await user.type(image, 'quay.io/acme/ice-kmod');

    const diff = await screen.findByTestId('day1-edit-diff');
    const removed = within(diff).getAllByTestId('day1-edit-diff-removed');
    const added = within(diff).getAllByTestId('day1-edit-diff-added');
    expect(removed.some((line) => line.textContent.includes('quay.io/acme/sfc-kmod'))).toBe(true);
    expect(added.some((line) => line.textContent.includes('quay.io/acme/ice-kmod'))).toBe(true);
    // Marked for screen readers, not only by colour.
    expect(added[0]).toHaveTextContent(/^Added:/);

    const pull = await screen.findByTestId('day1-pull-new-image', {}, { timeout: 3000 });
    expect(pull).toHaveTextContent(
      'This node then pulls the new image and reboots a second time: worker-4.',
    );
    expect(screen.getByTestId('day1-lose-module')).toHaveTextContent('worker-5');

    await user.click(screen.getByTestId('day1-edit-save'));
    const modal = await screen.findByTestId('day1-edit-confirm-modal');
    expect(modal).toHaveTextContent('Save 99-sfc-day1 and reboot nodes?');
    expect(modal).toHaveTextContent('Changed: Kernel module image.');
    expect(within(modal).getByTestId('day1-edit-confirm-pull-new-image').textContent).toBe(
      pull.textContent,
    );
    expect(calls).toEqual([]);

    await user.click(within(modal).getByTestId('day1-edit-confirm-save'));
    expect(await screen.findByTestId('rollout-page')).toHaveTextContent('sfc');
    expect(calls.map((call) => call.dryRun)).toEqual([true, false]);
    for (const call of calls) {
      expect(call.data.metadata.resourceVersion).toBe('5');
      expect(readDay1MachineConfig(call.data)?.kernelModuleImage).toBe('quay.io/acme/ice-kmod');
    }
  });

  it('a change of the in-tree list only: every node reboots once', async () => {
    serve({ machineConfig: inCluster(OPTIONS, '5') });
    const user = userEvent.setup();
    renderEditPage();
    await user.type(
      await screen.findByRole('textbox', { name: 'In-tree modules to remove' }),
      'mdio,',
    );
    expect(await screen.findByTestId('day1-reboot-once')).toHaveTextContent(
      'These nodes reboot once: the images they load the module from are already on them: worker-4, worker-5.',
    );
    expect(screen.queryByTestId('day1-pull-new-image')).not.toBeInTheDocument();
    expect(screen.getByTestId('day1-edit-save')).toBeEnabled();
  });

  it('on a conflict shows what changed meanwhile, keeps the edits, and reapplies them on top', async () => {
    const loaded = inCluster(OPTIONS, '5');
    const theirs = inCluster({ ...OPTIONS, inTreeModulesToRemove: ['sfc', 'mdio'] }, '9');
    theirs.metadata.annotations = { 'example.com/edited-by': 'someone-else' };
    serve({ machineConfig: loaded });
    const calls = serveUpdates((call) =>
      call.data.metadata.resourceVersion === '5'
        ? statusError(
            409,
            'Conflict',
            'Operation cannot be fulfilled on machineconfigs.machineconfiguration.openshift.io "99-sfc-day1": the object has been modified; please apply your changes to the latest version and try again',
          )
        : undefined,
    );
    jest.mocked(k8sGet).mockResolvedValue(theirs);
    const user = userEvent.setup();
    renderEditPage();
    const image = await screen.findByRole('textbox', { name: 'Kernel module image' });
    await user.clear(image);
    await user.type(image, 'quay.io/acme/ice-kmod');
    await user.click(screen.getByTestId('day1-edit-save'));
    await user.click(await screen.findByTestId('day1-edit-confirm-save'));

    const conflict = await screen.findByTestId('day1-edit-conflict');
    // Refused at the dry run: nothing was written.
    expect(calls.map((call) => call.dryRun)).toEqual([true]);
    expect(conflict).toHaveTextContent('99-sfc-day1 changed in the cluster after you opened it');
    const theirDiff = await within(conflict).findByTestId('day1-edit-their-diff');
    const theirAdded = within(theirDiff).getAllByTestId('day1-edit-their-diff-added');
    expect(theirAdded.some((line) => line.textContent.includes('someone-else'))).toBe(true);
    expect(theirAdded.some((line) => line.textContent.includes('sfc mdio'))).toBe(true);
    // The user's edit is still in the form, and Save waits for a decision.
    expect(textbox('Kernel module image')).toHaveValue('quay.io/acme/ice-kmod');
    expect(screen.getByTestId('day1-edit-save')).toBeDisabled();

    await user.click(within(conflict).getByTestId('day1-edit-reapply'));
    expect(screen.queryByTestId('day1-edit-conflict')).not.toBeInTheDocument();
    // The user changed the image only: the form keeps it, and takes their in-tree list.
    expect(textbox('Kernel module image')).toHaveValue('quay.io/acme/ice-kmod');
    expect(screen.getByTestId('day1-in-tree-modules-label-sfc')).toBeInTheDocument();
    expect(screen.getByTestId('day1-in-tree-modules-label-mdio')).toBeInTheDocument();
    const reapplied = await screen.findByTestId('day1-edit-reapplied');
    expect(reapplied).toHaveTextContent('Your changes are reapplied on top of version 9');
    expect(within(reapplied).getByTestId('day1-edit-reapplied-theirs')).toHaveTextContent(
      'Kept from the newer version: In-tree modules to remove.',
    );
    expect(screen.queryByTestId(/^day1-edit-reapplied-conflict-/)).not.toBeInTheDocument();
    // The preview is against their version: only the image changes.
    const diff = await screen.findByTestId('day1-edit-diff');
    const removed = within(diff).getAllByTestId('day1-edit-diff-removed');
    expect(removed.some((line) => line.textContent.includes('sfc mdio'))).toBe(false);
    expect(removed.some((line) => line.textContent.includes('quay.io/acme/sfc-kmod'))).toBe(true);

    await user.click(screen.getByTestId('day1-edit-save'));
    const modal = await screen.findByTestId('day1-edit-confirm-modal');
    expect(modal).toHaveTextContent('Changed: Kernel module image.');
    await user.click(within(modal).getByTestId('day1-edit-confirm-save'));
    expect(await screen.findByTestId('rollout-page')).toHaveTextContent('sfc');
    const saved = calls[calls.length - 1].data;
    expect(calls.slice(1).map((call) => call.dryRun)).toEqual([true, false]);
    expect(saved.metadata.resourceVersion).toBe('9');
    // Both people's changes are saved: their annotation and in-tree list, the user's image.
    expect(saved.metadata.annotations).toEqual({ 'example.com/edited-by': 'someone-else' });
    const savedSummary = readDay1MachineConfig(saved);
    expect(savedSummary?.kernelModuleImage).toBe('quay.io/acme/ice-kmod');
    expect(savedSummary?.inTreeModulesToRemove).toEqual(['sfc', 'mdio']);
  });

  it('on a conflict over the same field, keeps the edit and names both values before saving again', async () => {
    const loaded = inCluster(OPTIONS, '5');
    const theirs = inCluster({ ...OPTIONS, kernelModuleImage: 'quay.io/other/sfc-kmod' }, '9');
    serve({ machineConfig: loaded });
    const calls = serveUpdates((call) =>
      call.data.metadata.resourceVersion === '5'
        ? statusError(409, 'Conflict', 'the object has been modified')
        : undefined,
    );
    jest.mocked(k8sGet).mockResolvedValue(theirs);
    const user = userEvent.setup();
    renderEditPage();
    const image = await screen.findByRole('textbox', { name: 'Kernel module image' });
    await user.clear(image);
    await user.type(image, 'quay.io/acme/ice-kmod');
    await user.click(screen.getByTestId('day1-edit-save'));
    await user.click(await screen.findByTestId('day1-edit-confirm-save'));
    await user.click(
      within(await screen.findByTestId('day1-edit-conflict')).getByTestId('day1-edit-reapply'),
    );

    const reapplied = await screen.findByTestId('day1-edit-reapplied');
    expect(reapplied).toHaveTextContent('check the fields you both changed');
    expect(
      within(reapplied).getByTestId('day1-edit-reapplied-conflict-kernelModuleImage'),
    ).toHaveTextContent(
      'Kernel module image was changed by both: the form keeps yours, quay.io/acme/ice-kmod; the newer version has quay.io/other/sfc-kmod.',
    );
    expect(screen.queryByTestId('day1-edit-reapplied-theirs')).not.toBeInTheDocument();
    expect(textbox('Kernel module image')).toHaveValue('quay.io/acme/ice-kmod');
    const diff = await screen.findByTestId('day1-edit-diff');
    expect(
      within(diff)
        .getAllByTestId('day1-edit-diff-removed')
        .some((line) => line.textContent.includes('quay.io/other/sfc-kmod')),
    ).toBe(true);

    await user.click(screen.getByTestId('day1-edit-save'));
    await user.click(await screen.findByTestId('day1-edit-confirm-save'));
    expect(await screen.findByTestId('rollout-page')).toHaveTextContent('sfc');
    const saved = calls[calls.length - 1].data;
    expect(saved.metadata.resourceVersion).toBe('9');
    expect(readDay1MachineConfig(saved)?.kernelModuleImage).toBe('quay.io/acme/ice-kmod');
  });

  it('on a conflict with a version that is no Day 1 config any more, says the save replaces it', async () => {
    const loaded = inCluster(OPTIONS, '5');
    const theirs: MachineConfig = {
      ...loaded,
      metadata: { ...loaded.metadata, resourceVersion: '9' },
      spec: { config: { ignition: { version: '3.2.0' } } },
    };
    serve({ machineConfig: loaded });
    serveUpdates((call) =>
      call.data.metadata.resourceVersion === '5'
        ? statusError(409, 'Conflict', 'the object has been modified')
        : undefined,
    );
    jest.mocked(k8sGet).mockResolvedValue(theirs);
    const user = userEvent.setup();
    renderEditPage();
    await user.type(
      await screen.findByRole('textbox', { name: 'In-tree modules to remove' }),
      'mdio,',
    );
    await user.click(screen.getByTestId('day1-edit-save'));
    await user.click(await screen.findByTestId('day1-edit-confirm-save'));
    await user.click(
      within(await screen.findByTestId('day1-edit-conflict')).getByTestId('day1-edit-reapply'),
    );
    expect(await screen.findByTestId('day1-edit-reapplied')).toHaveTextContent(
      'Version 9 is not a Day 1 config this page can read: saving replaces it with the form as it is',
    );
    expect(screen.getByTestId('day1-in-tree-modules-label-mdio')).toBeInTheDocument();
  });

  it("shows a config KMM's BootModuleConfig manages as read-only, with a link to the BMC", async () => {
    serve({
      machineConfig: inCluster(OPTIONS, '5'),
      bmcs: [
        {
          apiVersion: 'kmm.sigs.x-k8s.io/v1beta1',
          kind: 'BootModuleConfig',
          metadata: { name: 'sfc-boot', namespace: 'openshift-kmm' },
          spec: { machineConfigName: '99-sfc-day1', machineConfigPoolName: 'sfc' },
        },
      ],
    });
    renderEditPage();
    const managed = await screen.findByTestId('day1-managed-by-kmm');
    expect(managed).toHaveTextContent('Managed by KMM');
    expect(managed).toHaveTextContent('sfc-boot');
    expect(screen.queryByTestId('day1-edit-form')).not.toBeInTheDocument();
  });

  it('says when the config does not exist, or is not a Day 1 config', async () => {
    serve({ error: statusError(404, 'NotFound', 'machineconfigs "nope" not found') });
    const { unmount } = renderEditPage('nope');
    expect(await screen.findByTestId('day1-edit-not-found')).toHaveTextContent('nope');
    unmount();
    const other = inCluster(OPTIONS, '3');
    serve({
      machineConfig: {
        ...other,
        metadata: { ...other.metadata, name: '00-worker' },
        spec: { config: { ignition: { version: '3.2.0' } } },
      },
    });
    renderEditPage('00-worker');
    expect(await screen.findByTestId('day1-edit-unreadable')).toHaveTextContent(
      'Not a Day 1 config',
    );
  });

  it('disables Save, with the reason, for a user who may not update MachineConfigs', async () => {
    serve({ machineConfig: inCluster(OPTIONS, '5') });
    jest.mocked(useAccessReview).mockImplementation(({ verb }) => [verb !== 'update', false]);
    const user = userEvent.setup();
    renderEditPage();
    await user.type(
      await screen.findByRole('textbox', { name: 'In-tree modules to remove' }),
      'mdio,',
    );
    expect(screen.getByTestId('day1-edit-save')).toBeDisabled();
    expect(screen.getByTestId('day1-edit-save-reason')).toHaveTextContent(
      'You cannot update MachineConfigs.',
    );
  });
});
