import { spawnSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { day1MachineConfig } from './day1-machine-config';
import { MCO_API } from './fault-support';
import { createAsAdmin, resetCluster, saveScreenshot } from './support';

const field = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });

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

/** No page crashed into the shell's error boundary. */
const expectNoCrash = async (page: Page) => {
  await expect(page.getByTestId('plugin-page-error')).toHaveCount(0);
  await expect(page.getByTestId('plugin-error')).toHaveCount(0);
};

test.beforeEach(async ({ request }) => {
  await resetCluster(request);
});

test.describe('form fields the create page checks (beyond day1-create.spec.ts)', () => {
  test('required fields left empty get the same message as day1-utility', async ({
    page,
  }, testInfo) => {
    const expected = cliMessages([
      '-machine-config',
      '99-sfc-day1',
      '-machine-config-pool',
      'sfc',
      '-image',
      '',
      '-kernel-module',
      '',
    ]);
    expect(Object.keys(expected).sort()).toEqual(['-image', '-kernel-module']);

    await page.goto('/day1-kernel-modules/~new?pool=sfc');
    await expect(page.getByRole('radio', { name: 'sfc', exact: true })).toBeChecked();
    await page.getByTestId('day1-create').click();
    await expect(page.getByTestId('day1-form-problems')).toBeVisible();
    await expect(page.getByTestId('day1-kernel-module-image-error')).toContainText(
      expected['-image'],
    );
    await expect(page.getByTestId('day1-kernel-module-name-error')).toContainText(
      expected['-kernel-module'],
    );
    await expect(field(page, 'Kernel module image')).toBeFocused();
    await expect(page.getByTestId('day1-confirm-modal')).toHaveCount(0);
    await saveScreenshot(page, testInfo, 'fault-input-required');
  });

  test('a new pool: a taken name, a bad max unavailable, no nodes', async ({ page }, testInfo) => {
    await page.goto('/day1-kernel-modules/~new');
    await page.getByRole('radio', { name: 'Create a new custom pool' }).check();
    await field(page, 'Pool name').fill('sfc');
    await field(page, 'Pool name').blur();
    await expect(page.getByTestId('day1-new-pool-name-error')).toContainText(
      'A MachineConfigPool named sfc already exists: choose it in the list above.',
    );

    const maxUnavailable = field(page, 'Max unavailable');
    for (const value of ['0', 'half', '150%']) {
      await maxUnavailable.fill(value);
      await maxUnavailable.blur();
      await expect(maxUnavailable).toHaveAttribute('aria-invalid', 'true');
      await expect(page.getByTestId('day1-new-pool-max-unavailable-error')).toContainText(
        'maxUnavailable must be a whole number of at least 1, or a percentage',
      );
    }
    await maxUnavailable.fill('10%');
    await maxUnavailable.blur();
    await expect(maxUnavailable).not.toHaveAttribute('aria-invalid', 'true');

    await field(page, 'Pool name').fill('sfc2');
    await field(page, 'Kernel module image').fill('quay.io/acme/sfc-kmod');
    await field(page, 'Kernel module').fill('sfc');
    await page.getByTestId('day1-create').click();
    await expect(page.getByTestId('day1-new-pool-nodes-error')).toContainText(
      'Choose at least one node for the new pool.',
    );
    await expect(page.getByTestId('day1-confirm-modal')).toHaveCount(0);
    await saveScreenshot(page, testInfo, 'fault-input-new-pool');
  });

  test('a pool in the address that does not exist is named', async ({ page }, testInfo) => {
    await page.goto('/day1-kernel-modules/~new?pool=no-such-pool');
    await expect(page.getByTestId('day1-pool-error')).toContainText(
      'No MachineConfigPool named no-such-pool exists.',
    );
    await field(page, 'Kernel module image').fill('quay.io/acme/sfc-kmod');
    await field(page, 'Kernel module').fill('sfc');
    await page.getByTestId('day1-create').click();
    await expect(page.getByTestId('day1-form-problems')).toBeVisible();
    await expect(page.getByTestId('day1-confirm-modal')).toHaveCount(0);
    await saveScreenshot(page, testInfo, 'fault-input-unknown-pool');
  });
});

