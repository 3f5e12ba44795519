import { expect, test } from '@playwright/test';
import { day1MachineConfig } from './day1-machine-config';
import { MCO_API } from './fault-support';
import { createAsAdmin, resetCluster, saveScreenshot } from './support';

test.beforeEach(async ({ request }) => {
  await resetCluster(request);
});

// The next file finds the demo cluster as it starts, without the configs made here.
test.afterEach(async ({ request }) => {
  await resetCluster(request);
});

test('Compute → Day 1 kernel modules, placed after MachineConfigPools, opens the plugin page', async ({
  page,
}, testInfo) => {
  await page.goto('/');
  // Like console: the Compute section is a collapsible group, tagged for quick starts.
  const compute = page.locator('[data-quickstart-id="qs-nav-compute"]');
  await expect(compute).toHaveText('Compute');
  if ((await compute.getAttribute('aria-expanded')) !== 'true') await compute.click();
  const links = page.getByRole('navigation', { name: 'Navigation' }).getByRole('link');
  const day1 = links.filter({ hasText: 'Day 1 kernel modules' });
  await expect(day1).toBeVisible();
  const names = (await links.allInnerTexts()).map((text) => text.trim());
  expect(names.indexOf('Day 1 kernel modules')).toBe(names.indexOf('MachineConfigPools') + 1);

  await day1.click();
  await expect(page).toHaveURL(/\/day1-kernel-modules$/);
  await expect(page.getByRole('heading', { name: 'Day 1 kernel modules' })).toBeVisible();
  await expect(page.getByTestId('day1-configs-empty')).toBeVisible();
  await saveScreenshot(page, testInfo, 'day1-kernel-modules-empty');
});

test("the rollout page's breadcrumb leads back to all pools and to the list, whose name filter narrows it", async ({
  page,
  request,
}, testInfo) => {
  for (const [name, pool] of [
    ['99-sfc-day1', 'sfc'],
    ['99-worker-ice', 'worker'],
  ]) {
    await createAsAdmin(request, `${MCO_API}/machineconfigs`, day1MachineConfig(name, pool));
  }
  await page.goto('/day1-kernel-modules/rollout/sfc');
  const breadcrumb = page.getByTestId('rollout-breadcrumb');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Day 1 rollout of sfc');
  // Client-side navigation: the page keeps its state (no reload).
  await page.evaluate(() => {
    (window as Window & { notReloaded?: boolean }).notReloaded = true;
  });
  await breadcrumb.getByRole('link', { name: 'Rollout' }).click();
  await expect(page).toHaveURL(/\/day1-kernel-modules\/rollout$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Day 1 rollout');
  await page
    .getByTestId('rollout-breadcrumb')
    .getByRole('link', { name: 'Day 1 kernel modules' })
    .click();
  await expect(page).toHaveURL(/\/day1-kernel-modules$/);
  expect(
    await page.evaluate(() => (window as Window & { notReloaded?: boolean }).notReloaded),
  ).toBe(true);

  const table = page.getByTestId('day1-configs-table');
  await expect(table.locator('tbody tr')).toHaveCount(2);
  await page.getByRole('textbox', { name: 'Filter by name' }).fill('ice');
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await expect(page.getByTestId('day1-config-row-99-worker-ice')).toBeVisible();
  await expect(page).toHaveURL(/\?name=ice$/);
  await saveScreenshot(page, testInfo, 'day1-kernel-modules-name-filter');
});
