/**
 * Day 1 status from the nodes' status files, read through the API server's node proxy (issue 14): what
 * the rollout page, its node drawer and the list page show, for the admin and for a user without
 * `get nodes/proxy`, when a load fails and when a node stops answering.
 */
import { expect, test } from '@playwright/test';
import type { APIRequestContext, Page } from '@playwright/test';
import { day1MachineConfig } from './day1-machine-config';
import { MCO_API, clearFaults, injectFaults } from './fault-support';
import { createAsAdmin, resetCluster, saveScreenshot } from './support';

const MC = '99-sfc-day1';
const SFC_NODES = ['worker-4', 'worker-5'];
/** A rollout of the sfc pool at the suite's time scale, with its Day 1 reboot. */
const ROLLOUT_TIMEOUT = 45_000;

const nodeRow = (page: Page, name: string) => page.getByTestId(`node-row-${name}`);
const day1Cell = (page: Page, name: string) => nodeRow(page, name).getByTestId('day1-follow-up');

/** What the simulated node wrote in its status file for the config (the simulator's control API). */
const phaseOnNode = async (
  request: APIRequestContext,
  node: string,
): Promise<string | undefined> => {
  const response = await request.get(`/sim/nodes/${node}/day1-status`);
  const statuses = (await response.json()) as Record<string, { phase: string } | undefined>;
  return statuses[MC]?.phase;
};

/** Creates the sfc pool's Day 1 config as the admin, and waits until both nodes wrote `phase`. */
const rollOutSfc = async (request: APIRequestContext, phases: Record<string, string>) => {
  await createAsAdmin(request, `${MCO_API}/machineconfigs`, day1MachineConfig(MC, 'sfc'));
  for (const [node, phase] of Object.entries(phases)) {
    await expect.poll(() => phaseOnNode(request, node), { timeout: ROLLOUT_TIMEOUT }).toBe(phase);
  }
};

/** Every node proxy request the page makes (status files and journals). */
const proxyRequests = (page: Page): string[] => {
  const urls: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/proxy/logs/')) urls.push(request.url());
  });
  return urls;
};

test.beforeEach(async ({ request }) => {
  await resetCluster(request);
});

test.afterEach(async ({ request }) => {
  await clearFaults(request);
  await resetCluster(request);
});

test('the demo rollout ends with the module loaded on 2 of 2 nodes, without Verify', async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(120_000);
  await page.goto('/day1-kernel-modules/rollout/sfc');
  const card = page.getByTestId('pool-card-sfc');
  await expect(card).toHaveAttribute('data-state', 'Updated');
  await createAsAdmin(request, `${MCO_API}/machineconfigs`, day1MachineConfig(MC, 'sfc'));
  await expect(card).toHaveAttribute('data-state', 'Updating');

  // Read from each node's status file as the rollout goes: no Verify is clicked in this test.
  await expect(card.getByTestId('pool-day1-loaded')).toHaveText('Module loaded on 2 of 2 nodes', {
    timeout: ROLLOUT_TIMEOUT,
  });
  await expect(card).toHaveAttribute('data-state', 'Updated', { timeout: ROLLOUT_TIMEOUT });
  for (const node of SFC_NODES) {
    await expect(day1Cell(page, node)).toHaveAttribute('data-state', 'Loaded');
    await expect(day1Cell(page, node)).toHaveText('Loaded');
    // The deep check is still there.
    await expect(nodeRow(page, node).getByTestId('node-verify')).not.toHaveAttribute(
      'aria-disabled',
      'true',
    );
  }
  await expect(card.getByTestId('pool-day1-failed')).toHaveCount(0);
  await expect(card.getByTestId('pool-day1-unreachable')).toHaveCount(0);
  await expect(page.getByTestId('day1-status-progress')).toContainText(
    'Day 1 status read from 2 of 2 nodes',
  );
  await expect(page.getByTestId('verify-node-modal')).toHaveCount(0);
  // No Verify pod was ever made.
  const pods = await request.get('/api/kubernetes/api/v1/namespaces/default/pods', {
    headers: { Cookie: 'kmm-day1-user=admin' },
  });
  expect(((await pods.json()) as { items: unknown[] }).items).toEqual([]);
  await saveScreenshot(page, testInfo, 'day1-status-loaded-2-of-2');

  // The list page says the same per config.
  await page.goto('/day1-kernel-modules');
  await expect(
    page.getByTestId(`day1-config-row-${MC}`).getByTestId('config-loaded-count'),
  ).toHaveText('Loaded on 2 of 2');
});

