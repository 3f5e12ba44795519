import { readDrainBlock } from './drain-block';

const PDB =
  'Error: Node Drain has not succeeded. Error is: [error when evicting pods/"sfc-traffic-generator-7c9d5b8f6-q2x7n" -n "kmm-day1-demo" (will retry after 5s): Cannot evict pod as it would violate the pod\'s disruption budget., global timeout reached: 1m30s] The drain will not be complete until desired drainer drain-rendered-sfc-2 matches current drainer uncordon-rendered-sfc-1';

describe('readDrainBlock', () => {
  it('reads a PodDisruptionBudget that blocks an eviction, with the pod and its namespace', () => {
    expect(readDrainBlock(PDB)).toEqual({
      cause: 'disruptionBudget',
      pod: 'sfc-traffic-generator-7c9d5b8f6-q2x7n',
      namespace: 'kmm-day1-demo',
    });
  });

  it('reads other eviction errors and timeouts', () => {
    expect(
      readDrainBlock(
        'Drain failed: error when evicting pods/"db-0" -n "prod": Internal error occurred',
      ),
    ).toEqual({ cause: 'evictionFailed', pod: 'db-0', namespace: 'prod' });
    expect(
      readDrainBlock(
        'Error: Node Drain has not succeeded. Error is: [global timeout reached: 1m30s]',
      ),
    ).toEqual({ cause: 'timeout', pod: null, namespace: null });
  });

  it('says nothing of a drain that is just going on', () => {
    expect(readDrainBlock(undefined)).toBeUndefined();
    expect(
      readDrainBlock(
        'Draining node. The drain will not be complete until desired drainer drain-a matches current drainer uncordon-b',
      ),
    ).toBeUndefined();
  });
});
