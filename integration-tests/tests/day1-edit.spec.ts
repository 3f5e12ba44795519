import type { APIRequestContext } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { day1MachineConfig } from './day1-machine-config';
import { getAsAdmin, injectFaults, MCO_API } from './fault-support';
import { createAsAdmin, resetCluster, saveScreenshot } from './support';

const MC_PATH = `${MCO_API}/machineconfigs`;
const NEW_IMAGE = 'quay.io/acme/sfc-kmod-v2';

interface Day1StatusFile {
  phase: string;
  kernelModuleImage: string;
}

interface MachineConfigObject {
  metadata: { annotations?: Record<string, string> };
  spec: { config: { systemd: { units: { name: string; contents?: string }[] } } };
}

/** What each sfc node's Day 1 status file says about 99-sfc-day1: `<phase> <image>`. */
const sfcNodesDay1 = async (request: APIRequestContext): Promise<string[]> =>
  Promise.all(
    ['worker-4', 'worker-5'].map(async (node) => {
      const response = await request.get(`/sim/nodes/${node}/day1-status`);
      const file = ((await response.json()) as Record<string, Day1StatusFile | undefined>)[
        '99-sfc-day1'
      ];
      return file ? `${file.phase} ${file.kernelModuleImage.split(':')[0]}` : 'none';
    }),
  );

/** The Environment value of the config's load unit in the cluster. */
const environmentOf = async (request: APIRequestContext, key: string): Promise<string> => {
  const mc = await getAsAdmin<MachineConfigObject>(request, `${MC_PATH}/99-sfc-day1`);
  const unit = mc?.spec.config.systemd.units.find((u) =>
    u.name.endsWith('-replace-kernel-module.service'),
  );
  return new RegExp(`^Environment="${key}=([^"]*)"$`, 'm').exec(unit?.contents ?? '')?.[1] ?? '';
};

test.beforeEach(async ({ request }) => {
  await resetCluster(request);
  await createAsAdmin(request, MC_PATH, day1MachineConfig('99-sfc-day1', 'sfc'));
});

test('edits 99-sfc-day1 to a new image: diff, plan, confirmation, then the rollout to the new image', async ({
  page,
  request,
}, testInfo) => {
  // The first rollout, to the first image, completes.
  await expect
    .poll(() => sfcNodesDay1(request))
    .toEqual(['Loaded quay.io/acme/sfc-kmod', 'Loaded quay.io/acme/sfc-kmod']);

  await page.goto('/day1-kernel-modules');
  await page.getByRole('button', { name: 'Actions for 99-sfc-day1' }).click();
  await page.getByRole('menuitem', { name: 'Edit' }).click();
  await expect(page).toHaveURL(/\/day1-kernel-modules\/configs\/99-sfc-day1\/edit$/);
  const image = page.getByRole('textbox', { name: 'Kernel module image', exact: true });
  await expect(image).toHaveValue('quay.io/acme/sfc-kmod');
  await expect(page.getByRole('textbox', { name: 'MachineConfig name' })).toHaveAttribute(
    'readonly',
    '',
  );
  await expect(page.getByTestId('day1-edit-save')).toBeDisabled();
  await expect(page.getByTestId('day1-edit-save-reason')).toContainText('Nothing has changed');

  await image.fill(NEW_IMAGE);
  const diff = page.getByTestId('day1-edit-diff');
  await expect(diff.getByTestId('day1-edit-diff-removed').first()).toContainText(
    'quay.io/acme/sfc-kmod"',
  );
  await expect(diff.getByTestId('day1-edit-diff-added').first()).toContainText(NEW_IMAGE);
  // The plan: each sfc node reboots, pulls the new image and reboots a second time.
  await expect(page.getByTestId('day1-pull-new-image')).toHaveText(
    'These nodes then pull the new image and reboot a second time: worker-4, worker-5.',
  );
  await expect(page.getByTestId('day1-reboot-summary')).toContainText(
    '2 nodes of pool sfc will reboot.',
  );
  await saveScreenshot(page, testInfo, 'day1-edit-new-image');

  await page.getByTestId('day1-edit-save').click();
  const modal = page.getByTestId('day1-edit-confirm-modal');
  await expect(modal).toContainText('Save 99-sfc-day1 and reboot nodes?');
  await expect(modal).toContainText('Changed: Kernel module image.');
  await expect(modal.getByTestId('day1-edit-confirm-pull-new-image')).toContainText(
    'worker-4, worker-5',
  );
  await modal.getByTestId('day1-edit-confirm-save').click();

  await expect(page).toHaveURL(/\/day1-kernel-modules\/rollout\/sfc$/);
  expect(await environmentOf(request, 'KERNEL_MODULE_IMAGE')).toBe(NEW_IMAGE);
  // The rollout reaches the new image on both nodes, and the page says the pool is updated.
  await expect
    .poll(() => sfcNodesDay1(request), { timeout: 45_000 })
    .toEqual([`Loaded ${NEW_IMAGE}`, `Loaded ${NEW_IMAGE}`]);
  await expect(page.getByTestId('pool-card-sfc')).toHaveAttribute('data-state', 'Updated', {
    timeout: 30_000,
  });
  // The rollout page offers Edit for the pool's Day 1 configs: it opens the form on the new image.
  await page.getByTestId('pool-card-sfc').getByRole('link', { name: 'Edit 99-sfc-day1' }).click();
  await expect(page.getByRole('textbox', { name: 'Kernel module image', exact: true })).toHaveValue(
    NEW_IMAGE,
  );
});

