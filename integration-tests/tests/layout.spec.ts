/**
 * The pages at a laptop's width (1280 px, with console's navigation open) and at a desktop's (1920 px):
 * columns keep a readable width, nothing is wider than its container, tabs are visible or in
 * PatternFly's overflow menu, and the node details keep to PatternFly's drawer guidance.
 */
import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { day1MachineConfig } from './day1-machine-config';
import { MCO_API, injectFaults } from './fault-support';
import { createAsAdmin, resetCluster, saveScreenshot } from './support';

const WIDTHS = [1280, 1920];
/** Enough for a few words a line: "Waiting for MCO", "content mismatch for". */
const READABLE_COLUMN_PX = 120;
/** Rounding of sub-pixel layout. */
const TOLERANCE_PX = 1;

/**
 * Elements under `root` that reach past the right edge of their parent, where the parent shows the
 * overflow (not scrolled or clipped). Out-of-flow elements (screen-reader text, popups) are left out.
 */
const overflowing = (root: Locator): Promise<string[]> =>
  root.evaluate((rootElement, tolerance) => {
    const found: string[] = [];
    // The nearest ancestor that has a box of its own (wrappers may be `display: contents`).
    const boxedParent = (element: Element) => {
      let parent = element.parentElement;
      while (parent && getComputedStyle(parent).display === 'contents') {
        parent = parent.parentElement;
      }
      return parent;
    };
    for (const element of rootElement.querySelectorAll('*')) {
      const parent = boxedParent(element);
      if (!parent) continue;
      const style = getComputedStyle(element);
      if (style.position === 'absolute' || style.position === 'fixed') continue;
      if (getComputedStyle(parent).overflowX !== 'visible') continue;
      const box = element.getBoundingClientRect();
      const parentBox = parent.getBoundingClientRect();
      if (box.width > 0 && box.right > parentBox.right + tolerance) {
        const test = element.getAttribute('data-test') ?? '';
        found.push(
          `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}[${test}] ends at ${String(Math.round(box.right))}, its parent at ${String(Math.round(parentBox.right))}`,
        );
      }
    }
    return found;
  }, TOLERANCE_PX);

const widthOf = async (locator: Locator): Promise<number> => {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not rendered');
  return box.width;
};

const header = (table: Locator, name: string) =>
  table.getByRole('columnheader', { name, exact: true });

/** The sfc pool mid-rollout, with one node degraded: long messages in both text columns. */
const openDegradedRollout = async (page: Page) => {
  await injectFaults(page.request, { degradeNode: 'worker-4' });
  await createAsAdmin(
    page.request,
    `${MCO_API}/machineconfigs`,
    day1MachineConfig('99-sfc-day1', 'sfc'),
  );
  await page.goto('/day1-kernel-modules/rollout/sfc');
  const row = page.getByTestId('node-row-worker-4');
  await expect(row).toHaveAttribute('data-phase', 'Degraded');
  await expect(row.getByTestId('node-message')).toContainText('content mismatch for file');
  return row;
};

test.beforeEach(async ({ request }) => {
  await resetCluster(request);
});

test.afterEach(async ({ request }) => {
  await resetCluster(request);
});

