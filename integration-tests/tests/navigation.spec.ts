import { expect, test } from '@playwright/test';
import { resetCluster, saveScreenshot } from './support';

test.beforeEach(async ({ request }) => {
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
