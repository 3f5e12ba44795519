import { spawnSync } from 'node:child_process';
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { day1MachineConfig } from './day1-machine-config';
import { createAsAdmin, openPreviewTab, resetCluster, saveScreenshot } from './support';

const EL9_4 = '5.14.0-427.13.1.el9_4.x86_64';
const EL9_2 = '5.14.0-284.59.1.el9_2.x86_64';
const MCO_API = '/apis/machineconfiguration.openshift.io/v1';

interface Pool {
  spec: { configuration?: { name?: string; source?: { name: string }[] } };
  status?: { conditions?: { type: string; status: string }[] };
}
interface NodeObject {
  metadata: { labels?: Record<string, string>; annotations?: Record<string, string> };
}

/** GETs an object as the admin; undefined when it does not exist. */
const get = async <T>(request: APIRequestContext, path: string): Promise<T | undefined> => {
  const response = await request.get(`/api/kubernetes${path}`, {
    headers: { Cookie: 'kmm-day1-user=admin' },
  });
  return response.ok() ? ((await response.json()) as T) : undefined;
};

/** What day1-utility says about each flag for these values: the page must say the same. */
const cliMessages = (args: string[]): Record<string, string> => {
  const run = spawnSync('node', ['bin/day1-utility.cjs', ...args], { encoding: 'utf8' });
  return Object.fromEntries(
    run.stderr.split('\n').flatMap((line) => {
      const match = /^ {2}(-[a-z-]+): (.*)$/.exec(line);
      return match ? [[match[1], match[2]]] : [];
    }),
  );
};

const field = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });

const fillModule = async (page: Page, image: string, module: string, inTree: string[]) => {
  await field(page, 'Kernel module image').fill(image);
  await field(page, 'Kernel module').fill(module);
  const inTreeInput = field(page, 'In-tree modules to remove');
  for (const name of inTree) {
    await inTreeInput.fill(name);
    await inTreeInput.press('Enter');
  }
};

/**
 * The rollout has started when the pool renders a config with the new MachineConfig and its nodes are
 * told to move to it (MCO's desiredConfig annotation).
 */
const expectRolloutStarted = async (
  request: APIRequestContext,
  pool: string,
  machineConfig: string,
  nodes: string[],
) => {
  let rendered = '';
  await expect
    .poll(async () => {
      const found = await get<Pool>(request, `${MCO_API}/machineconfigpools/${pool}`);
      const source = found?.spec.configuration?.source?.map((s) => s.name) ?? [];
      rendered = source.includes(machineConfig) ? (found?.spec.configuration?.name ?? '') : '';
      return rendered;
    })
    .not.toBe('');
  for (const name of nodes) {
    await expect
      .poll(async () => {
        const node = await get<NodeObject>(request, `/api/v1/nodes/${name}`);
        return node?.metadata.annotations?.['machineconfiguration.openshift.io/desiredConfig'];
      })
      .toBe(rendered);
  }
};

test.beforeEach(async ({ request }) => {
  await resetCluster(request);
});