test('a failed load shows as failed with the in-tree driver restored, and the card links to it', async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(120_000);
  await injectFaults(request, { failLoad: 'worker-4' });
  await rollOutSfc(request, { 'worker-4': 'LoadFailed', 'worker-5': 'Loaded' });
  await page.goto('/day1-kernel-modules/rollout/sfc');

  const failed = day1Cell(page, 'worker-4');
  await expect(failed).toHaveAttribute('data-state', 'LoadFailed');
  await expect(failed).toHaveText('Load failed, in-tree driver restored');
  await expect(day1Cell(page, 'worker-5')).toHaveAttribute('data-state', 'Loaded');

  // What it means, on hover.
  await failed.hover();
  await expect(page.getByRole('tooltip')).toContainText(
    'The out-of-tree module did not load; the in-tree driver was loaded again.',
  );
  await saveScreenshot(page, testInfo, 'day1-status-load-failed-hover');

  // And in the node's drawer, from its status file.
  await nodeRow(page, 'worker-4').getByTestId('node-name').click();
  const config = page.getByTestId('node-details').getByTestId(`day1-config-${MC}`);
  await expect(config.getByTestId('day1-config-state')).toHaveAttribute('data-state', 'LoadFailed');
  await expect(config.getByTestId('day1-config-state')).toContainText(
    'Load failed, in-tree driver restored',
  );
  await expect(config.getByTestId('day1-config-detail')).toContainText(
    'the in-tree driver was loaded again',
  );
  await expect(config.getByTestId('day1-status-phase')).toHaveText('LoadFailed');
  await expect(config.getByTestId('day1-status-fields')).toContainText('In-tree driver restored');
  await expect(config.getByTestId('day1-status-fields')).toContainText('WorkerFailed');
  await saveScreenshot(page, testInfo, 'day1-status-load-failed-drawer');
  await page.getByRole('button', { name: 'Close the node details' }).click();

  // The pool card counts it, and its failed count opens the table filtered on it.
  const card = page.getByTestId('pool-card-sfc');
  await expect(card.getByTestId('pool-day1-loaded')).toHaveText('Module loaded on 1 of 2 nodes');
  await expect(card.getByTestId('pool-day1-failed')).toHaveText('1 failed');
  await card.getByTestId('pool-day1-failed').click();
  await expect(page).toHaveURL(/\/day1-kernel-modules\/rollout\/sfc\?day1=failed$/);
  const table = page.getByTestId('node-table');
  await expect(table).toHaveAttribute('data-matching', '1');
  await expect(nodeRow(page, 'worker-4')).toBeVisible();
  await expect(nodeRow(page, 'worker-5')).toHaveCount(0);
  await page.getByTestId('day1-filter-toggle').click();
  await expect(page.getByTestId('day1-filter-failed').getByRole('checkbox')).toBeChecked();
  await expect(page.getByTestId('day1-filter-loaded').getByRole('checkbox')).not.toBeChecked();
  await page.keyboard.press('Escape');
  await saveScreenshot(page, testInfo, 'day1-status-failed-filter');
});

