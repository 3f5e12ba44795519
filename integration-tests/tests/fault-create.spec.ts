import type { Page, Route } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { MCO_API, clearFaults, getAsAdmin, injectFaults, namesIn } from './fault-support';
import { resetCluster, saveScreenshot } from './support';

interface NodeObject {
  metadata: { labels?: Record<string, string> };
}

const MACHINE_CONFIGS = `${MCO_API}/machineconfigs`;
const POOL_LABEL = 'node-role.kubernetes.io/sfc2';

const field = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });

/** The custom pool flow: a new pool sfc2 with worker-0 and worker-2, and the sfc module. */
const fillCustomPoolForm = async (page: Page) => {
  await page.goto('/day1-kernel-modules/~new');
  await page.getByRole('radio', { name: 'Create a new custom pool' }).check();
  await field(page, 'Pool name').fill('sfc2');
  await page.getByRole('checkbox', { name: 'worker-0', exact: true }).check();
  await page.getByRole('checkbox', { name: 'worker-2', exact: true }).check();
  await field(page, 'Kernel module image').fill('quay.io/acme/sfc-kmod');
  await field(page, 'Kernel module').fill('sfc');
  await expect(field(page, 'MachineConfig name')).toHaveValue('99-sfc2-sfc-day1');
};

/** What the user typed and chose is still there. */
const expectFormIntact = async (page: Page) => {
  await expect(page.getByRole('radio', { name: 'Create a new custom pool' })).toBeChecked();
  await expect(field(page, 'Pool name')).toHaveValue('sfc2');
  await expect(page.getByRole('checkbox', { name: 'worker-0', exact: true })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'worker-2', exact: true })).toBeChecked();
  await expect(field(page, 'Kernel module image')).toHaveValue('quay.io/acme/sfc-kmod');
  await expect(field(page, 'Kernel module')).toHaveValue('sfc');
  await expect(field(page, 'MachineConfig name')).toHaveValue('99-sfc2-sfc-day1');
};

const sfc2MachineConfigs = async (page: Page) =>
  (await namesIn(page.request, MACHINE_CONFIGS)).filter((name) => name.startsWith('99-sfc2-'));

/** Nothing of the failed attempt is left: no pool, no MachineConfig, no node label. */
const expectNothingLeft = async (page: Page) => {
  expect(await getAsAdmin(page.request, `${MCO_API}/machineconfigpools/sfc2`)).toBeUndefined();
  expect(await sfc2MachineConfigs(page)).toEqual([]);
  for (const name of ['worker-0', 'worker-2']) {
    const node = await getAsAdmin<NodeObject>(page.request, `/api/v1/nodes/${name}`);
    expect(node?.metadata.labels?.[POOL_LABEL]).toBeUndefined();
  }
};

const confirmCreate = async (page: Page) => {
  await page.getByTestId('day1-create').click();
  await page.getByTestId('day1-confirm-create').click();
};

/** The retry creates everything once: one pool, one MachineConfig, the labels. */
const retryAndExpectCreatedOnce = async (page: Page) => {
  await confirmCreate(page);
  await expect(page).toHaveURL(/\/day1-kernel-modules\/rollout\/sfc2$/);
  expect(await getAsAdmin(page.request, `${MCO_API}/machineconfigpools/sfc2`)).toBeDefined();
  expect(await sfc2MachineConfigs(page)).toEqual(['99-sfc2-sfc-day1']);
  for (const name of ['worker-0', 'worker-2']) {
    const node = await getAsAdmin<NodeObject>(page.request, `/api/v1/nodes/${name}`);
    expect(node?.metadata.labels?.[POOL_LABEL]).toBe('');
  }
};

/** A real (not dry-run) create of the MachineConfig. */
const isMachineConfigCreate = (route: Route) => {
  const request = route.request();
  const url = new URL(request.url());
  return (
    request.method() === 'POST' &&
    url.pathname.endsWith('/machineconfigs') &&
    !url.searchParams.has('dryRun')
  );
};