test('create a Day 1 config for the sfc pool: preflight, confirmation, MachineConfig, rollout', async ({
  page,
  request,
}, testInfo) => {
  // In the dark theme: the page uses PatternFly tokens only, so it must read as well as in light.
  await page.goto('/day1-kernel-modules/~new?pool=sfc&theme=dark');
  await expect(page.getByRole('radio', { name: 'sfc', exact: true })).toBeChecked();
  await fillModule(page, 'quay.io/acme/sfc-kmod', 'sfc', ['sfc', 'mdio']);
  await expect(field(page, 'MachineConfig name')).toHaveValue('99-sfc-sfc-day1');

  await expect(page.getByTestId(`day1-kernel-group-${EL9_4}`)).toContainText('Found');
  await expect(page.getByTestId(`day1-kernel-group-${EL9_2}`)).toContainText('Found');
  await expect(page.getByTestId('day1-worker-image-check')).toContainText('Found');
  await expect(page.getByTestId('day1-reboot-summary')).toContainText(
    '2 nodes of pool sfc will reboot.',
  );
  await expect(page.getByTestId('day1-preview-mc').getByTestId('code-editor')).toHaveValue(
    /name: 99-sfc-sfc-day1/,
  );
  await saveScreenshot(page, testInfo, 'day1-create-filled');

  await page.getByTestId('day1-create').click();
  const modal = page.getByTestId('day1-confirm-modal');
  await expect(modal.getByTestId('day1-confirm-reboots')).toHaveText(
    '2 nodes of pool sfc will reboot.',
  );
  await saveScreenshot(page, testInfo, 'day1-create-confirm');
  await modal.getByTestId('day1-confirm-create').click();

  await expect(page).toHaveURL(/\/day1-kernel-modules\/rollout\/sfc$/);
  const created = await get<{ metadata: { labels: Record<string, string> } }>(
    request,
    `${MCO_API}/machineconfigs/99-sfc-sfc-day1`,
  );
  expect(created?.metadata.labels['machineconfiguration.openshift.io/role']).toBe('sfc');
  await expectRolloutStarted(request, 'sfc', '99-sfc-sfc-day1', ['worker-4', 'worker-5']);
  await saveScreenshot(page, testInfo, 'day1-create-done');
});

test('create a custom pool in the same flow: the pool, the config and the node labels', async ({
  page,
  request,
}, testInfo) => {
  await page.goto('/day1-kernel-modules/~new');
  await page.getByRole('radio', { name: 'Create a new custom pool' }).check();
  await field(page, 'Pool name').fill('sfc2');
  const nodes = page.getByTestId('day1-new-pool-nodes-table');
  await expect(nodes.getByTestId('day1-new-pool-nodes-row-worker-4')).toContainText(
    'Already in the custom pool sfc',
  );
  await expect(page.getByRole('checkbox', { name: 'worker-4', exact: true })).toBeDisabled();
  await page.getByRole('checkbox', { name: 'worker-0', exact: true }).check();
  await page.getByRole('checkbox', { name: 'worker-2', exact: true }).check();
  await fillModule(page, 'quay.io/acme/sfc-kmod', 'sfc', ['sfc']);
  await expect(page.getByTestId('day1-reboot-summary')).toContainText(
    '2 nodes of pool sfc2 will reboot.',
  );
  await expect(page.getByTestId('day1-nodes-leave-pool')).toHaveText(
    'These nodes leave the worker pool for sfc2: worker-0, worker-2.',
  );
  await openPreviewTab(page, 'MachineConfigPool');
  await expect(page.getByTestId('day1-preview-pool').getByTestId('code-editor')).toHaveValue(
    /node-role.kubernetes.io\/sfc2/,
  );
  await saveScreenshot(page, testInfo, 'day1-create-custom-pool');

  await page.getByTestId('day1-create').click();
  await expect(page.getByTestId('day1-confirm-modal')).toContainText(
    'Create the MachineConfigPool sfc2 and move these nodes into it: worker-0, worker-2.',
  );
  await page.getByTestId('day1-confirm-create').click();
  await expect(page).toHaveURL(/\/day1-kernel-modules\/rollout\/sfc2$/);

  expect(await get(request, `${MCO_API}/machineconfigpools/sfc2`)).toBeDefined();
  expect(await get(request, `${MCO_API}/machineconfigs/99-sfc2-sfc-day1`)).toBeDefined();
  for (const name of ['worker-0', 'worker-2']) {
    const node = await get<NodeObject>(request, `/api/v1/nodes/${name}`);
    expect(node?.metadata.labels?.['node-role.kubernetes.io/sfc2']).toBe('');
  }
  const untouched = await get<NodeObject>(request, '/api/v1/nodes/worker-1');
  expect(untouched?.metadata.labels?.['node-role.kubernetes.io/sfc2']).toBeUndefined();
  await expectRolloutStarted(request, 'sfc2', '99-sfc2-sfc-day1', ['worker-0', 'worker-2']);
});

