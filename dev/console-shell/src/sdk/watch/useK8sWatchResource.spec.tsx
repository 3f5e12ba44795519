/** @jest-environment ./dev/console-shell/test/jsdom-with-fetch-environment.cjs */
import type { ReactNode } from 'react';
import type {
  K8sResourceCommon,
  WatchK8sResource,
  WatchK8sResult,
} from '@openshift-console/dynamic-plugin-sdk';
import { render, screen, waitFor } from '@testing-library/react';
import type { SimCluster } from '../../../test/sim-cluster';
import { MACHINE_CONFIGS, MACHINE_CONFIG_POOLS, startSimCluster } from '../../../test/sim-cluster';
import { configureSDK, resetSDKConfig } from '../config';
import { NoModelError } from '../http-error';
import { useK8sWatchResource } from './useK8sWatchResource';
import { useK8sWatchResources } from './useK8sWatchResources';
import { useWatchConnectionStatus } from './useWatchConnectionStatus';
import { WatchStore } from './watch-store';
import { WatchStoreContext } from './WatchStoreContext';

const MC_GVK = { group: 'machineconfiguration.openshift.io', version: 'v1', kind: 'MachineConfig' };
const MCP_GVK = { ...MC_GVK, kind: 'MachineConfigPool' };

let server: SimCluster;
let store: WatchStore;

const withStore = (children: ReactNode) => (
  <WatchStoreContext.Provider value={store}>{children}</WatchStoreContext.Provider>
);

/** Shows the names a watch returns, so both users of one watch can be checked. */
const MachineConfigNames = ({ id }: { id: string }) => {
  const [data, loaded] = useK8sWatchResource<K8sResourceCommon[]>({
    groupVersionKind: MC_GVK,
    isList: true,
  });
  return <p data-test={id}>{loaded ? data.map((mc) => mc.metadata?.name).join(',') : 'loading'}</p>;
};

/** Records every result of the hook. */
const record = (results: WatchK8sResult<K8sResourceCommon | K8sResourceCommon[]>[]) => {
  const Recorder = ({ resource }: { resource: WatchK8sResource | null }) => {
    results.push(useK8sWatchResource(resource));
    return null;
  };
  return Recorder;
};

beforeEach(async () => {
  server = await startSimCluster();
  configureSDK({ apiOrigin: server.url });
  store = new WatchStore({ initialBackoffMs: 20, maxBackoffMs: 40 });
  server.add(MACHINE_CONFIGS, { metadata: { name: '00-worker' } });
  server.add(MACHINE_CONFIGS, { metadata: { name: '99-sfc-day1' } });
  server.add(MACHINE_CONFIG_POOLS, {
    apiVersion: 'machineconfiguration.openshift.io/v1',
    kind: 'MachineConfigPool',
    metadata: { name: 'sfc' },
  });
});

// Watch events arrive from the network, outside act(); waitFor/findBy wait for their renders.
afterEach(async () => {
  store.stopAll();
  resetSDKConfig();
  await server.close();
});

it('shares one list and one WebSocket watch between two components', async () => {
  const { unmount } = render(
    withStore(
      <>
        <MachineConfigNames id="first" />
        <MachineConfigNames id="second" />
      </>,
    ),
  );
  expect(
    await screen.findByText('00-worker,99-sfc-day1', { selector: '[data-test="first"]' }),
  ).toBeInTheDocument();
  expect(screen.getByTestId('second')).toHaveTextContent('00-worker,99-sfc-day1');
  await waitFor(() => {
    expect(server.sim.openWatches).toBe(1);
  });
  expect(server.requestsTo('GET', /machineconfigs\?(?!.*watch=)/)).toHaveLength(1);

  server.add(MACHINE_CONFIGS, { metadata: { name: '50-new' } });
  await waitFor(() => {
    expect(screen.getByTestId('first')).toHaveTextContent('00-worker,99-sfc-day1,50-new');
    expect(screen.getByTestId('second')).toHaveTextContent('00-worker,99-sfc-day1,50-new');
  });

  unmount();
  expect(store.getStatus().watches).toBe(0);
  await waitFor(() => {
    expect(server.sim.openWatches).toBe(0);
  });
});