test('the read-only user sees why the Day 1 column is empty, and Verify is still offered', async ({
  page,
  request,
  context,
  baseURL,
}, testInfo) => {
  test.setTimeout(120_000);
  await rollOutSfc(request, { 'worker-4': 'Loaded', 'worker-5': 'Loaded' });
  await context.addCookies([{ name: 'kmm-day1-user', value: 'read-only', url: baseURL }]);
  const proxied = proxyRequests(page);
  await page.goto('/day1-kernel-modules/rollout/sfc');

  await expect(page.getByTestId('day1-no-access')).toContainText(
    'The nodes’ Day 1 status files cannot be read',
  );
  await expect(page.getByTestId('day1-no-access')).toContainText(
    'needs permission to get nodes/proxy',
  );
  for (const node of SFC_NODES) {
    await expect(day1Cell(page, node)).toHaveAttribute('data-state', 'NoAccess');
    await expect(day1Cell(page, node)).toHaveText('No access');
    await expect(nodeRow(page, node).getByTestId('node-verify')).not.toHaveAttribute(
      'aria-disabled',
      'true',
    );
  }
  await day1Cell(page, 'worker-4').hover();
  await expect(page.getByRole('tooltip')).toContainText('Verify runs a pod on the node instead');
  await expect(page.getByTestId('pool-card-sfc').getByTestId('pool-day1-loaded')).toHaveText(
    'Module loaded: not known without access to the nodes’ status files',
  );
  await saveScreenshot(page, testInfo, 'day1-status-no-access');

  // The drawer says why there is no journal, and offers Verify.
  await nodeRow(page, 'worker-4').getByTestId('node-name').click();
  const details = page.getByTestId('node-details');
  await expect(details.getByTestId('day1-journal-no-access')).toContainText(
    'Verify shows it instead',
  );
  await expect(details.getByTestId('node-details-verify')).not.toHaveAttribute(
    'aria-disabled',
    'true',
  );
  // Verify opens, for the config; it checks the user's pod rights itself (read-only has none).
  await details.getByTestId('node-details-verify').click();
  const modal = page.getByTestId('verify-node-modal');
  await expect(modal).toContainText(`Day 1 configs checked: ${MC}`);
  await expect(modal.getByTestId('verify-denied')).toContainText('You cannot create pods');
  // Gated on the access review: nothing was asked of the node proxy.
  expect(proxied).toEqual([]);

  // The list page gives the same reason.
  await page.goto('/day1-kernel-modules');
  await expect(
    page.getByTestId(`day1-config-row-${MC}`).getByTestId('config-loaded-no-access'),
  ).toHaveText('No access');
  expect(proxied).toEqual([]);
});

test('a node that stops answering shows as unreachable, not failed, with its last known state', async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(120_000);
  await rollOutSfc(request, { 'worker-4': 'Loaded', 'worker-5': 'Loaded' });
  await page.goto('/day1-kernel-modules/rollout/sfc');
  await expect(day1Cell(page, 'worker-4')).toHaveAttribute('data-state', 'Loaded');
  await expect(day1Cell(page, 'worker-5')).toHaveAttribute('data-state', 'Loaded');

  // worker-4's kubelet stops answering; the next reading of every node (Refresh) times out on it.
  await injectFaults(request, { hangProxy: 'worker-4' });
  await page.getByTestId('day1-refresh').click();
  const down = day1Cell(page, 'worker-4');
  // The console gives up on a node after 10 s.
  await expect(down).toHaveAttribute('data-state', 'Unreachable', { timeout: 20_000 });
  await expect(down).toHaveText('Unreachable');
  await expect(day1Cell(page, 'worker-5')).toHaveAttribute('data-state', 'Loaded');
  await down.hover();
  const tooltip = page.getByRole('tooltip');
  await expect(tooltip).toContainText('The API server could not reach the node');
  await expect(tooltip).toContainText('no answer within 10 s');
  await expect(tooltip).toContainText('Last known: Loaded');

  const card = page.getByTestId('pool-card-sfc');
  await expect(card.getByTestId('pool-day1-unreachable')).toHaveText('1 unreachable');
  await expect(card.getByTestId('pool-day1-failed')).toHaveCount(0);
  await expect(card.getByTestId('pool-day1-loaded')).toHaveText('Module loaded on 1 of 2 nodes');
  await saveScreenshot(page, testInfo, 'day1-status-unreachable');

  // The drawer keeps the last status file read.
  await nodeRow(page, 'worker-4').getByTestId('node-name').click();
  const config = page.getByTestId('node-details').getByTestId(`day1-config-${MC}`);
  await expect(config.getByTestId('day1-config-state')).toHaveAttribute(
    'data-state',
    'Unreachable',
  );
  await expect(config.getByTestId('day1-status-phase')).toHaveText('Loaded');
  await page.getByRole('button', { name: 'Close the node details' }).click();

  // Its unreachable count opens the table filtered on it.
  await card.getByTestId('pool-day1-unreachable').click();
  await expect(page).toHaveURL(/\?day1=unreachable$/);
  await expect(page.getByTestId('node-table')).toHaveAttribute('data-matching', '1');
  await expect(nodeRow(page, 'worker-4')).toBeVisible();
  await expect(nodeRow(page, 'worker-5')).toHaveCount(0);
});

