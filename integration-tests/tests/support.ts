import type { APIRequestContext, Page, TestInfo } from '@playwright/test';

/** Saves a full-page screenshot as a test artefact under integration-tests/results/screenshots. */
export const saveScreenshot = async (
  page: Page,
  testInfo: TestInfo,
  name: string,
): Promise<void> => {
  const path = `integration-tests/results/screenshots/${name}.png`;
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
};

/** Creates an object in the simulated cluster as the admin, as `oc create` would. */
export const createAsAdmin = async (
  request: APIRequestContext,
  path: string,
  object: unknown,
): Promise<void> => {
  const response = await request.post(`/api/kubernetes${path}`, {
    data: object,
    headers: { Cookie: 'kmm-day1-user=admin' },
  });
  if (!response.ok())
    throw new Error(`create ${path}: ${String(response.status())} ${await response.text()}`);
};

/** Resets the simulated cluster to a scenario, so each test starts from the same state. */
export const resetCluster = async (
  request: APIRequestContext,
  scenario = 'demo',
): Promise<void> => {
  const response = await request.post('/sim/reset', { data: { scenario } });
  if (!response.ok())
    throw new Error(`reset: ${String(response.status())} ${await response.text()}`);
};

/**
 * Opens one of the create page's preview tabs as a user would: the tab itself when it is in the tab
 * bar, else through PatternFly's "More" overflow menu, where tabs that do not fit the card go.
 */
export const openPreviewTab = async (page: Page, name: string): Promise<void> => {
  const preview = page.getByTestId('day1-preview');
  const tab = preview.getByRole('tab', { name, exact: true });
  if (await tab.isVisible()) {
    await tab.click();
    return;
  }
  await preview.getByRole('tab', { name: /^More/ }).click();
  await page.getByRole('menu').getByRole('menuitem', { name, exact: true }).click();
};
