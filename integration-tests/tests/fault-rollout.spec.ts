import { expect, test } from '@playwright/test';
import { day1MachineConfig } from './day1-machine-config';
import {
  MCO_API,
  clearFaults,
  getAsAdmin,
  injectFaults,
  rolloutOfCluster,
  rolloutOnPage,
} from './fault-support';
import { createAsAdmin, resetCluster, saveScreenshot } from './support';

interface Pool {
  status?: { machineCount?: number; updatedMachineCount?: number };
  spec: { configuration?: { source?: { name: string }[] } };
}

test.beforeEach(async ({ request }) => {
  await resetCluster(request);
});
test.afterEach(async ({ request }) => {
  await clearFaults(request);
});

test('a dropped watch and API errors during a rollout: the page says it is reconnecting, recovers, and ends as the cluster is', async ({
  page,
  request,
}, testInfo) => {
  // A re-list that fails is reported at once, not after console's minute of grace.
  await page.goto('/day1-kernel-modules/rollout?reconnectGraceMs=0');
  const sfc = page.getByTestId('pool-card-sfc');
  await expect(sfc).toHaveAttribute('data-state', 'Updated');
  await createAsAdmin(
    request,
    `${MCO_API}/machineconfigs`,
    day1MachineConfig('99-sfc-day1', 'sfc'),
  );
  await expect(sfc).toHaveAttribute('data-state', 'Updating');

  // Every watch drops, and the re-lists fail twice each (the page has four watches).
  await injectFaults(request, { dropWatches: true, apiErrors: { count: 8, status: 500 } });
  const reconnecting = page.getByTestId('rollout-reconnecting');
  await expect(reconnecting).toBeVisible();
  await expect(page.getByTestId('node-table')).toBeVisible();
  await saveScreenshot(page, testInfo, 'fault-rollout-reconnecting');
  await expect(reconnecting).toBeHidden();

  // The rollout ends in the cluster: both sfc nodes on the new config, the module loaded.
  await expect
    .poll(async () => {
      const pool = await getAsAdmin<Pool>(request, `${MCO_API}/machineconfigpools/sfc`);
      const sources = pool?.spec.configuration?.source?.map((s) => s.name) ?? [];
      return sources.includes('99-sfc-day1') && pool?.status?.updatedMachineCount === 2;
    })
    .toBe(true);
  for (const node of ['worker-4', 'worker-5']) {
    await expect
      .poll(async () => {
        const response = await request.get(`/sim/nodes/${node}/day1-status`);
        const files = (await response.json()) as Partial<Record<string, { phase?: string }>>;
        return files['99-sfc-day1']?.phase;
      })
      .toBe('Loaded');
  }

  // The page shows what the cluster's objects say, pool by pool and node by node.
  const cluster = await rolloutOfCluster(request);
  expect(Object.keys(cluster.phases)).toHaveLength(9);
  await expect.poll(() => rolloutOnPage(page)).toEqual(cluster);
  await expect(sfc).toHaveAttribute('data-state', 'Updated');
  await saveScreenshot(page, testInfo, 'fault-rollout-recovered');
});