for (const width of WIDTHS) {
  test(`at ${String(width)} px the node table's text columns stay readable and nothing overflows`, async ({
    page,
  }, testInfo) => {
    await page.setViewportSize({ width, height: 1000 });
    await openDegradedRollout(page);
    const table = page.getByTestId('node-table');

    for (const column of ['Day 1 follow-up', 'Message']) {
      expect(await widthOf(header(table, column))).toBeGreaterThanOrEqual(READABLE_COLUMN_PX);
    }
    // The two configs need PatternFly's 2xl breakpoint (1450 px); below it the details show them.
    await expect(header(table, 'Current / desired config')).toBeVisible({
      visible: width >= 1450,
    });
    // So does the estimate; the node details show it at every width.
    await expect(header(table, 'Done in')).toBeVisible({ visible: width >= 1450 });
    expect(await overflowing(page.getByTestId('rollout-view'))).toEqual([]);
    await saveScreenshot(page, testInfo, `layout-rollout-${String(width)}`);
  });

  test(`at ${String(width)} px the create page's preflight and preview fit their cards`, async ({
    page,
  }, testInfo) => {
    await page.setViewportSize({ width, height: 1000 });
    await page.goto('/day1-kernel-modules/~new');
    // A new pool: the preview has three tabs. An image the registry does not know: long messages.
    await page.getByRole('radio', { name: 'Create a new custom pool' }).check();
    await page.getByRole('textbox', { name: 'Pool name', exact: true }).fill('sfc2');
    await page.getByRole('checkbox', { name: 'worker-0', exact: true }).check();
    await page
      .getByRole('textbox', { name: 'Kernel module image', exact: true })
      .fill('quay.io/acme-corporation-registry/unknown-kmod');
    await page.getByRole('textbox', { name: 'Kernel module', exact: true }).fill('sfc');

    const groups = page.getByTestId('day1-kernel-groups');
    await expect(groups.getByTestId('day1-image-check-message').first()).toBeVisible();
    // An image reference reads a few segments a line, not a character.
    expect(await widthOf(header(groups, 'Image'))).toBeGreaterThanOrEqual(READABLE_COLUMN_PX);
    expect(await overflowing(page.getByTestId('day1-preflight'))).toEqual([]);

    // Every tab is whole inside the tab bar, and the ones that do not fit are in the overflow menu.
    const preview = page.getByTestId('day1-preview');
    const tabBar = await preview.getByRole('tablist').boundingBox();
    if (!tabBar) throw new Error('no tab bar');
    const tabs = preview.getByRole('tab');
    const shown: string[] = [];
    for (const tab of await tabs.all()) {
      const box = await tab.boundingBox();
      if (!box) continue;
      expect(box.x).toBeGreaterThanOrEqual(tabBar.x - TOLERANCE_PX);
      expect(box.x + box.width).toBeLessThanOrEqual(tabBar.x + tabBar.width + TOLERANCE_PX);
      shown.push((await tab.innerText()).trim());
    }
    const names = ['MachineConfig', 'Files and units', 'MachineConfigPool', 'Command line'];
    const hidden = names.filter((name) => !shown.includes(name));
    if (hidden.length > 0) {
      await preview.getByRole('tab', { name: /^More/ }).click();
      const menu = page.getByRole('menu');
      for (const name of hidden) {
        await expect(menu.getByRole('menuitem', { name, exact: true })).toBeVisible();
      }
      await menu.getByRole('menuitem', { name: 'MachineConfigPool', exact: true }).click();
    } else {
      await preview.getByRole('tab', { name: 'MachineConfigPool', exact: true }).click();
    }
    await expect(page.getByTestId('day1-preview-pool').getByTestId('code-editor')).toBeVisible();
    expect(await overflowing(preview)).toEqual([]);
    await saveScreenshot(page, testInfo, `layout-create-${String(width)}`);
  });
}

test('at 1920 px the node details sit beside the table, and the keyboard goes in and back out', async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1920, height: 1000 });
  const row = await openDegradedRollout(page);
  const opener = row.getByRole('button', { name: 'Details of worker-4' });
  await opener.focus();
  await page.keyboard.press('Enter');

  const details = page.getByRole('region', { name: 'worker-4' });
  await expect(details.getByRole('heading', { name: 'worker-4' })).toBeFocused();
  // Inline: the panel pushes the table aside instead of covering its columns.
  const table = page.getByTestId('node-table');
  const tableBox = await table.boundingBox();
  const panelBox = await details.boundingBox();
  if (!tableBox || !panelBox) throw new Error('not rendered');
  expect(tableBox.x + tableBox.width).toBeLessThanOrEqual(panelBox.x + TOLERANCE_PX);
  for (const column of ['Day 1 follow-up', 'Message']) {
    expect(await widthOf(header(table, column))).toBeGreaterThanOrEqual(READABLE_COLUMN_PX);
  }
  expect(await overflowing(page.getByTestId('node-section'))).toEqual([]);
  await saveScreenshot(page, testInfo, 'layout-node-details-1920');

  await page.keyboard.press('Tab');
  await expect(details.getByRole('button', { name: 'Close the node details' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(details).toHaveCount(0);
  await expect(opener).toBeFocused();
});

test('at 1280 px the node details open over the table, close on Escape, and give focus back', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 1000 });
  const row = await openDegradedRollout(page);
  const opener = row.getByRole('button', { name: 'Details of worker-4' });
  await opener.focus();
  await page.keyboard.press('Enter');

  const details = page.getByRole('region', { name: 'worker-4' });
  await expect(details.getByRole('heading', { name: 'worker-4' })).toBeFocused();
  expect(await overflowing(details)).toEqual([]);
  // The close button, by keyboard, also gives focus back to the row.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(details).toHaveCount(0);
  await expect(opener).toBeFocused();

  await opener.press('Enter');
  await expect(details.getByRole('heading', { name: 'worker-4' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(details).toHaveCount(0);
  await expect(opener).toBeFocused();
});
