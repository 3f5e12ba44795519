import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { MCO_API, clearFaults, injectFaults, namesIn } from './fault-support';
import { resetCluster, saveScreenshot } from './support';

const EL9_4 = '5.14.0-427.13.1.el9_4.x86_64';

const field = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });

/** The sfc config, once the slow page has loaded and checked the images. */
const fillSfc = async (page: Page) => {
  await field(page, 'Kernel module image').fill('quay.io/acme/sfc-kmod');
  await field(page, 'Kernel module').fill('sfc');
  await expect(page.getByTestId(`day1-kernel-group-${EL9_4}`)).toContainText('Found');
};

const day1ConfigsOfSfc = async (page: Page) =>
  (await namesIn(page.request, `${MCO_API}/machineconfigs`)).filter((name) =>
    name.startsWith('99-sfc-sfc-day1'),
  );

/** Creating: the button shows it, the steps show, and the page lands on the rollout once. */
const expectOneCreate = async (page: Page) => {
  const create = page.getByTestId('day1-create');
  await expect(create).toBeDisabled();
  await expect(create).toContainText('Creating');
  await expect(page.getByTestId('day1-create-progress')).toBeVisible();
  await expect(page).toHaveURL(/\/day1-kernel-modules\/rollout\/sfc$/);
  expect(await day1ConfigsOfSfc(page)).toEqual(['99-sfc-sfc-day1']);
};

test.beforeEach(async ({ request }) => {
  await resetCluster(request);
  await injectFaults(request, { latencyMs: 2000 });
});
test.afterEach(async ({ request }) => {
  await clearFaults(request);
});

test('a slow API: the create page shows what it is loading and checking, and two clicks create once', async ({
  page,
}, testInfo) => {
  await page.goto('/day1-kernel-modules/~new?pool=sfc');
  await expect(page.getByTestId('day1-pools-loading')).toBeVisible();
  await saveScreenshot(page, testInfo, 'fault-slow-loading');
  await expect(page.getByRole('radio', { name: 'sfc', exact: true })).toBeChecked();

  await field(page, 'Kernel module image').fill('quay.io/acme/sfc-kmod');
  await field(page, 'Kernel module').fill('sfc');
  // Each image check takes a slow ImageStreamImport: it shows as under way.
  await expect(
    page.getByRole('progressbar', { name: `Checking quay.io/acme/sfc-kmod:${EL9_4}` }),
  ).toBeVisible();
  await expect(page.getByTestId(`day1-kernel-group-${EL9_4}`)).toContainText('Found');

  await page.getByTestId('day1-create').dblclick();
  await expect(page.getByTestId('day1-confirm-modal')).toHaveCount(1);
  await page.getByTestId('day1-confirm-create').dblclick();
  await saveScreenshot(page, testInfo, 'fault-slow-creating');
  await expectOneCreate(page);
  await expect(page.getByTestId('pool-card-sfc')).toBeVisible();
});

test('a slow API: Enter submits the form, and Enter twice on Create in the dialog creates once', async ({
  page,
}) => {
  await page.goto('/day1-kernel-modules/~new?pool=sfc');
  await expect(page.getByRole('radio', { name: 'sfc', exact: true })).toBeChecked();
  await fillSfc(page);

  await field(page, 'Kernel module').press('Enter');
  const confirm = page.getByTestId('day1-confirm-create');
  await expect(page.getByTestId('day1-confirm-modal')).toHaveCount(1);
  await confirm.focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expectOneCreate(page);
});