test('malformed objects in the cluster: the list, create and rollout pages say what they can and do not crash', async ({
  page,
  request,
}, testInfo) => {
  const worker = { 'node-role.kubernetes.io/worker': '' };
  // A node as a provisioning tool might leave it: no status, no MCO annotations.
  await createAsAdmin(request, '/api/v1/nodes', {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: 'bare-node', labels: worker },
  });
  // Values no MCO writes: an unknown daemon state, a config that does not exist, a Ready
  // condition that is neither True nor False, a kernel version that is not a string.
  await createAsAdmin(request, '/api/v1/nodes', {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: 'odd-node',
      labels: worker,
      annotations: {
        'machineconfiguration.openshift.io/state': 'Exploded',
        'machineconfiguration.openshift.io/currentConfig': 'rendered-worker-unknown',
        'machineconfiguration.openshift.io/desiredConfig': 'rendered-worker-unknown',
      },
    },
    status: { conditions: [{ type: 'Ready', status: 'Maybe' }], nodeInfo: { kernelVersion: 42 } },
  });
  // A Day 1 config for a pool that does not exist, and a config with a Day 1 load unit it cannot read.
  await createAsAdmin(
    request,
    `${MCO_API}/machineconfigs`,
    day1MachineConfig('99-ghost-day1', 'ghost'),
  );
  await createAsAdmin(request, `${MCO_API}/machineconfigs`, {
    apiVersion: 'machineconfiguration.openshift.io/v1',
    kind: 'MachineConfig',
    metadata: {
      name: '99-broken-day1',
      labels: { 'machineconfiguration.openshift.io/role': 'ghost' },
    },
    spec: {
      config: {
        ignition: { version: '3.2.0' },
        systemd: {
          units: [
            {
              name: '99-broken-day1-replace-kernel-module.service',
              enabled: true,
              contents: '[Service]\nEnvironment="KERNEL_MODULE_IMAGE=\nExecStart=/bin/false\n',
            },
          ],
        },
      },
    },
  });
  // A pool without status, as MCO leaves a new pool for a moment (the simulated MCO fills it at
  // once, so the list the page reads loses it on the way).
  let stripped = 0;
  await page.route(
    (url) => url.pathname.endsWith('/machineconfigpools') && url.searchParams.has('limit'),
    async (route) => {
      const response = await route.fetch();
      const list = (await response.json()) as { items: { metadata: { name: string } }[] };
      for (const pool of list.items) {
        if (pool.metadata.name === 'sfc' && 'status' in pool) {
          delete (pool as { status?: unknown }).status;
          stripped += 1;
        }
      }
      await route.fulfill({ response, json: list });
    },
  );

  await page.goto('/day1-kernel-modules');
  const ghost = page.getByTestId('day1-config-row-99-ghost-day1');
  await expect(ghost.getByTestId('pool-missing')).toBeVisible();
  await expectNoCrash(page);
  await saveScreenshot(page, testInfo, 'fault-input-cluster-list');

  await page.goto('/day1-kernel-modules/~new?pool=worker');
  await expect(page.getByTestId('day1-pool-table')).toContainText('sfc');
  await field(page, 'Kernel module image').fill('quay.io/acme/sfc-kmod');
  await field(page, 'Kernel module').fill('sfc');
  const groups = page.getByTestId('day1-kernel-groups');
  await expect(groups.getByRole('row', { name: /bare-node/ })).toContainText('Unknown');
  await expect(groups).toContainText('odd-node');
  await expectNoCrash(page);
  await saveScreenshot(page, testInfo, 'fault-input-cluster-create');

  await page.goto('/day1-kernel-modules/rollout');
  await expect(page.getByTestId('pool-card-sfc')).toHaveAttribute('data-state', /.+/);
  await expect(page.getByTestId('pool-card-sfc').getByTestId('pool-message')).not.toBeEmpty();
  const bare = page.getByTestId('node-row-bare-node');
  await expect(bare).toHaveAttribute('data-phase', 'Pending');
  await expect(bare.getByTestId('node-message')).toContainText(
    'MCO has not set the currentConfig annotation on this node yet',
  );
  const odd = page.getByTestId('node-row-odd-node');
  await expect(odd).toHaveAttribute(
    'data-phase',
    /^(Pending|Draining|Updating|Rebooting|Updated|Degraded|Paused)$/,
  );
  await expect(odd.getByTestId('node-message')).not.toBeEmpty();
  await expectNoCrash(page);
  expect(stripped).toBeGreaterThan(0);
  await saveScreenshot(page, testInfo, 'fault-input-cluster-rollout');
});
