import { expect, test } from '@playwright/test';
import type { APIRequestContext } from '@playwright/test';
import { day1MachineConfig } from './day1-machine-config';
import { createAsAdmin, resetCluster, saveScreenshot } from './support';

const MC_PATH = '/apis/machineconfiguration.openshift.io/v1/machineconfigs';
const MCP_PATH = '/apis/machineconfiguration.openshift.io/v1/machineconfigpools';
const NODES_PATH = '/api/v1/nodes';
const ADMIN = { Cookie: 'kmm-day1-user=admin' };

/** Reads an object as the admin; undefined when it does not exist. */
const read = async (
  request: APIRequestContext,
  path: string,
): Promise<Record<string, unknown> | undefined> => {
  const response = await request.get(`/api/kubernetes${path}`, { headers: ADMIN });
  if (response.status() === 404) return undefined;
  expect(response.ok()).toBe(true);
  return (await response.json()) as Record<string, unknown>;
};

const pausedOf = async (request: APIRequestContext, pool: string) =>
  ((await read(request, `${MCP_PATH}/${pool}`))?.spec as { paused?: boolean } | undefined)?.paused;

interface NodeView {
  labels: Record<string, string>;
  annotations: Record<string, string>;
}
const nodeOf = async (request: APIRequestContext, name: string): Promise<NodeView> => {
  const object = (await read(request, `${NODES_PATH}/${name}`)) as { metadata: NodeView };
  return object.metadata;
};

interface SimNode {
  name: string;
  pool: string | null;
  state: string;
  currentConfig: string;
  desiredConfig: string;
  daemon: { phase: string; reboots: number } | null;
  day1: Record<string, string>;
}

/** A node as the simulator's control API reports it: its pool, its daemon and its reboots so far. */
const simNode = async (request: APIRequestContext, name: string): Promise<SimNode | undefined> => {
  const response = await request.get('/sim/state');
  expect(response.ok()).toBe(true);
  const { nodes } = (await response.json()) as { nodes: SimNode[] };
  return nodes.find((candidate) => candidate.name === name);
};

test.beforeEach(async ({ request }) => {
  await resetCluster(request);
});

test('a config opens from the list on its own page: parameters, nodes, Day 1 state and YAML', async ({
  page,
  request,
}, testInfo) => {
  await createAsAdmin(request, MC_PATH, day1MachineConfig('99-sfc-day1', 'sfc'));
  await page.goto('/day1-kernel-modules');
  const row = page.getByTestId('day1-config-row-99-sfc-day1');
  await row.getByRole('link', { name: '99-sfc-day1', exact: true }).click();
  await expect(page).toHaveURL(/\/day1-kernel-modules\/configs\/99-sfc-day1$/);

  await expect(page.getByTestId('config-title')).toHaveText('99-sfc-day1');
  await expect(page.getByTestId('config-image')).toHaveText('quay.io/acme/sfc-kmod');
  await expect(page.getByTestId('config-module')).toHaveText('sfc');
  await expect(page.getByTestId('config-in-tree')).toHaveText('sfc');
  // The demo's sfc pool holds worker-4 and worker-5; worker does not take a config for sfc.
  const nodes = page.getByTestId('config-pool-sfc').getByTestId('config-pool-nodes');
  await expect(nodes).toContainText('worker-4');
  await expect(nodes).toContainText('worker-5');
  await expect(page.getByTestId('config-pool-worker')).toHaveCount(0);
  // The rollout the config started, and what the nodes' status files say.
  await expect(page.getByTestId('config-status').getByTestId('pool-state')).toBeVisible();
  await expect(
    page.getByTestId('config-rollouts').getByRole('link', { name: 'Rollout of pool sfc' }),
  ).toContainText('% updated');
  await expect(page.getByTestId('config-loaded-count')).toContainText(/Loaded on \d of 2/);
  await saveScreenshot(page, testInfo, 'config-details');

  await page.getByRole('tab', { name: 'YAML' }).click();
  const yaml = page.getByTestId('config-yaml').getByTestId('code-editor');
  await expect(yaml).toHaveValue(/name: 99-sfc-day1/);
  await expect(yaml).toHaveValue(/machineconfiguration\.openshift\.io\/role: sfc/);
  await expect(yaml).toHaveAttribute('readonly', '');

  // Back to the list from the breadcrumb.
  await page.getByRole('link', { name: 'Day 1 kernel modules' }).first().click();
  await expect(page.getByTestId('day1-config-row-99-sfc-day1')).toBeVisible();
});

