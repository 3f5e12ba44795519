import { screen, within } from '@testing-library/react';
import {
  NOW,
  R1,
  R2,
  ago,
  condition,
  machineConfigNode,
  node,
} from '../../../test/support/rollout-objects';
import {
  loaded,
  renderRolloutPage,
  serveCluster,
  workerPool,
} from '../../../test/support/views/rollout-fixtures';

const PDB_MESSAGE =
  'Error: Node Drain has not succeeded. Error is: [error when evicting pods/"web-1" -n "shop" (will retry after 5s): Cannot evict pod as it would violate the pod\'s disruption budget., global timeout reached: 1m30s]';

/** w-a draining for 3 minutes, blocked by a PodDisruptionBudget; w-b waiting; w-c updated. */
const serveBlockedDrain = () => {
  serveCluster({
    pools: loaded([workerPool()]),
    nodes: loaded([
      node('w-a', { current: R1, desired: R2, state: 'Working', desiredDrain: `drain-${R2}` }),
      node('w-b', { current: R1 }),
      node('w-c', { current: R2 }),
    ]),
    machineConfigNodes: loaded([
      machineConfigNode('w-a', { current: R1, desired: R2 }, [
        condition('Updated', 'False', 'Node w-a needs an update', ago(3)),
        condition('UpdatePrepared', 'True', 'Update Compatible.', ago(3)),
        condition('UpdateExecuted', 'Unknown', 'Node Drain has not succeeded', ago(3)),
        condition('Cordoned', 'True', 'Cordoned node.', ago(3)),
        condition('Drained', 'Unknown', PDB_MESSAGE, ago(1)),
      ]),
    ]),
    machineConfigs: loaded([]),
  });
};

const row = (name: string) => screen.getByTestId(`node-row-${name}`);

describe('a node whose drain is blocked, and each node’s estimate', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: NOW });
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('says what blocks the drain and for how long, as oc adm upgrade status does', () => {
    serveBlockedDrain();
    renderRolloutPage('/day1-kernel-modules/rollout/worker');
    const message = within(row('w-a')).getByTestId('node-message');
    expect(message).toHaveTextContent(
      'Drain blocked: evicting pod shop/web-1 would violate its PodDisruptionBudget. MCO retries the drain; after an hour the daemon reports the node degraded.',
    );
    expect(within(message).getByTestId('node-drain-blocked-for')).toHaveTextContent(
      'Draining for about 3 min',
    );
  });

  it('estimates when each node is done, from the pool’s timing model', () => {
    serveBlockedDrain();
    renderRolloutPage('/day1-kernel-modules/rollout/worker');
    // Started 3 minutes ago; 6 minutes a node by the documented defaults.
    expect(within(row('w-a')).getByTestId('node-estimate')).toHaveTextContent('in about 3 min');
    expect(within(row('w-b')).getByTestId('node-estimate')).toHaveTextContent(
      'When its turn comes',
    );
    expect(within(row('w-c')).getByTestId('node-estimate')).toHaveAttribute(
      'data-estimate',
      'none',
    );
    // The pool card says what its time left is based on.
    expect(screen.getByTestId('pool-card-worker')).toHaveTextContent('(from typical durations)');
  });
});
