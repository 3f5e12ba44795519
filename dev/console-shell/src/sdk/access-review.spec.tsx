/** @jest-environment ./dev/console-shell/test/jsdom-with-fetch-environment.cjs */
import { render, screen } from '@testing-library/react';
import type { SimCluster } from '../../test/sim-cluster';
import { startSimCluster } from '../../test/sim-cluster';
import { checkAccess, clearAccessReviewCache, useAccessReview } from './access-review';
import { configureSDK, resetSDKConfig } from './config';

const SSAR = /selfsubjectaccessreviews/;
const MC_CREATE = {
  group: 'machineconfiguration.openshift.io',
  resource: 'machineconfigs',
  verb: 'create' as const,
};

let server: SimCluster;

beforeEach(async () => {
  server = await startSimCluster();
  configureSDK({ apiOrigin: server.url });
  clearAccessReviewCache();
});

afterEach(async () => {
  jest.restoreAllMocks();
  resetSDKConfig();
  await server.close();
});

const CanCreate = () => {
  const [allowed, loading] = useAccessReview(MC_CREATE);
  return <p data-test="access">{loading ? 'checking' : allowed ? 'allowed' : 'denied'}</p>;
};

it('checkAccess posts a SelfSubjectAccessReview once per question', async () => {
  const review = await checkAccess(MC_CREATE);
  expect(review.status?.allowed).toBe(true);
  await checkAccess({ ...MC_CREATE });
  expect(server.requestsTo('POST', SSAR)).toHaveLength(1);
  expect(server.requestsTo('POST', SSAR)[0].body).toEqual({
    apiVersion: 'authorization.k8s.io/v1',
    kind: 'SelfSubjectAccessReview',
    spec: {
      resourceAttributes: {
        group: 'machineconfiguration.openshift.io',
        resource: 'machineconfigs',
        subresource: '',
        verb: 'create',
        name: '',
        namespace: '',
      },
    },
  });
});

it('useAccessReview is [false, true] while checking, then the answer', async () => {
  render(<CanCreate />);
  expect(screen.getByTestId('access')).toHaveTextContent('checking');
  expect(await screen.findByText('allowed')).toBeInTheDocument();
});

it('denies writes to the read-only user', async () => {
  server.actAs('read-only');
  render(<CanCreate />);
  expect(await screen.findByText('denied')).toBeInTheDocument();
  await expect(checkAccess({ ...MC_CREATE, verb: 'list' })).resolves.toMatchObject({
    status: { allowed: true },
  });
});

it('allows when the review itself fails, as console does (the server still enforces)', async () => {
  // The read-only user, whom a working review would deny.
  server.actAs('read-only');
  server.sim.applyFaults({
    apiErrors: {
      count: 100,
      status: 500,
      method: 'POST',
      path: 'selfsubjectaccessreviews',
      message: 'boom',
    },
  });
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  render(<CanCreate />);
  expect(await screen.findByText('allowed')).toBeInTheDocument();
  expect(server.requestsTo('POST', SSAR)).toHaveLength(1);
});

it('skips the review for empty group and resource when asked to', () => {
  const Skip = () => {
    const [allowed, loading] = useAccessReview({ verb: 'create' }, undefined, true);
    return <p data-test="skip">{`${String(allowed)} ${String(loading)}`}</p>;
  };
  render(<Skip />);
  expect(screen.getByTestId('skip')).toHaveTextContent('false false');
  expect(server.requestsTo('POST', SSAR)).toHaveLength(0);
});
