import { expect, test } from '@playwright/test';
import { resetCluster, saveScreenshot } from './support';

// The coverage scenario: KMM's ice config for workers; quay.io/acme/ice-kmod has a tag for the el9_4
// kernel only, and the odd workers (worker-1, worker-3, and worker-5 in pool sfc) run el9_2.
const EL92 = '5.14.0-284.59.1.el9_2.x86_64';

test.beforeEach(async ({ request }) => {
  await resetCluster(request, 'coverage');
});

test('kernel coverage: the list counts the kernels with a tag, the rollout page names the nodes on the in-tree driver, and a pushed tag completes it', async ({
  page,
  request,
}, testInfo) => {
  await page.goto('/day1-kernel-modules');
  const row = page.getByTestId('day1-config-row-99-ice-day1');
  await expect(row.getByTestId('config-images-count')).toHaveText('Images: 1 of 2 kernels');
  await expect(row.getByTestId('config-images')).toHaveAttribute('data-state', 'partial');

  // The missing tag on hover...
  await row.getByTestId('config-images').hover();
  const details = page.getByTestId('config-images-details');
  await expect(details).toContainText(`Missing tags: ${EL92}`);
  await expect(details).toContainText(
    `quay.io/acme/ice-kmod:${EL92}: No tag: nodes on this kernel run the in-tree driver`,
  );
  await saveScreenshot(page, testInfo, 'kernel-coverage-list');
  await page.mouse.move(0, 0);
  await expect(details).toBeHidden();
  // ...and from the keyboard.
  await row.getByTestId('config-images').focus();
  await expect(page.getByTestId('config-images-details')).toContainText(`Missing tags: ${EL92}`);

  // The rollout page names the nodes, per pool.
  await page.goto('/day1-kernel-modules/rollout');
  const worker = page.getByTestId('in-tree-driver-worker');
  await expect(worker).toContainText('2 nodes of pool worker run the in-tree driver');
  await expect(worker.getByTestId('in-tree-driver-node')).toHaveText(['worker-1', 'worker-3']);
  const sfc = page.getByTestId('in-tree-driver-sfc');
  await expect(sfc).toContainText('1 node of pool sfc runs the in-tree driver');
  await expect(sfc.getByTestId('in-tree-driver-node')).toHaveText(['worker-5']);
  await expect(worker).toContainText(`quay.io/acme/ice-kmod of 99-ice-day1 has no tag (${EL92})`);
  await saveScreenshot(page, testInfo, 'kernel-coverage-rollout');

  // The vendor pushes the el9_2 build.
  const pushed = await request.post('/sim/registry/tags', {
    data: { image: 'quay.io/acme/ice-kmod', tag: EL92 },
  });
  expect(pushed.ok()).toBe(true);
  // A new visit asks the registry again (answers are kept for a few minutes within one).
  await page.reload();
  await expect(page.getByTestId('rollout-view')).toBeVisible();
  await expect(page.getByTestId('in-tree-driver-worker')).toHaveCount(0);
  await page.goto('/day1-kernel-modules');
  await expect(row.getByTestId('config-images-count')).toHaveText('Images: 2 of 2 kernels');
  await expect(row.getByTestId('config-images')).toHaveAttribute('data-state', 'full');
});