test('Pause sfc from the rollout page after the confirmation, then Resume it', async ({
  page,
  request,
}, testInfo) => {
  await page.goto('/day1-kernel-modules/rollout/sfc');
  const card = page.getByTestId('pool-card-sfc');
  await expect(card).toHaveAttribute('data-state', 'Updated');
  await card.getByTestId('pause-pool').click();
  const modal = page.getByTestId('pause-pool-modal');
  await expect(modal.getByTestId('pause-pool-meaning')).toContainText(
    'drains and reboots none of them until you resume the pool',
  );
  await expect(modal.getByTestId('pause-pool-certificates')).toContainText(
    'kube-apiserver-to-kubelet CA certificate',
  );
  await saveScreenshot(page, testInfo, 'pause-pool');
  // Nothing is paused before the confirmation.
  expect(await pausedOf(request, 'sfc')).toBe(false);
  await modal.getByTestId('confirm-pause-pool').click();
  await expect(modal).toBeHidden();
  // Up to date and paused: the state stays Updated, with the paused badge.
  await expect(card.getByTestId('pool-paused')).toBeVisible();
  expect(await pausedOf(request, 'sfc')).toBe(true);

  // MCO (the simulator) leaves a paused pool's nodes alone: a new config waits.
  await createAsAdmin(request, MC_PATH, day1MachineConfig('99-sfc-day1', 'sfc'));
  await expect(card.getByTestId('pool-day1-configs')).toContainText('99-sfc-day1');
  await expect(card).toHaveAttribute('data-state', 'Paused');
  await expect(page.locator('[data-test="node-table"] tr[data-phase="Paused"]')).toHaveCount(2);

  await card.getByTestId('resume-pool').click();
  await page.getByTestId('confirm-resume-pool').click();
  await expect(card).not.toHaveAttribute('data-state', 'Paused');
  expect(await pausedOf(request, 'sfc')).toBe(false);
  await expect(card.getByTestId('pause-pool')).toBeVisible();
});

test('deleting a config made with its own pool can remove the pool: the nodes go back to worker', async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(240_000);
  // What the create page makes for a new pool: the pool, marked for its config, the config, the label.
  await createAsAdmin(request, MCP_PATH, {
    apiVersion: 'machineconfiguration.openshift.io/v1',
    kind: 'MachineConfigPool',
    metadata: {
      name: 'ice',
      annotations: { 'kmm-day1.openshift.io/created-for': '99-ice-day1' },
    },
    spec: {
      machineConfigSelector: {
        matchExpressions: [
          {
            key: 'machineconfiguration.openshift.io/role',
            operator: 'In',
            values: ['worker', 'ice'],
          },
        ],
      },
      nodeSelector: { matchLabels: { 'node-role.kubernetes.io/ice': '' } },
      maxUnavailable: 1,
    },
  });
  await createAsAdmin(request, MC_PATH, day1MachineConfig('99-ice-day1', 'ice', 'ice'));
  const label = await request.patch(`/api/kubernetes${NODES_PATH}/worker-0`, {
    data: { metadata: { labels: { 'node-role.kubernetes.io/ice': '' } } },
    headers: { ...ADMIN, 'Content-Type': 'application/merge-patch+json' },
  });
  expect(label.ok()).toBe(true);

  // worker-0 is done on the pool's config, with the Day 1 config loaded, before the delete starts.
  await expect
    .poll(
      async () => {
        const node = await simNode(request, 'worker-0');
        return (
          node?.pool === 'ice' &&
          node.state === 'Done' &&
          node.currentConfig.startsWith('rendered-ice-') &&
          node.currentConfig === node.desiredConfig &&
          node.daemon?.phase === 'idle' &&
          node.day1['99-ice-day1'] === 'Loaded'
        );
      },
      { timeout: 120_000 },
    )
    .toBe(true);
  const rebootsBefore = (await simNode(request, 'worker-0'))?.daemon?.reboots ?? 0;

  await page.goto('/day1-kernel-modules/configs/99-ice-day1');
  await expect(page.getByTestId('config-pool-ice')).toContainText('worker-0');
  await page.getByTestId('config-actions').click();
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  const modal = page.getByTestId('delete-day1-config-modal');
  const option = modal.getByRole('checkbox', {
    name: 'Also remove the pool ice and its node labels',
  });
  // Kept unless the user asks.
  await expect(option).not.toBeChecked();
  await option.check();
  await expect(modal.getByTestId('delete-day1-config-node-moves')).toContainText(
    'worker-0 moves back to worker and reboots once',
  );
  await saveScreenshot(page, testInfo, 'delete-with-pool');
  await modal.getByTestId('confirm-delete-day1-config').click();

  // The label goes first; the config and the pool once MCO is done with worker-0 on worker's config.
  await expect(modal.getByTestId('delete-progress').locator('[data-status]')).toHaveCount(4);
  const order = await modal
    .getByTestId('delete-progress')
    .locator('[data-status]')
    .evaluateAll((steps) => steps.map((step) => step.getAttribute('data-test')));
  expect(order).toEqual([
    'delete-step-nodeLabel:worker-0',
    'delete-step-waitNodes:ice',
    'delete-step-machineConfig:99-ice-day1',
    'delete-step-pool:ice',
  ]);
  await expect(modal.getByTestId('delete-step-nodeLabel:worker-0')).toHaveAttribute(
    'data-status',
    'done',
  );
  expect((await nodeOf(request, 'worker-0')).labels).not.toHaveProperty(
    'node-role.kubernetes.io/ice',
  );
  await expect(modal).toBeHidden({ timeout: 180_000 });
  await expect(page).toHaveURL(/\/day1-kernel-modules$/);

  expect(await read(request, `${MC_PATH}/99-ice-day1`)).toBeUndefined();
  expect(await read(request, `${MCP_PATH}/ice`)).toBeUndefined();
  const { annotations } = await nodeOf(request, 'worker-0');
  expect(annotations['machineconfiguration.openshift.io/currentConfig']).toMatch(
    /^rendered-worker-/,
  );
  expect(annotations['machineconfiguration.openshift.io/state']).toBe('Done');
  // One reboot, onto worker's config: not one for the config's removal and one for the move.
  const after = await simNode(request, 'worker-0');
  expect(after?.pool).toBe('worker');
  expect(after?.daemon?.reboots).toBe(rebootsBefore + 1);
});
