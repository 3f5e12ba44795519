import { expect, test } from '@playwright/test';
import { clearFaults, injectFaults } from './fault-support';
import { day1MachineConfig } from './day1-machine-config';
import { createAsAdmin, resetCluster, saveScreenshot } from './support';

test.beforeEach(async ({ request }) => {
  await resetCluster(request);
});
test.afterEach(async ({ request }) => {
  await clearFaults(request);
});

test('the API answers 500 when the rollout page opens: it says so, retries by itself, and recovers once the faults end', async ({
  page,
  request,
}, testInfo) => {
  // Every list of pools fails until the faults are cleared.
  await injectFaults(request, {
    apiErrors: { count: 100_000, status: 500, method: 'GET', path: '/machineconfigpools' },
  });
  await page.goto('/day1-kernel-modules/rollout');

  const error = page.getByTestId('rollout-error');
  await expect(error).toContainText('Could not load the rollout');
  await expect(page.getByTestId('rollout-retry')).toBeVisible();
  // The masthead does not claim the page is live.
  await expect(page.getByTestId('watch-status')).toHaveAttribute('data-failing', 'true');
  // It tries again by itself, with backoff.
  await expect(page.getByTestId('rollout-retry-status')).toContainText(/Failed [2-9] times/);
  await saveScreenshot(page, testInfo, 'fault-retry-failing');

  // The Retry button tries at once (and fails again while the faults last).
  await page.getByTestId('rollout-retry').click();
  await expect(error).toBeVisible();

  await clearFaults(request);
  // No click: the page recovers by itself and says so.
  await expect(page.getByTestId('pool-card-sfc')).toBeVisible();
  await expect(error).toBeHidden();
  await expect(page.getByTestId('rollout-recovered')).toContainText('It is live again.');
  await expect(page.getByTestId('watch-status')).toHaveAttribute('data-failing', 'false');
  await saveScreenshot(page, testInfo, 'fault-retry-recovered');
});

test('a drain blocked by a PodDisruptionBudget: the node says why, for how long, and when it should be done', async ({
  page,
  request,
}, testInfo) => {
  await injectFaults(request, { hangDrain: 'worker-4' });
  await page.goto('/day1-kernel-modules/rollout/sfc');
  await expect(page.getByTestId('pool-card-sfc')).toHaveAttribute('data-state', 'Updated');
  await createAsAdmin(
    request,
    '/apis/machineconfiguration.openshift.io/v1/machineconfigs',
    day1MachineConfig('99-sfc-day1', 'sfc'),
  );

  const row = page.getByTestId('node-row-worker-4');
  await expect(row).toHaveAttribute('data-phase', 'Draining');
  const message = row.getByTestId('node-message');
  await expect(message).toContainText(
    /Drain blocked: evicting pod kmm-day1-demo\/sfc-traffic-generator-\S+ would violate its PodDisruptionBudget\./,
  );
  await expect(message.getByTestId('node-drain-blocked-for')).toContainText('Draining for');
  // Its estimate: in some minutes, or overdue.
  await expect(row.getByTestId('node-estimate')).toHaveAttribute('data-estimate', /^(at|late)$/);
  await saveScreenshot(page, testInfo, 'fault-drain-blocked');

  // The budget allows the eviction again: the drain finishes and the node moves on.
  await clearFaults(request);
  await expect(row).not.toHaveAttribute('data-phase', 'Draining');
  await expect(message).not.toContainText('Drain blocked');
});
