import type { APIRequestContext } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { saveScreenshot } from './support';

/** The kernel of the release the `upgrade` scenario offers (dev/cluster-sim/cvo/releases.ts). */
const NEW_KERNEL = '5.14.0-570.42.2.el9_6.x86_64';
const IMAGE = 'quay.io/acme/sfc-kmod';

interface SimState {
  timeScale: number;
  pools: { name: string; paused: boolean }[];
  nodes: { name: string; kernelVersion: string }[];
}

const simState = async (request: APIRequestContext): Promise<SimState> => {
  const response = await request.get('/sim/state');
  return (await response.json()) as SimState;
};

const ADMIN = { Cookie: 'kmm-day1-user=admin' };

/** ClusterVersion's Progressing status, read as the admin through the console's API proxy. */
const clusterProgressing = async (request: APIRequestContext): Promise<string | undefined> => {
  const response = await request.get(
    '/api/kubernetes/apis/config.openshift.io/v1/clusterversions/version',
    { headers: ADMIN },
  );
  expect(response.ok()).toBe(true);
  const cv = (await response.json()) as {
    status?: { conditions?: { type: string; status: string }[] };
  };
  return cv.status?.conditions?.find((c) => c.type === 'Progressing')?.status;
};

const sfcPaused = async (request: APIRequestContext): Promise<boolean | undefined> =>
  (await simState(request)).pools.find((p) => p.name === 'sfc')?.paused;

const reset = async (request: APIRequestContext, scenario: string, timeScale: number) => {
  const response = await request.post('/sim/reset', { data: { scenario, timeScale } });
  expect(response.ok()).toBe(true);
};

let originalTimeScale = 0.05;

test.beforeEach(async ({ request }) => {
  originalTimeScale = (await simState(request)).timeScale;
  // Slow enough that the control-plane pool takes tens of seconds: the test pauses sfc before its
  // nodes' turn, as an admin would.
  await reset(request, 'upgrade', 0.3);
});

test.afterEach(async ({ request }) => {
  await reset(request, 'demo', originalTimeScale);
});

test('an OpenShift update that brings a kernel the image has no tag for: flag, Pause pool, Resume once tagged, after the control plane is done', async ({
  page,
  request,
}, testInfo) => {
  // The control plane and then the worker pool update in full: minutes of simulated time.
  test.setTimeout(300_000);
  await page.goto('/day1-kernel-modules');
  const banner = page.getByTestId('update-readiness');
  const alert = page.getByTestId('update-readiness-99-sfc-day1');
  const sfcRow = page.getByTestId('update-pool-sfc');
  // Only available: the Driver Toolkit still describes the running release.
  await expect(banner.getByTestId('update-readiness-update')).toHaveText(
    'OpenShift update available: 4.20.3',
  );
  await expect(alert).toContainText('the new kernel is not known yet');
  await expect(banner.getByTestId('pause-pool')).toHaveCount(0);

  const started = await request.post('/sim/cluster-update', { data: { version: '4.20.3' } });
  expect(started.ok()).toBe(true);
  await expect(banner.getByTestId('update-readiness-update')).toHaveText(
    'OpenShift is updating from 4.19.9 to 4.20.3',
  );
  // The Driver Toolkit declares the new kernel before any node runs it; the registry has no tag.
  await expect(alert.getByTestId(`update-kernel-${NEW_KERNEL}`)).toContainText(
    `declared by the Driver Toolkit, on no node yet): ${IMAGE}:${NEW_KERNEL}, No tag`,
  );

  // The control plane updates first: the moment master-0 reports the new kernel, sfc is flagged.
  await expect(alert.getByTestId('update-readiness-flagged')).toContainText('master-0');
  const state = await simState(request);
  expect(state.nodes.find((n) => n.name === 'master-0')?.kernelVersion).toBe(NEW_KERNEL);
  expect(
    state.nodes.filter((n) => n.name.startsWith('worker')).map((n) => n.kernelVersion),
  ).not.toContain(NEW_KERNEL);
  await saveScreenshot(page, testInfo, 'update-readiness-flagged');

  // One Pause for the pool, in its row; it asks first, and Cancel pauses nothing.
  await expect(sfcRow.getByTestId('update-pool-action')).toContainText(
    'sfc: 99-sfc-day1 has no tag for the kernel its nodes would reboot into.',
  );
  const pause = sfcRow.getByRole('button', { name: 'Pause pool sfc' });
  await expect(banner.getByRole('button', { name: 'Pause pool sfc' })).toHaveCount(1);
  await pause.click();
  const modal = page.getByTestId('pause-pool-modal');
  await expect(modal.getByTestId('pause-pool-update')).toContainText(
    'During an OpenShift update, pausing holds the nodes of sfc on the old kernel',
  );
  await modal.getByRole('button', { name: 'Cancel' }).click();
  await expect(modal).toHaveCount(0);
  expect(await sfcPaused(request)).toBe(false);

  await pause.click();
  await page.getByTestId('confirm-pause-pool').click();
  await expect.poll(() => sfcPaused(request)).toBe(true);
  await expect(alert.getByTestId('update-readiness-action')).toHaveText(
    `Push ${IMAGE}:${NEW_KERNEL}, then resume sfc.`,
  );

  // The control plane finishes: the ClusterVersion says Progressing=False (Completed), and the worker
  // pools update after it. The banner stays: sfc, paused, has not reached the release.
  await expect.poll(() => clusterProgressing(request), { timeout: 180_000 }).toBe('False');
  await expect(banner.getByTestId('update-readiness-update')).toHaveText(
    /^OpenShift 4\.20\.3: the control plane is updated; pools still updating: .*sfc/,
  );
  await expect(alert.getByTestId('update-readiness-flagged')).toContainText('master-0');
  await expect(sfcRow.getByTestId('update-pool-action')).toHaveText(
    'sfc is paused: keep it paused until 99-sfc-day1 has a tag for the kernel its nodes reboot into.',
  );
  expect(await sfcPaused(request)).toBe(true);
  await saveScreenshot(page, testInfo, 'update-readiness-control-plane-done');

  // The vendor pushes the tag; the banner asks the registry again and offers Resume.
  const pushed = await request.post('/sim/registry/tags', {
    data: { image: IMAGE, tag: NEW_KERNEL },
  });
  expect(pushed.ok()).toBe(true);
  await alert.getByTestId('update-readiness-recheck').click();
  await expect(alert.getByTestId(`update-kernel-${NEW_KERNEL}`)).toContainText('Tag found');
  await expect(alert.getByTestId('update-readiness-flagged')).toHaveCount(0);
  const resume = sfcRow.getByRole('button', { name: 'Resume sfc' });
  await expect(resume).toBeVisible();
  await saveScreenshot(page, testInfo, 'update-readiness-resume');
  await resume.click();
  await expect(page.getByTestId('resume-pool-warning')).toContainText(
    'into the new OpenShift version and its kernel',
  );
  await page.getByTestId('confirm-resume-pool').click();
  await expect.poll(() => sfcPaused(request)).toBe(false);
  await expect(alert).toContainText('99-sfc-day1: ready for the update');
  // Once sfc's nodes have the release too, there is no update left to show.
  await expect(banner).toHaveCount(0, { timeout: 180_000 });
  const settled = await simState(request);
  expect(
    settled.nodes
      .filter((n) => ['worker-4', 'worker-5'].includes(n.name))
      .map((n) => n.kernelVersion),
  ).toEqual([NEW_KERNEL, NEW_KERNEL]);
});