const internalError = {
  kind: 'Status',
  apiVersion: 'v1',
  metadata: {},
  status: 'Failure',
  message: 'etcdserver: request timed out',
  reason: 'InternalError',
  code: 500,
};

test.beforeEach(async ({ request }) => {
  await resetCluster(request);
});
test.afterEach(async ({ request }) => {
  await clearFaults(request);
});

test('the API fails when Create is confirmed: a clear error, the form kept, nothing created, then one create on retry', async ({
  page,
  request,
}, testInfo) => {
  await fillCustomPoolForm(page);
  await page.getByTestId('day1-create').click();
  // The next pool create, the dry run of the pool, fails (aimed at it: the page's other requests, such
  // as watches and image checks, may come first).
  await injectFaults(request, {
    apiErrors: { count: 1, status: 500, method: 'POST', path: 'machineconfigpools' },
  });
  await page.getByTestId('day1-confirm-create').click();

  const alert = page.getByTestId('day1-create-error');
  await expect(alert).toHaveAttribute('data-code', '500');
  await expect(alert).toContainText('The dry run failed: nothing was created');
  await expect(alert).toContainText('Every value in the form is kept.');
  await expectFormIntact(page);
  await expectNothingLeft(page);
  await alert.scrollIntoViewIfNeeded();
  await saveScreenshot(page, testInfo, 'fault-create-dry-run-500');

  await retryAndExpectCreatedOnce(page);
});

test('the MachineConfig create fails after the pool was made: the pool is rolled back, then one create on retry', async ({
  page,
}, testInfo) => {
  await fillCustomPoolForm(page);
  let failed = 0;
  await page.route('**/api/kubernetes/**', async (route) => {
    if (failed === 0 && isMachineConfigCreate(route)) {
      failed += 1;
      await route.fulfill({ status: 500, json: internalError });
    } else {
      await route.continue();
    }
  });
  await confirmCreate(page);

  const alert = page.getByTestId('day1-create-error');
  await expect(alert).toHaveAttribute('data-code', '500');
  await expect(alert).toContainText('Create failed: what this attempt had created was rolled back');
  await expect(alert).toContainText('etcdserver: request timed out');
  await expect(page.getByTestId('day1-rollback-failed')).toHaveCount(0);
  expect(failed).toBe(1);
  await expectFormIntact(page);
  // No orphaned pool: the pool made before the failure is gone.
  await expectNothingLeft(page);
  await alert.scrollIntoViewIfNeeded();
  await saveScreenshot(page, testInfo, 'fault-create-rolled-back');

  await retryAndExpectCreatedOnce(page);
});

test('the MachineConfig is created but its answer is lost: the retry does not make a second one', async ({
  page,
}, testInfo) => {
  await fillCustomPoolForm(page);
  let lost = 0;
  await page.route('**/api/kubernetes/**', async (route) => {
    if (lost === 0 && isMachineConfigCreate(route)) {
      lost += 1;
      // The API server stores it; the answer never reaches the console (a proxy timeout).
      await route.fetch();
      await route.fulfill({
        status: 504,
        json: { ...internalError, code: 504, reason: 'Timeout' },
      });
    } else {
      await route.continue();
    }
  });
  await confirmCreate(page);

  const alert = page.getByTestId('day1-create-error');
  await expect(alert).toHaveAttribute('data-code', '504');
  await expect(alert).toContainText('Create failed: what this attempt had created was rolled back');
  await expect(page.getByTestId('day1-rollback-failed')).toHaveCount(0);
  await expectFormIntact(page);
  // The MachineConfig the API server did make is undone with the pool.
  await expectNothingLeft(page);
  await alert.scrollIntoViewIfNeeded();
  await saveScreenshot(page, testInfo, 'fault-create-answer-lost');

  await retryAndExpectCreatedOnce(page);
});