it('returns console-shaped tuples before and after loading', async () => {
  const results: WatchK8sResult<K8sResourceCommon | K8sResourceCommon[]>[] = [];
  const Recorder = record(results);
  render(withStore(<Recorder resource={{ groupVersionKind: MCP_GVK, name: 'sfc' }} />));
  // First render: no data yet; an object is {}.
  expect(results[0]).toEqual([{}, false, undefined]);
  await waitFor(() => {
    expect(results[results.length - 1][1]).toBe(true);
  });
  const [data, loaded, loadError] = results[results.length - 1] as [unknown, boolean, unknown];
  expect(data).toMatchObject({ kind: 'MachineConfigPool', metadata: { name: 'sfc' } });
  expect(loaded).toBe(true);
  expect(loadError).toBe('');
});

it('gives [undefined, true, undefined] for null and a NoModelError for an unknown kind', () => {
  const results: WatchK8sResult<K8sResourceCommon | K8sResourceCommon[]>[] = [];
  const Recorder = record(results);
  const { rerender } = render(withStore(<Recorder resource={null} />));
  expect(results[0]).toEqual([undefined, true, undefined]);

  rerender(
    withStore(
      <Recorder resource={{ groupVersionKind: { version: 'v1', kind: 'Nope' }, isList: true }} />,
    ),
  );
  const [data, loaded, loadError] = results[results.length - 1] as [unknown, boolean, unknown];
  expect(data).toEqual([]);
  expect(loaded).toBe(true);
  expect(loadError).toBeInstanceOf(NoModelError);
  expect(store.getStatus().watches).toBe(0);
});

it('useK8sWatchResources returns one result per key and joins existing watches', async () => {
  const Both = () => {
    const { configs, pool } = useK8sWatchResources<{
      configs: K8sResourceCommon[];
      pool: K8sResourceCommon;
    }>({
      configs: { groupVersionKind: MC_GVK, isList: true },
      pool: { groupVersionKind: MCP_GVK, name: 'sfc' },
    });
    return (
      <p data-test="both">
        {configs.loaded && pool.loaded
          ? `${String(configs.data.length)} configs, pool ${pool.data.metadata?.name ?? ''}`
          : 'loading'}
      </p>
    );
  };
  render(
    withStore(
      <>
        <Both />
        <MachineConfigNames id="names" />
      </>,
    ),
  );
  expect(await screen.findByText('2 configs, pool sfc')).toBeInTheDocument();
  expect(store.getStatus().watches).toBe(2);
  expect(server.requestsTo('GET', /machineconfigs\?(?!.*watch=)/)).toHaveLength(1);
});

it('exposes the reconnecting state while a dropped watch recovers', async () => {
  const Status = () => {
    const { watches, reconnecting } = useWatchConnectionStatus();
    return (
      <p data-test="status">{`${String(watches)} watches, ${String(reconnecting)} reconnecting`}</p>
    );
  };
  render(
    withStore(
      <>
        <MachineConfigNames id="names" />
        <Status />
      </>,
    ),
  );
  await waitFor(() => {
    expect(server.sim.openWatches).toBe(1);
  });
  expect(screen.getByTestId('status')).toHaveTextContent('1 watches, 0 reconnecting');
  server.sim.applyFaults({
    apiErrors: {
      count: 2,
      status: 503,
      method: 'GET',
      path: '/machineconfigs?limit',
      message: 'down',
    },
  });
  server.sim.applyFaults({ dropWatches: true });
  expect(await screen.findByText('1 watches, 1 reconnecting')).toBeInTheDocument();
  // The data stays on screen meanwhile.
  expect(screen.getByTestId('names')).toHaveTextContent('00-worker,99-sfc-day1');
  expect(await screen.findByText('1 watches, 0 reconnecting')).toBeInTheDocument();
});
