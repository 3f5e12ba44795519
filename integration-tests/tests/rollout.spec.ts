import { expect, test } from '@playwright/test';
import type { APIRequestContext, Page } from '@playwright/test';
import { day1MachineConfig } from './day1-machine-config';
import { createAsAdmin, saveScreenshot } from './support';

const MC_PATH = '/apis/machineconfiguration.openshift.io/v1/machineconfigs';
const MCP_PATH = '/apis/machineconfiguration.openshift.io/v1/machineconfigpools';
const ADMIN = { Cookie: 'kmm-day1-user=admin' };
/** playwright.config.ts starts the simulator at this speed; tests that slow it down restore it. */
const DEFAULT_TIME_SCALE = 0.05;

const reset = async (
  request: APIRequestContext,
  scenario = 'demo',
  timeScale = DEFAULT_TIME_SCALE,
) => {
  const response = await request.post('/sim/reset', { data: { scenario, timeScale } });
  expect(response.ok()).toBe(true);
};

const fault = async (request: APIRequestContext, body: unknown) => {
  const response = await request.post('/sim/faults', { data: body });
  expect(response.ok()).toBe(true);
};

const day1Phase = async (request: APIRequestContext, node: string, mc: string) => {
  const response = await request.get(`/sim/nodes/${node}/day1-status`);
  const statuses = (await response.json()) as Record<string, { phase: string } | undefined>;
  return statuses[mc]?.phase;
};

const nodeRow = (page: Page, name: string) => page.getByTestId(`node-row-${name}`);

test.afterEach(async ({ request }) => {
  await reset(request);
});

test('a Day 1 rollout goes from Updating to Updated, node by node, on screen', async ({
  page,
  request,
}, testInfo) => {
  // Slower than the other tests, so that each node's steps stay on screen for a moment.
  await reset(request, 'demo', 0.2);
  await page.goto('/day1-kernel-modules/rollout/sfc');
  const card = page.getByTestId('pool-card-sfc');
  await expect(card).toHaveAttribute('data-state', 'Updated');
  await expect(card.getByTestId('pool-progress')).toContainText('2 of 2');
  await expect(card.getByTestId('pool-day1-configs')).toContainText('None');

  await createAsAdmin(request, MC_PATH, day1MachineConfig('99-sfc-day1', 'sfc'));

  await expect(card).toHaveAttribute('data-state', 'Updating');
  await expect(card.getByTestId('pool-day1-configs')).toContainText('99-sfc-day1 (new)');
  await expect(card.getByTestId('pool-progress')).toHaveAttribute('data-updated', '0');
  // maxUnavailable 1: one node moves through MCO's steps while the other waits.
  const inProgress = page.locator(
    '[data-test="node-table"] tr:is([data-phase="Draining"], [data-phase="Updating"], [data-phase="Rebooting"])',
  );
  await expect(inProgress).toHaveCount(1);
  await expect(page.locator('[data-test="node-table"] tr[data-phase="Pending"]')).toHaveCount(1);
  await saveScreenshot(page, testInfo, 'rollout-updating');

  await expect(card.getByTestId('pool-progress')).toHaveAttribute('data-updated', '1', {
    timeout: 45_000,
  });
  await expect(card).toHaveAttribute('data-state', 'Updated', { timeout: 45_000 });
  await expect(card.getByTestId('pool-progress')).toContainText('2 of 2');
  await expect(card.getByTestId('pool-time-left')).toHaveText('Done');
  for (const node of ['worker-4', 'worker-5']) {
    await expect(nodeRow(page, node)).toHaveAttribute('data-phase', 'Updated');
  }
  await saveScreenshot(page, testInfo, 'rollout-updated');
});

test("the MachineConfigPool's Day 1 tab shows that pool's rollout", async ({
  page,
  request,
}, testInfo) => {
  await reset(request);
  await createAsAdmin(request, MC_PATH, day1MachineConfig('99-sfc-day1', 'sfc'));
  await page.goto('/k8s/cluster/machineconfiguration.openshift.io~v1~MachineConfigPool/sfc');
  await page.getByRole('tab', { name: 'Day 1 kernel modules' }).click();
  const section = page.getByTestId('pool-rollout-section');
  await expect(section.getByTestId('pool-card-sfc')).toBeVisible();
  await expect(section.locator('[data-test^="pool-card-"]')).toHaveCount(1);
  await expect(section.getByTestId('node-table')).toHaveAttribute('data-matching', '2');
  await expect(section.getByTestId('pool-card-sfc')).toHaveAttribute('data-state', 'Updated', {
    timeout: 45_000,
  });
  await saveScreenshot(page, testInfo, 'machineconfigpool-day1-tab-rollout');
});