test('each field shows the same validation message as day1-utility', async ({ page }, testInfo) => {
  const expected = cliMessages([
    '-machine-config',
    'rendered-sfc',
    '-machine-config-pool',
    'Bad_Pool',
    '-image',
    'quay.io/acme/sfc-kmod:5.14.0',
    '-kernel-module',
    '-sfc',
    '-in-tree-modules-to-remove',
    'nvme-core,nvme_core',
    '-worker-image',
    'not a ref',
    '-firmware-files-path',
    'firmware/',
  ]);
  expect(Object.keys(expected)).toHaveLength(7);

  await page.goto('/day1-kernel-modules/~new');
  await page.getByRole('radio', { name: 'Create a new custom pool' }).check();
  const cases: [string, string, string, string][] = [
    ['Pool name', 'Bad_Pool', 'day1-new-pool-name-error', '-machine-config-pool'],
    [
      'Kernel module image',
      'quay.io/acme/sfc-kmod:5.14.0',
      'day1-kernel-module-image-error',
      '-image',
    ],
    ['Kernel module', '-sfc', 'day1-kernel-module-name-error', '-kernel-module'],
    ['MachineConfig name', 'rendered-sfc', 'day1-machine-config-name-error', '-machine-config'],
    ['Worker image', 'not a ref', 'day1-worker-image-error', '-worker-image'],
    ['Firmware path', 'firmware/', 'day1-firmware-path-error', '-firmware-files-path'],
  ];
  for (const [label, value, errorId, flag] of cases) {
    const input = field(page, label);
    await input.fill(value);
    await input.blur();
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId(errorId)).toContainText(expected[flag]);
  }
  const inTree = field(page, 'In-tree modules to remove');
  await inTree.fill('nvme-core,nvme_core,');
  await inTree.blur();
  await expect(page.getByTestId('day1-in-tree-modules-error')).toContainText(
    expected['-in-tree-modules-to-remove'],
  );
  // The repeat is marked, and its remove button says why to screen readers; the first is fine.
  await expect(page.getByTestId('day1-in-tree-modules-label-nvme_core')).toHaveAttribute(
    'data-invalid',
    'true',
  );
  await expect(page.getByRole('button', { name: 'Remove nvme_core' })).toHaveAccessibleDescription(
    /"nvme_core" repeats "nvme-core"/,
  );
  await expect(page.getByTestId('day1-in-tree-modules-label-nvme-core')).not.toHaveAttribute(
    'data-invalid',
  );
  await inTree.scrollIntoViewIfNeeded();
  await saveScreenshot(page, testInfo, 'day1-create-in-tree-marked');
  await page.getByTestId('day1-new-pool-name-error').scrollIntoViewIfNeeded();
  await saveScreenshot(page, testInfo, 'day1-create-validation');

  // Create is refused with the problems named, and focus goes to the first one.
  await page.getByTestId('day1-create').click();
  await expect(page.getByTestId('day1-form-problems')).toBeVisible();
  await expect(field(page, 'Pool name')).toBeFocused();
  await expect(page.getByTestId('day1-confirm-modal')).toHaveCount(0);
});

