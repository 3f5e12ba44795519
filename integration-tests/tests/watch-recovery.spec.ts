import { expect, test } from '@playwright/test';
import { day1MachineConfig } from './day1-machine-config';
import { createAsAdmin, resetCluster, saveScreenshot } from './support';

test.beforeEach(async ({ request }) => {
  await resetCluster(request);
});

test('the page keeps up after the simulator drops its watches', async ({
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
  await expect(page.getByTestId('day1-config-row-99-sfc-day1')).toBeVisible();

  const dropped = await request.post('/sim/faults', { data: { dropWatches: true } });
  expect(dropped.ok()).toBe(true);
  await createAsAdmin(
    request,
    '/apis/machineconfiguration.openshift.io/v1/machineconfigs',
    day1MachineConfig('99-worker-ice', 'worker', 'ice'),
  );

  await expect(page.getByTestId('day1-config-row-99-worker-ice')).toBeVisible();
  await expect(page.getByTestId('day1-config-row-99-sfc-day1')).toBeVisible();
  await saveScreenshot(page, testInfo, 'watch-recovered');
});
