import type { MachineConfigPool, Node } from '../k8s/types';
import { produceMachineConfigPool } from '../producer';
import type { Day1ConfigSummary } from '../producer';
import { formatCoverageSummary, formatTagCheck } from './kernel-coverage-english';
import { kernelCoverage, kernelsToCheck, tagCheckKey, tagChecksFor } from './kernel-coverage';
import type { TagCheck, TagCheckRequest } from './kernel-coverage';

const EL94 = '5.14.0-427.13.1.el9_4.x86_64';
const EL92 = '5.14.0-284.59.1.el9_2.x86_64';
const EL96 = '5.14.0-570.12.1.el9_6.x86_64';
const DEBUG = '5.14.0-427.13.1.el9_4.x86_64+debug';

const pool = (name: string, role: string, roles: string[] = [role]): MachineConfigPool => ({
  apiVersion: 'machineconfiguration.openshift.io/v1',
  kind: 'MachineConfigPool',
  metadata: { name },
  spec: {
    machineConfigSelector: {
      matchExpressions: [
        { key: 'machineconfiguration.openshift.io/role', operator: 'In', values: roles },
      ],
    },
    nodeSelector: { matchLabels: { [`node-role.kubernetes.io/${role}`]: '' } },
  },
});

const POOLS = [pool('master', 'master'), pool('worker', 'worker'), produceMachineConfigPool('sfc')];

const node = (name: string, roles: string[], kernelVersion?: string, os = 'linux'): Node => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: {
    name,
    labels: {
      'kubernetes.io/os': os,
      ...Object.fromEntries(roles.map((role) => [`node-role.kubernetes.io/${role}`, ''])),
    },
  },
  status: kernelVersion === undefined ? {} : { nodeInfo: { kernelVersion } },
});

const config = (name: string, pool: string, image: string): Day1ConfigSummary => ({
  machineConfigName: name,
  machineConfigPoolRef: pool,
  kernelModuleImage: image,
  kernelModuleName: 'm',
  inTreeModulesToRemove: [],
  workerImage: 'w',
  producedBy: 'kmm-day1-console-plugin',
});

const SFC = config('99-sfc-day1', 'sfc', 'quay.io/acme/sfc-kmod');
const ICE = config('99-ice-day1', 'worker', 'quay.io/acme/ice-kmod');

/** A registry that has exactly these references. */
const registry =
  (...references: string[]) =>
  (request: TagCheckRequest): TagCheck =>
    references.includes(tagCheckKey(request)) ? { result: 'found' } : { result: 'missing' };

describe('kernelsToCheck', () => {
  const nodes = [
    node('master-0', ['master'], EL96),
    node('worker-0', ['worker'], EL94),
    node('worker-1', ['worker'], EL92),
    node('worker-4', ['worker', 'sfc'], EL94),
    node('worker-5', ['worker', 'sfc'], EL92),
  ];

  it('checks every kernel in the cluster, with the nodes of the config’s own pools', () => {
    const [sfc] = kernelsToCheck({ configs: [SFC], pools: POOLS, nodes });
    expect(sfc.pools).toEqual(['sfc']);
    expect(sfc.kernels).toEqual([
      {
        kernelVersion: EL92,
        tag: EL92,
        configNodes: [{ pool: 'sfc', nodes: ['worker-5'] }],
        clusterNodeCount: 2,
      },
      {
        kernelVersion: EL94,
        tag: EL94,
        configNodes: [{ pool: 'sfc', nodes: ['worker-4'] }],
        clusterNodeCount: 2,
      },
      // Only a master runs it: the control plane updates first.
      { kernelVersion: EL96, tag: EL96, configNodes: [], clusterNodeCount: 1 },
    ]);
  });

  it('reaches the custom pools that inherit worker configs', () => {
    const [ice] = kernelsToCheck({ configs: [ICE], pools: POOLS, nodes });
    expect(ice.pools).toEqual(['sfc', 'worker']);
    expect(ice.kernels[0].configNodes).toEqual([
      { pool: 'sfc', nodes: ['worker-5'] },
      { pool: 'worker', nodes: ['worker-1'] },
    ]);
  });

  it('maps a kernel with "+" to its tag, and leaves out Windows nodes and nodes with no kernel', () => {
    const [sfc] = kernelsToCheck({
      configs: [SFC],
      pools: POOLS,
      nodes: [
        node('worker-4', ['worker', 'sfc'], DEBUG),
        node('win-0', ['worker'], '10.0.20348.2582', 'windows'),
        node('worker-5', ['worker', 'sfc']),
      ],
    });
    expect(sfc.kernels).toEqual([
      {
        kernelVersion: DEBUG,
        tag: '5.14.0-427.13.1.el9_4.x86_64_debug',
        configNodes: [{ pool: 'sfc', nodes: ['worker-4'] }],
        clusterNodeCount: 1,
      },
    ]);
  });

  it('asks once per (image, tag)', () => {
    const other = config('99-sfc-other', 'worker', 'quay.io/acme/sfc-kmod');
    const plan = kernelsToCheck({ configs: [SFC, other, ICE], pools: POOLS, nodes });
    expect(tagChecksFor(plan).map(tagCheckKey)).toEqual([
      `quay.io/acme/ice-kmod:${EL92}`,
      `quay.io/acme/ice-kmod:${EL94}`,
      `quay.io/acme/ice-kmod:${EL96}`,
      `quay.io/acme/sfc-kmod:${EL92}`,
      `quay.io/acme/sfc-kmod:${EL94}`,
      `quay.io/acme/sfc-kmod:${EL96}`,
    ]);
  });
});