test('a degraded node shows its reason, in the table and in its details', async ({
  page,
  request,
}, testInfo) => {
  await reset(request);
  await fault(request, { degradeNode: 'worker-4' });
  await createAsAdmin(request, MC_PATH, day1MachineConfig('99-sfc-day1', 'sfc'));
  await page.goto('/day1-kernel-modules/rollout/sfc');

  const row = nodeRow(page, 'worker-4');
  await expect(row).toHaveAttribute('data-phase', 'Degraded');
  await expect(row.getByTestId('node-message')).toContainText('content mismatch for file');
  await expect(page.getByTestId('pool-card-sfc')).toHaveAttribute('data-state', 'Degraded');
  await expect(page.getByTestId('pool-degraded-count')).toHaveText('1');

  // Keyboard: open the node's details from its name.
  await row.getByTestId('node-name').focus();
  await page.keyboard.press('Enter');
  const details = page.getByTestId('node-details');
  await expect(details.getByTestId('node-details-phase')).toContainText('Degraded');
  await expect(details.getByTestId('node-details-message')).toContainText(
    'unexpected on-disk state',
  );
  await expect(details.getByTestId('node-details-annotations')).toContainText('Degraded');
  await expect(details.getByTestId('mcn-condition-NodeDegraded')).toContainText('True');
  await expect(details.getByTestId('node-details-link')).toHaveAttribute(
    'href',
    '/k8s/cluster/nodes/worker-4',
  );
  await saveScreenshot(page, testInfo, 'rollout-degraded-node');
});

test('a paused pool is shown as paused and can be resumed', async ({ page, request }, testInfo) => {
  await reset(request);
  const pause = await request.patch(`/api/kubernetes${MCP_PATH}/sfc`, {
    data: { spec: { paused: true } },
    headers: { ...ADMIN, 'Content-Type': 'application/merge-patch+json' },
  });
  expect(pause.ok()).toBe(true);
  await createAsAdmin(request, MC_PATH, day1MachineConfig('99-sfc-day1', 'sfc'));
  await page.goto('/day1-kernel-modules/rollout');

  const card = page.getByTestId('pool-card-sfc');
  await expect(card).toHaveAttribute('data-state', 'Paused');
  await expect(nodeRow(page, 'worker-4')).toHaveAttribute('data-phase', 'Paused');
  await expect(card.getByTestId('pool-time-left')).toContainText('Not estimated');
  await saveScreenshot(page, testInfo, 'rollout-paused-pool');

  await card.getByTestId('resume-pool').click();
  const modal = page.getByTestId('resume-pool-modal');
  await expect(modal.getByTestId('resume-pool-warning')).toContainText(
    'drain and reboot the nodes of sfc',
  );
  await expect(modal.getByTestId('resume-pool-warning')).toContainText('Nodes to update: 2');
  await modal.getByTestId('confirm-resume-pool').click();
  await expect(modal).toBeHidden();
  await expect(card).not.toHaveAttribute('data-state', 'Paused');
  await expect(card.getByTestId('resume-pool')).toHaveCount(0);
  const pool = await request.get(`/api/kubernetes${MCP_PATH}/sfc`, { headers: ADMIN });
  expect(((await pool.json()) as { spec: { paused?: boolean } }).spec.paused).toBe(false);
  await expect(card).toHaveAttribute('data-state', 'Updated', { timeout: 45_000 });
});

test('the read-only user cannot resume a pool or run Verify', async ({
  page,
  request,
  context,
  baseURL,
}) => {
  await reset(request);
  const pause = await request.patch(`/api/kubernetes${MCP_PATH}/sfc`, {
    data: { spec: { paused: true } },
    headers: { ...ADMIN, 'Content-Type': 'application/merge-patch+json' },
  });
  expect(pause.ok()).toBe(true);
  await createAsAdmin(request, MC_PATH, day1MachineConfig('99-sfc-day1', 'sfc'));
  await context.addCookies([{ name: 'kmm-day1-user', value: 'read-only', url: baseURL }]);
  await page.goto('/day1-kernel-modules/rollout/sfc');
  await expect(page.getByTestId('resume-pool')).toHaveAttribute('aria-disabled', 'true');

  await nodeRow(page, 'worker-4').getByTestId('node-verify').click();
  const modal = page.getByTestId('verify-node-modal');
  await expect(modal.getByTestId('verify-denied')).toContainText(
    'You cannot create pods in default.',
  );
  await expect(modal.getByTestId('verify-run')).toHaveAttribute('aria-disabled', 'true');
});