test('the read-only user sees disabled controls with reasons, and a 403 explained', async ({
  page,
  context,
  request,
}, testInfo) => {
  const baseURL = testInfo.project.use.baseURL ?? '';
  await context.addCookies([{ name: 'kmm-day1-user', value: 'read-only', url: baseURL }]);
  await page.goto('/day1-kernel-modules/~new?pool=sfc');
  await fillModule(page, 'quay.io/acme/sfc-kmod', 'sfc', ['sfc']);
  await expect(page.getByTestId('day1-create')).toBeDisabled();
  await expect(page.getByTestId('day1-create-reason')).toContainText(
    'You cannot create MachineConfigs.',
  );
  await expect(page.getByRole('radio', { name: 'Create a new custom pool' })).toBeDisabled();
  await expect(page.getByText('You cannot create MachineConfigPools.')).toBeVisible();
  await expect(page.getByTestId('day1-check-namespace-error')).toContainText(
    'You cannot create ImageStreamImports in kmm-day1-checks',
  );
  await page.getByTestId('day1-create-reason').scrollIntoViewIfNeeded();
  await saveScreenshot(page, testInfo, 'day1-create-read-only');

  // Permissions taken away after the page was loaded: the server's 403 is explained.
  await context.addCookies([{ name: 'kmm-day1-user', value: 'admin', url: baseURL }]);
  await page.reload();
  await fillModule(page, 'quay.io/acme/sfc-kmod', 'sfc', ['sfc']);
  await expect(page.getByTestId('day1-create')).toBeEnabled();
  await context.addCookies([{ name: 'kmm-day1-user', value: 'read-only', url: baseURL }]);
  await page.getByTestId('day1-create').click();
  await page.getByTestId('day1-confirm-create').click();
  const alert = page.getByTestId('day1-create-error');
  await expect(alert).toHaveAttribute('data-code', '403');
  await expect(alert).toContainText('The dry run failed: nothing was created');
  await expect(alert).toContainText('User "read-only" cannot create resource "machineconfigs"');
  await expect(page.getByTestId('day1-create-error-guidance')).toContainText(
    'Your user may not create machineconfigs.',
  );
  expect(await get(request, `${MCO_API}/machineconfigs/99-sfc-sfc-day1`)).toBeUndefined();
  await alert.scrollIntoViewIfNeeded();
  await saveScreenshot(page, testInfo, 'day1-create-403');
});

test('a name that exists is reported as it is typed, with a free name to use instead', async ({
  page,
  request,
}, testInfo) => {
  await createAsAdmin(
    request,
    '/apis/machineconfiguration.openshift.io/v1/machineconfigs',
    day1MachineConfig('99-sfc-sfc-day1', 'sfc'),
  );
  await page.goto('/day1-kernel-modules/~new?pool=sfc');
  await fillModule(page, 'quay.io/acme/ice-kmod', 'ice', []);
  await field(page, 'MachineConfig name').fill('99-sfc-sfc-day1');
  // Before any request: the field says it, and Create does not open the confirmation.
  await expect(page.getByTestId('day1-machine-config-name-error')).toContainText(
    'A MachineConfig named 99-sfc-sfc-day1 already exists. Choose another name.',
  );
  await page.getByTestId('day1-create').click();
  await expect(field(page, 'MachineConfig name')).toBeFocused();
  await expect(page.getByTestId('day1-confirm-modal')).toBeHidden();
  await saveScreenshot(page, testInfo, 'day1-create-name-taken');

  await page.getByTestId('day1-use-free-name').click();
  await expect(field(page, 'MachineConfig name')).toHaveValue('99-sfc-sfc-day1-2');
  await expect(page.getByTestId('day1-machine-config-name-error')).toBeHidden();
});

test('another Day 1 config loading the same module on the same nodes is named before creating', async ({
  page,
  request,
}, testInfo) => {
  await createAsAdmin(
    request,
    '/apis/machineconfiguration.openshift.io/v1/machineconfigs',
    day1MachineConfig('99-worker-sfc-day1', 'worker'),
  );
  await page.goto('/day1-kernel-modules/~new?pool=sfc');
  await fillModule(page, 'quay.io/acme/sfc-kmod', 'sfc', []);
  const warning = page.getByTestId('day1-same-module');
  await expect(warning).toContainText('sfc is already loaded on some of these nodes');
  await expect(warning).toContainText(
    '99-worker-sfc-day1, for pool worker, loads sfc on nodes of sfc: worker-4, worker-5.',
  );
  await warning.scrollIntoViewIfNeeded();
  await saveScreenshot(page, testInfo, 'day1-create-same-module');
  await page.getByTestId('day1-create').click();
  await expect(page.getByTestId('day1-confirm-same-module')).toContainText('99-worker-sfc-day1');
});