describe('kernelCoverage', () => {
  const nodes = [
    node('master-0', ['master'], EL94),
    node('worker-0', ['worker'], EL94),
    node('worker-1', ['worker'], EL92),
    node('worker-3', ['worker'], EL92),
    node('worker-5', ['worker', 'sfc'], EL92),
  ];
  const plan = kernelsToCheck({ configs: [ICE, SFC], pools: POOLS, nodes });

  it('counts covered kernels and names the missing tags and the nodes on the in-tree driver', () => {
    const [ice, sfc] = kernelCoverage(
      plan,
      registry(`quay.io/acme/ice-kmod:${EL94}`, `quay.io/acme/sfc-kmod:${EL94}`),
    );
    expect(ice).toMatchObject({
      machineConfigName: '99-ice-day1',
      state: 'partial',
      covered: 1,
      total: 2,
      missing: 1,
      unknown: 0,
      missingTags: [EL92],
      inTreeNodes: [
        { pool: 'sfc', nodes: ['worker-5'] },
        { pool: 'worker', nodes: ['worker-1', 'worker-3'] },
      ],
    });
    expect(formatCoverageSummary(ice)).toBe('1 of 2 kernels (1 missing)');
    expect(sfc.inTreeNodes).toEqual([{ pool: 'sfc', nodes: ['worker-5'] }]);
  });

  it('is full when every tag exists', () => {
    const [ice] = kernelCoverage(
      plan,
      registry(`quay.io/acme/ice-kmod:${EL94}`, `quay.io/acme/ice-kmod:${EL92}`),
    );
    expect(ice).toMatchObject({ state: 'full', covered: 2, total: 2, inTreeNodes: [] });
    expect(formatCoverageSummary(ice)).toBe('2 of 2 kernels');
  });

  it('says why when the answers are unknown, and counts unanswered pairs as checking', () => {
    const noAccess: TagCheck = { result: 'unknown', reason: 'noAccess', namespace: 'team-a' };
    const [ice] = kernelCoverage(plan, () => noAccess);
    expect(ice).toMatchObject({ state: 'unknown', covered: 0, unknown: 2, missingTags: [] });
    expect(ice.unknownReason).toEqual(noAccess);
    expect(formatTagCheck(ice.kernels[0].check)).toBe(
      'unknown: you cannot create ImageStreamImports in team-a',
    );
    const [pending] = kernelCoverage(plan, (request) =>
      request.tag === EL94 ? { result: 'found' } : undefined,
    );
    expect(pending).toMatchObject({ state: 'unknown', covered: 1, unknown: 1 });
    expect(pending.kernels[0].check).toEqual({ result: 'unknown', reason: 'checking' });
  });

  it('has nothing to check before any node reports a kernel', () => {
    const [empty] = kernelCoverage(
      kernelsToCheck({ configs: [ICE], pools: POOLS, nodes: [node('worker-0', ['worker'])] }),
      registry(),
    );
    expect(empty).toMatchObject({ state: 'noKernels', total: 0 });
  });
});
