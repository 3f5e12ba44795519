import { expect, test } from '@playwright/test';
import { saveScreenshot } from './support';

test('the shell names a shared module that the console does not provide', async ({
  page,
}, testInfo) => {
  await page.goto('/day1-kernel-modules?omitSharedModule=react-i18next');
  await expect(
    page.getByText(/Shared module react-i18next doesn't exist in shared scope/).first(),
  ).toBeVisible();
  await saveScreenshot(page, testInfo, 'missing-shared-module');
});