test('a corrupt status file shows as unreadable, not as a node that is down', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  await rollOutSfc(request, { 'worker-4': 'Loaded', 'worker-5': 'Loaded' });
  await injectFaults(request, { corruptStatus: 'worker-4' });
  await page.goto('/day1-kernel-modules/rollout/sfc');
  const corrupt = day1Cell(page, 'worker-4');
  await expect(corrupt).toHaveAttribute('data-state', 'Unreadable');
  await expect(corrupt).toHaveText('Unreadable');
  await expect(day1Cell(page, 'worker-5')).toHaveAttribute('data-state', 'Loaded');
  await corrupt.hover();
  await expect(page.getByRole('tooltip')).toContainText('The status file is malformed');
  await expect(page.getByTestId('pool-card-sfc').getByTestId('pool-day1-unreachable')).toHaveCount(
    0,
  );
});

test("the node drawer shows the status file and the Day 1 units' journal", async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(120_000);
  await rollOutSfc(request, { 'worker-4': 'Loaded', 'worker-5': 'Loaded' });
  await page.goto('/day1-kernel-modules/rollout/sfc');
  await expect(day1Cell(page, 'worker-5')).toHaveAttribute('data-state', 'Loaded');

  const journalRequest = page.waitForRequest((r) => r.url().includes('/proxy/logs/journal'));
  await nodeRow(page, 'worker-5').getByTestId('node-name').click();
  const details = page.getByTestId('node-details');
  const config = details.getByTestId(`day1-config-${MC}`);
  await expect(config.getByTestId('day1-config-state')).toHaveAttribute('data-state', 'Loaded');
  await expect(config.getByTestId('day1-status-phase')).toHaveText('Loaded');
  await expect(config.getByTestId('day1-status-boot')).toContainText('(the current boot)');
  await expect(config.getByTestId('day1-status-fields')).toContainText(
    'quay.io/acme/sfc-kmod:5.14.0-284.59.1.el9_2.x86_64',
  );

  // The journal of both Day 1 units, as `oc adm node-logs -u` asks for it.
  const journal = details.getByTestId('day1-journal');
  await expect(journal).toContainText(
    `kmm-day1[${MC}]: module sfc loaded from quay.io/acme/sfc-kmod:5.14.0-284.59.1.el9_2.x86_64`,
  );
  await expect(journal).toContainText('worker-5');
  const url = new URL((await journalRequest).url());
  expect(url.pathname).toBe('/api/kubernetes/api/v1/nodes/worker-5/proxy/logs/journal');
  const units = [`${MC}-replace-kernel-module.service`, `${MC}-pull-kernel-module-image.service`];
  expect(url.searchParams.getAll('unit').sort()).toEqual([...units].sort());
  expect(url.searchParams.getAll('query').sort()).toEqual([...units].sort());
  // The lines are capped.
  expect(url.searchParams.get('tailLines')).toBe('100');
  await saveScreenshot(page, testInfo, 'day1-status-node-drawer');
});