test('the preview shows the files and units the MachineConfig installs, decoded', async ({
  page,
}, testInfo) => {
  await page.goto('/day1-kernel-modules/~new?pool=sfc');
  await fillModule(page, 'quay.io/acme/sfc-kmod', 'sfc', ['sfc']);
  await openPreviewTab(page, 'Files and units');
  const files = page.getByTestId('day1-preview-file');
  await expect(files).toHaveCount(4);
  const replace = files.filter({ hasText: '99-sfc-sfc-day1-replace-kernel-module.sh' });
  await replace.getByRole('button').first().click();
  await expect(replace.getByTestId('day1-preview-file-contents')).toContainText('#!/bin/bash');
  const units = page.getByTestId('day1-preview-unit');
  await expect(units).toHaveCount(3);
  await units.first().getByRole('button').first().click();
  await expect(units.first()).toContainText('Environment="KERNEL_MODULE=sfc"');
  await saveScreenshot(page, testInfo, 'day1-create-files-and-units');
});

test('a name taken after the confirmation opened gives a 409 with a free name to use instead', async ({
  page,
  request,
}, testInfo) => {
  await page.goto('/day1-kernel-modules/~new?pool=sfc');
  await fillModule(page, 'quay.io/acme/sfc-kmod', 'sfc', ['sfc']);
  await page.getByTestId('day1-create').click();
  await expect(page.getByTestId('day1-confirm-modal')).toBeVisible();
  // Someone else takes the name while the user reads the confirmation.
  await createAsAdmin(
    request,
    '/apis/machineconfiguration.openshift.io/v1/machineconfigs',
    day1MachineConfig('99-sfc-sfc-day1', 'sfc'),
  );
  await page.getByTestId('day1-confirm-create').click();

  const alert = page.getByTestId('day1-create-error');
  await expect(alert).toHaveAttribute('data-code', '409');
  await expect(alert).toContainText('"99-sfc-sfc-day1" already exists');
  await expect(alert).toContainText(
    'A MachineConfig named 99-sfc-sfc-day1 already exists. Choose another name.',
  );
  await expect(field(page, 'Kernel module image')).toHaveValue('quay.io/acme/sfc-kmod');
  await alert.scrollIntoViewIfNeeded();
  await saveScreenshot(page, testInfo, 'day1-create-409');

  await page.getByTestId('day1-use-suggested-name').click();
  await expect(field(page, 'MachineConfig name')).toHaveValue('99-sfc-sfc-day1-2');
  await page.getByTestId('day1-create').click();
  await page.getByTestId('day1-confirm-create').click();
  await expect(page).toHaveURL(/\/day1-kernel-modules\/rollout\/sfc$/);
  expect(await get(request, `${MCO_API}/machineconfigs/99-sfc-sfc-day1-2`)).toBeDefined();
});

test('a missing kernel-version tag shows in preflight, with the nodes that keep the in-tree driver', async ({
  page,
}, testInfo) => {
  await page.goto('/day1-kernel-modules/~new?pool=sfc');
  await fillModule(page, 'quay.io/acme/ice-kmod', 'ice', ['ice']);
  const el9_2 = page.getByTestId(`day1-kernel-group-${EL9_2}`);
  await expect(el9_2).toContainText('worker-5');
  await expect(el9_2).toContainText(`quay.io/acme/ice-kmod:${EL9_2}`);
  await expect(el9_2).toContainText('Missing');
  await expect(el9_2.getByTestId('day1-image-check-message')).not.toBeEmpty();
  await expect(page.getByTestId(`day1-kernel-group-${EL9_4}`)).toContainText('Found');
  await expect(page.getByTestId('day1-keep-in-tree')).toContainText(
    'boots on the in-tree driver, without the module: worker-5',
  );
  await el9_2.scrollIntoViewIfNeeded();
  await saveScreenshot(page, testInfo, 'day1-create-missing-tag');
  // The confirmation says what the preflight says, not that every node reboots twice.
  await page.getByTestId('day1-create').click();
  const modal = page.getByTestId('day1-confirm-modal');
  await expect(modal.getByTestId('day1-confirm-keep-in-tree')).toContainText(
    'boots on the in-tree driver, without the module: worker-5',
  );
  await expect(modal.getByTestId('day1-confirm-reboot-twice')).toContainText('worker-4');
  await expect(modal).not.toContainText('Each reboots twice');
});
