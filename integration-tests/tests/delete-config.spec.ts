import { expect, test } from '@playwright/test';
import { day1MachineConfig } from './day1-machine-config';
import { createAsAdmin, resetCluster, saveScreenshot } from './support';

const MC_PATH = '/apis/machineconfiguration.openshift.io/v1/machineconfigs';

test.beforeEach(async ({ request }) => {
  await resetCluster(request);
});

test('deleting a Day 1 config warns which pools reboot, then removes it from the cluster', async ({
  page,
  request,
}, testInfo) => {
  await createAsAdmin(request, MC_PATH, day1MachineConfig('99-sfc-day1', 'sfc'));
  await page.goto('/day1-kernel-modules');
  const row = page.getByTestId('day1-config-row-99-sfc-day1');
  await expect(row).toBeVisible();
  // The pool's rollout, live: creating the config started it.
  await expect(row.getByTestId('pool-state')).toBeVisible();
  await expect(row.getByRole('link', { name: 'Rollout of pool sfc' })).toContainText('% updated');

  // Keyboard only: focus the row's kebab, open it, pick Delete.
  await row.getByRole('button', { name: 'Actions for 99-sfc-day1' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  const modal = page.getByTestId('delete-day1-config-modal');
  // The demo's sfc pool has two nodes.
  await expect(modal.getByTestId('delete-day1-config-reboot-warning')).toContainText(
    'Nodes that will reboot: 2',
  );
  await expect(modal).toContainText('Pool sfc, nodes: 2');
  await saveScreenshot(page, testInfo, 'delete-day1-config');

  await modal.getByRole('button', { name: 'Delete' }).click();
  await expect(modal).toBeHidden();
  await expect(page.getByTestId('day1-configs-empty')).toBeVisible();
  const response = await request.get(`/api/kubernetes${MC_PATH}/99-sfc-day1`, {
    headers: { Cookie: 'kmm-day1-user=admin' },
  });
  expect(response.status()).toBe(404);
});

test('the read-only user cannot delete or create', async ({ page, request, context, baseURL }) => {
  await createAsAdmin(request, MC_PATH, day1MachineConfig('99-sfc-day1', 'sfc'));
  await context.addCookies([{ name: 'kmm-day1-user', value: 'read-only', url: baseURL }]);
  await page.goto('/day1-kernel-modules');
  await page.getByRole('button', { name: 'Actions for 99-sfc-day1' }).click();
  await expect(page.getByRole('menuitem', { name: 'Delete' })).toHaveAttribute(
    'aria-disabled',
    'true',
  );
  await expect(
    page.getByRole('button', { name: 'Create Day 1 kernel module config' }),
  ).toHaveAttribute('aria-disabled', 'true');
});