test('Verify shows the module loaded on a good node, and why not on a node whose tag is missing', async ({
  page,
  request,
}, testInfo) => {
  await reset(request);
  // quay.io/acme/ice-kmod has a tag for el9_4 (worker-4) only, not for el9_2 (worker-5).
  await createAsAdmin(request, MC_PATH, day1MachineConfig('99-ice-day1', 'sfc', 'ice'));
  await page.goto('/day1-kernel-modules/rollout/sfc');
  await expect(page.getByTestId('pool-card-sfc')).toHaveAttribute('data-state', 'Updated', {
    timeout: 45_000,
  });
  // The Day 1 pull and, on worker-4, the second reboot happen before MCO is done with each node.
  await expect
    .poll(() => day1Phase(request, 'worker-4', '99-ice-day1'), { timeout: 45_000 })
    .toBe('Loaded');
  await expect
    .poll(() => day1Phase(request, 'worker-5', '99-ice-day1'), { timeout: 45_000 })
    .toBe('PullFailed');
  await expect(nodeRow(page, 'worker-4')).toHaveAttribute('data-phase', 'Updated');
  // Read from the node's status file through the API server, before any Verify.
  await expect(nodeRow(page, 'worker-4').getByTestId('day1-follow-up')).toHaveAttribute(
    'data-state',
    'Loaded',
    { timeout: 45_000 },
  );
  await expect(nodeRow(page, 'worker-5').getByTestId('day1-follow-up')).toHaveAttribute(
    'data-state',
    'PullFailed',
    { timeout: 45_000 },
  );

  await nodeRow(page, 'worker-4').getByTestId('node-verify').click();
  const modal = page.getByTestId('verify-node-modal');
  await expect(modal).toContainText('Day 1 configs checked: 99-ice-day1');
  await modal.getByTestId('verify-run').click();
  await expect(modal.getByTestId('verify-outcome')).toContainText('Module loaded');
  await expect(modal.getByTestId('verify-step-deleting')).toHaveAttribute('data-status', 'done');
  await modal.getByTestId('verify-raw-output').getByRole('button').click();
  await expect(modal.getByTestId('verify-raw-output')).toContainText('"phase": "Loaded"');
  await saveScreenshot(page, testInfo, 'verify-module-loaded');
  await modal.getByTestId('verify-close').click();
  await expect(nodeRow(page, 'worker-4').getByTestId('day1-follow-up')).toHaveText(/Module loaded/);

  await nodeRow(page, 'worker-5').getByTestId('node-verify').click();
  await modal.getByTestId('verify-run').click();
  await expect(modal.getByTestId('verify-outcome')).toContainText(
    'Module not loaded: pulling quay.io/acme/ice-kmod:5.14.0-284.59.1.el9_2.x86_64 failed',
  );
  await expect(modal.getByTestId('verify-outcome')).toContainText('keeps its in-tree driver');
  await saveScreenshot(page, testInfo, 'verify-module-not-loaded');
  await modal.getByTestId('verify-close').click();
  await expect(nodeRow(page, 'worker-5').getByTestId('day1-follow-up')).toContainText(
    'Module not loaded',
  );

  // Every verify pod was deleted.
  const pods = await request.get('/api/kubernetes/api/v1/namespaces/default/pods', {
    headers: ADMIN,
  });
  expect(((await pods.json()) as { items: unknown[] }).items).toEqual([]);
});

test('the large scenario (2,000 nodes) renders, filters and pages', async ({
  page,
  request,
}, testInfo) => {
  // Real-time speed: the rollout started below stays in progress while the test filters it.
  await reset(request, 'large', 1);
  await page.goto('/day1-kernel-modules/rollout?theme=dark');
  const table = page.getByTestId('node-table');
  await expect(table).toHaveAttribute('data-matching', '2000', { timeout: 30_000 });
  // Ten pools: a summary row each, not ten full cards above the nodes.
  await expect(page.locator('tr[data-test^="pool-summary-"]')).toHaveCount(10);
  await expect(page.locator('[data-test^="pool-card-"]')).toHaveCount(0);
  await expect(table.locator('tbody tr')).toHaveCount(20);

  // Start a rollout in one custom pool while the page is open.
  await createAsAdmin(request, MC_PATH, day1MachineConfig('99-sfc-day1', 'sfc'));
  const sfcSummary = page.getByTestId('pool-summary-sfc');
  await expect(sfcSummary).toHaveAttribute('data-state', 'Updating');
  // Its full card opens from the keyboard.
  await sfcSummary.getByRole('button').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('pool-card-sfc')).toHaveAttribute('data-state', 'Updating');

  // The sfc pool's nodes wait their turn (maxUnavailable 10%): filter them.
  await page.getByTestId('phase-filter-toggle').click();
  await page.getByTestId('phase-filter-Pending').click();
  await page.keyboard.press('Escape');
  await expect(table.locator('tbody tr[data-phase="Pending"]')).toHaveCount(20);
  await expect(table.locator('tbody tr:not([data-phase="Pending"])')).toHaveCount(0);

  const top = page.getByTestId('node-pagination-top');
  const firstName = await table.locator('tbody tr').first().getAttribute('data-test');
  await page
    .getByTestId('node-pagination-bottom')
    .getByRole('button', { name: 'Go to next page' })
    .click();
  await expect(top).toContainText('21 - 40');
  await expect(table.locator('tbody tr').first()).not.toHaveAttribute('data-test', firstName ?? '');
  await expect(table.locator('tbody tr[data-phase="Pending"]').first()).toBeVisible();

  await page.getByRole('button', { name: 'Clear all filters' }).first().click();
  await page.getByTestId('node-search').locator('input').fill('worker-1234');
  await expect(table).toHaveAttribute('data-matching', '1');
  await expect(nodeRow(page, 'worker-1234')).toBeVisible();
  await nodeRow(page, 'worker-1234').getByTestId('node-name').click();
  await expect(page.getByTestId('node-details')).toContainText('worker-1234');
  await saveScreenshot(page, testInfo, 'rollout-large-scenario');
});