test('a concurrent edit makes Save fail with 409: the page shows what changed and reapplies on top, keeping both changes', async ({
  page,
  request,
}, testInfo) => {
  await page.goto('/day1-kernel-modules/configs/99-sfc-day1/edit');
  const image = page.getByRole('textbox', { name: 'Kernel module image', exact: true });
  await expect(image).toHaveValue('quay.io/acme/sfc-kmod');
  await image.fill(NEW_IMAGE);
  await expect(page.getByTestId('day1-pull-new-image')).toContainText('worker-4, worker-5');
  // Someone else changes the config after the page loaded it, before it is saved: another admin
  // adds mdio to the in-tree modules (day1-utility's config, applied as a merge patch) and says so.
  const theirs = day1MachineConfig('99-sfc-day1', 'sfc', 'sfc', ['sfc', 'mdio']) as {
    spec: unknown;
  };
  await injectFaults(request, {
    concurrentEdit: {
      machineConfig: '99-sfc-day1',
      patch: {
        metadata: { annotations: { 'kmm-day1.sim/edited-by': 'another-admin' } },
        spec: theirs.spec,
      },
    },
  });

  await page.getByTestId('day1-edit-save').click();
  await page.getByTestId('day1-edit-confirm-save').click();
  const conflict = page.getByTestId('day1-edit-conflict');
  await expect(conflict).toContainText('99-sfc-day1 changed in the cluster after you opened it');
  await expect(
    conflict
      .getByTestId('day1-edit-their-diff-added')
      .filter({ hasText: 'kmm-day1.sim/edited-by: another-admin' }),
  ).toHaveCount(1);
  await expect(
    conflict.getByTestId('day1-edit-their-diff-added').filter({ hasText: 'sfc mdio' }),
  ).not.toHaveCount(0);
  // Nothing of the user's was written; the edit is still in the form.
  expect(await environmentOf(request, 'KERNEL_MODULE_IMAGE')).toBe('quay.io/acme/sfc-kmod');
  expect(await environmentOf(request, 'IN_TREE_MODULES_TO_REMOVE')).toBe('sfc mdio');
  await expect(image).toHaveValue(NEW_IMAGE);
  await expect(page.getByTestId('day1-edit-save')).toBeDisabled();
  await saveScreenshot(page, testInfo, 'day1-edit-conflict');

  await conflict.getByRole('button', { name: 'Reapply my changes on top' }).click();
  await expect(conflict).toBeHidden();
  // The user's image stays; their in-tree list, which the user left alone, is taken, not reverted.
  await expect(image).toHaveValue(NEW_IMAGE);
  await expect(page.getByRole('button', { name: /Remove mdio/ })).toBeVisible();
  const reapplied = page.getByTestId('day1-edit-reapplied');
  await expect(reapplied).toContainText('Your changes are reapplied on top of version');
  await expect(reapplied.getByTestId('day1-edit-reapplied-theirs')).toHaveText(
    'Kept from the newer version: In-tree modules to remove.',
  );
  // The preview is against their version: the image changes, the in-tree list does not.
  const diff = page.getByTestId('day1-edit-diff');
  await expect(diff.getByTestId('day1-edit-diff-added').first()).toContainText(NEW_IMAGE);
  await expect(diff.getByTestId('day1-edit-diff-removed').filter({ hasText: 'mdio' })).toHaveCount(
    0,
  );
  await saveScreenshot(page, testInfo, 'day1-edit-reapplied');

  await page.getByTestId('day1-edit-save').click();
  const modal = page.getByTestId('day1-edit-confirm-modal');
  await expect(modal).toContainText('Changed: Kernel module image.');
  await modal.getByTestId('day1-edit-confirm-save').click();
  await expect(page).toHaveURL(/\/day1-kernel-modules\/rollout\/sfc$/);
  // Both: their annotation and in-tree list, the user's image.
  const saved = await getAsAdmin<MachineConfigObject>(request, `${MC_PATH}/99-sfc-day1`);
  expect(saved?.metadata.annotations?.['kmm-day1.sim/edited-by']).toBe('another-admin');
  expect(await environmentOf(request, 'IN_TREE_MODULES_TO_REMOVE')).toBe('sfc mdio');
  expect(await environmentOf(request, 'KERNEL_MODULE_IMAGE')).toBe(NEW_IMAGE);
});

