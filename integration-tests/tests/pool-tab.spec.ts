import { expect, test } from '@playwright/test';
import { day1MachineConfig } from './day1-machine-config';
import { createAsAdmin, resetCluster, saveScreenshot } from './support';

test.beforeEach(async ({ request }) => {
  await resetCluster(request);
});

test("the MachineConfigPool details page shows the plugin's Day 1 tab for that pool", async ({
  page,
  request,
}, testInfo) => {
  await createAsAdmin(
    request,
    '/apis/machineconfiguration.openshift.io/v1/machineconfigs',
    day1MachineConfig('99-sfc-day1', 'sfc'),
  );
  await createAsAdmin(
    request,
    '/apis/machineconfiguration.openshift.io/v1/machineconfigs',
    day1MachineConfig('99-master-day1', 'master', 'ice'),
  );

  await page.goto('/k8s/cluster/machineconfiguration.openshift.io~v1~MachineConfigPool/sfc');
  await page.getByRole('tab', { name: 'Day 1 kernel modules' }).click();
  await expect(page).toHaveURL(/MachineConfigPool\/sfc\/day1-kernel-modules$/);
  await expect(page.getByTestId('day1-config-row-99-sfc-day1')).toBeVisible();
  await expect(page.getByTestId('day1-config-row-99-master-day1')).toHaveCount(0);
  await saveScreenshot(page, testInfo, 'machineconfigpool-day1-tab');
});

test('the Day 1 list page shows configs made in the cluster', async ({
  page,
  request,
}, testInfo) => {
  await page.goto('/day1-kernel-modules');
  await expect(page.getByTestId('day1-configs-empty')).toBeVisible();
  await createAsAdmin(
    request,
    '/apis/machineconfiguration.openshift.io/v1/machineconfigs',
    day1MachineConfig('99-sfc-day1', 'sfc'),
  );
  const row = page.getByTestId('day1-config-row-99-sfc-day1');
  await expect(row).toContainText('quay.io/acme/sfc-kmod');
  await expect(row).toContainText('sfc');
  await saveScreenshot(page, testInfo, 'day1-kernel-modules-list');
});