test("a config KMM's BootModuleConfig manages is read-only here, with a link to the BMC", async ({
  page,
  request,
}) => {
  await createAsAdmin(request, '/api/v1/namespaces', {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: 'openshift-kmm' },
  });
  await createAsAdmin(
    request,
    '/apis/kmm.sigs.x-k8s.io/v1beta1/namespaces/openshift-kmm/bootmoduleconfigs',
    {
      apiVersion: 'kmm.sigs.x-k8s.io/v1beta1',
      kind: 'BootModuleConfig',
      metadata: { name: 'sfc-boot' },
      spec: {
        machineConfigName: '99-sfc-day1',
        machineConfigPoolName: 'sfc',
        kernelModuleImage: 'quay.io/acme/sfc-kmod',
        kernelModuleName: 'sfc',
      },
    },
  );
  await page.goto('/day1-kernel-modules');
  const row = page.getByTestId('day1-config-row-99-sfc-day1');
  await expect(row.getByTestId('day1-config-managed-by-kmm')).toHaveText('Managed by KMM');
  await row.getByRole('button', { name: 'Actions for 99-sfc-day1' }).click();
  await expect(page.getByRole('menuitem', { name: 'Edit' })).toHaveAttribute(
    'aria-disabled',
    'true',
  );
  // KMM would create a deleted config again: Delete is disabled too, saying what to do instead.
  const remove = page.getByRole('menuitem', { name: 'Delete' });
  await expect(remove).toHaveAttribute('aria-disabled', 'true');
  await remove.hover();
  await expect(page.getByRole('tooltip')).toHaveText(
    'Managed by KMM: delete or change the BootModuleConfig sfc-boot instead.',
  );

  await page.goto('/day1-kernel-modules/configs/99-sfc-day1/edit');
  const managed = page.getByTestId('day1-managed-by-kmm');
  await expect(managed).toContainText('Managed by KMM');
  await expect(managed.getByRole('link', { name: 'sfc-boot' })).toBeVisible();
  await expect(page.getByTestId('day1-edit-form')).toHaveCount(0);
});

test("the MachineConfig's Actions menu offers Edit for a Day 1 config only", async ({ page }) => {
  await page.goto('/k8s/cluster/machineconfiguration.openshift.io~v1~MachineConfig/99-sfc-day1');
  await page.getByTestId('actions-menu-button').click();
  await page.getByRole('menuitem', { name: /Edit Day 1 config/ }).click();
  await expect(page).toHaveURL(/\/day1-kernel-modules\/configs\/99-sfc-day1\/edit$/);
  await expect(page.getByTestId('day1-edit-form')).toBeVisible();

  await page.goto('/k8s/cluster/machineconfiguration.openshift.io~v1~MachineConfig/99-worker-ssh');
  await expect(page.getByTestId('resource-details-title')).toHaveText('99-worker-ssh');
  await expect(page.getByTestId('actions-menu-button')).toHaveCount(0);
});
