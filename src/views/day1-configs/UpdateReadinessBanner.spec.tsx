import {
  k8sCreate,
  k8sGet,
  k8sPatch,
  useAccessReview,
  useK8sWatchResource,
} from '@openshift-console/dynamic-plugin-sdk';
import type { K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type {
  ClusterVersion,
  ImageStream,
  ImageStreamImport,
  ImageStreamTag,
  MachineConfig,
  MachineConfigPool,
  Node,
} from '../../k8s/types';
import { produceMachineConfigPool } from '../../producer';
import type { Day1ConfigSummary } from '../../producer';
import UpdateReadinessBanner from './UpdateReadinessBanner';

const OLD = '5.14.0-427.13.1.el9_4.x86_64';
const NEW = '5.14.0-570.42.2.el9_6.x86_64';

const basePool = (name: string): MachineConfigPool => ({
  apiVersion: 'machineconfiguration.openshift.io/v1',
  kind: 'MachineConfigPool',
  metadata: { name },
  spec: {
    machineConfigSelector: { matchLabels: { 'machineconfiguration.openshift.io/role': name } },
    nodeSelector: { matchLabels: { [`node-role.kubernetes.io/${name}`]: '' } },
  },
});

/** Per pool, the release of the rendered config its nodes completed; they all target 4.20.3's. */
type PoolReleases = Record<string, string>;

const rendered = (pool: string, version: string) => `rendered-${pool}-${version}`;

const withReleases = (pool: MachineConfigPool, releases?: PoolReleases): MachineConfigPool => {
  const done = releases?.[pool.metadata.name];
  if (done === undefined) return pool;
  const name = pool.metadata.name;
  return {
    ...pool,
    spec: { ...pool.spec, configuration: { name: rendered(name, '4.20.3') } },
    status: { configuration: { name: rendered(name, done) } },
  };
};

const pools = (sfcPaused: boolean, releases?: PoolReleases): MachineConfigPool[] => {
  const sfc = produceMachineConfigPool('sfc');
  return [
    basePool('master'),
    basePool('worker'),
    { ...sfc, spec: { ...sfc.spec, paused: sfcPaused } },
  ].map((p) => withReleases(p, releases));
};

/** The rendered configs of those pools, with MCO's release annotation. */
const renderedConfigs = (releases?: PoolReleases): MachineConfig[] =>
  Object.keys(releases ?? {}).flatMap((pool) =>
    ['4.19.9', '4.20.3'].map((version) => ({
      apiVersion: 'machineconfiguration.openshift.io/v1' as const,
      kind: 'MachineConfig' as const,
      metadata: {
        name: rendered(pool, version),
        labels: {},
        annotations: { 'machineconfiguration.openshift.io/release-image-version': version },
      },
      spec: { config: { ignition: { version: '3.5.0' } } },
    })),
  );

const node = (name: string, roles: string[], kernelVersion: string): Node => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: {
    name,
    labels: Object.fromEntries(roles.map((role) => [`node-role.kubernetes.io/${role}`, ''])),
  },
  status: { nodeInfo: { kernelVersion, architecture: 'amd64' } },
});

const nodes = (masterKernel = OLD): Node[] => [
  node('master-0', ['master'], masterKernel),
  node('worker-0', ['worker'], OLD),
  node('worker-4', ['sfc', 'worker'], OLD),
];

const summary = (image: string): Day1ConfigSummary => ({
  machineConfigName: '99-sfc-day1',
  machineConfigPoolRef: 'sfc',
  kernelModuleImage: image,
  kernelModuleName: 'sfc',
  inTreeModulesToRemove: ['sfc'],
  workerImage: 'w',
  producedBy: 'kmm-day1-console-plugin',
  pullRebootInMcoWindow: true,
});

/** The ClusterVersion once the control plane runs 4.20.3: Progressing=False, the update Completed. */
const clusterVersionDone: ClusterVersion = {
  apiVersion: 'config.openshift.io/v1',
  kind: 'ClusterVersion',
  metadata: { name: 'version' },
  status: {
    desired: { version: '4.20.3' },
    history: [
      { version: '4.20.3', state: 'Completed' },
      { version: '4.19.9', state: 'Completed' },
    ],
    availableUpdates: null,
    conditions: [{ type: 'Progressing', status: 'False' }],
  },
};

const clusterVersion = (updating: boolean, available: string[] = []): ClusterVersion => ({
  apiVersion: 'config.openshift.io/v1',
  kind: 'ClusterVersion',
  metadata: { name: 'version' },
  status: {
    desired: { version: updating ? '4.20.3' : '4.19.9' },
    history: updating
      ? [
          { version: '4.20.3', state: 'Partial' },
          { version: '4.19.9', state: 'Completed' },
        ]
      : [{ version: '4.19.9', state: 'Completed' }],
    availableUpdates: available.map((version) => ({ version })),
    conditions: [{ type: 'Progressing', status: updating ? 'True' : 'False' }],
  },
});

const driverToolkitStream: ImageStream = {
  metadata: { name: 'driver-toolkit', namespace: 'openshift' },
  status: { tags: [{ tag: 'latest', items: [{ image: 'sha256:new' }] }] },
};

interface Cluster {
  cv?: ClusterVersion;
  stream?: ImageStream | 'notFound';
  sfcPaused?: boolean;
  masterKernel?: string;
  releases?: PoolReleases;
}

/** Programs the mocked watches: a single object for ClusterVersion and ImageStream, lists otherwise. */
const serveCluster = ({ cv, stream, sfcPaused = false, masterKernel, releases }: Cluster) => {
  jest.mocked(useK8sWatchResource).mockImplementation((resource) => {
    // What the SDK answers for a null resource (nothing watched).
    if (resource === null) return [undefined as unknown as K8sResourceCommon, true, undefined];
    switch (resource.groupVersionKind?.kind) {
      case 'ClusterVersion':
        return cv === undefined ? [{}, true, { code: 404 }] : [cv, true, undefined];
      case 'ImageStream':
        return stream === undefined || stream === 'notFound'
          ? [{}, true, { code: 404 }]
          : [stream, true, undefined];
      case 'MachineConfigPool':
        return [pools(sfcPaused, releases), true, undefined];
      case 'MachineConfig':
        return [renderedConfigs(releases), true, undefined];
      case 'Node':
        return [nodes(masterKernel), true, undefined];
      case 'Namespace':
        return [
          [{ metadata: { name: 'kmm-day1-checks' } }] as K8sResourceCommon[],
          true,
          undefined,
        ];
      default:
        return [[], false, undefined];
    }
  });
  const tag: ImageStreamTag = {
    metadata: { name: 'driver-toolkit:latest', namespace: 'openshift' },
    image: { dockerImageMetadata: { Config: { Labels: { 'kernel-version': NEW } } } },
  };
  jest.mocked(k8sGet).mockResolvedValue(tag);
};

/** The registry behind the mocked ImageStreamImport: these references exist. */
const serveRegistry = (...existing: string[]) => {
  jest.mocked(k8sCreate).mockImplementation(({ data }) => {
    const request = data as ImageStreamImport;
    return Promise.resolve({
      ...request,
      status: {
        images: request.spec.images.map(({ from }) =>
          existing.includes(from.name)
            ? { status: { status: 'Success' } }
            : {
                status: { status: 'Failure', reason: 'NotFound', code: 404, message: 'not found' },
              },
        ),
      },
    });
  });
};

/** A registry that never answers: tests that show nothing get no state update after they end. */
const registryNeverAnswers = () => {
  jest.mocked(k8sCreate).mockReturnValue(new Promise(() => undefined));
};

describe('UpdateReadinessBanner', () => {
  beforeEach(() => {
    jest.mocked(useAccessReview).mockImplementation(() => [true, false]);
  });

  it('says nothing when the cluster is neither updating nor offered an update', () => {
    serveCluster({ cv: clusterVersion(false) });
    registryNeverAnswers();
    const { container } = render(<UpdateReadinessBanner configs={[summary('q/none')]} />);
    expect(container).toBeEmptyDOMElement();
  });

  it('says nothing without a ClusterVersion (404)', () => {
    serveCluster({});
    registryNeverAnswers();
    const { container } = render(<UpdateReadinessBanner configs={[summary('q/none404')]} />);
    expect(container).toBeEmptyDOMElement();
  });

  it('says why without permission to read the ClusterVersion, and does not watch it', () => {
    serveCluster({ cv: clusterVersion(true) });
    registryNeverAnswers();
    jest
      .mocked(useAccessReview)
      .mockImplementation(({ resource }) => [resource !== 'clusterversions', false]);
    render(<UpdateReadinessBanner configs={[summary('q/denied')]} />);
    expect(screen.getByTestId('update-readiness-no-access')).toHaveTextContent(
      'you cannot read the ClusterVersion',
    );
    const kinds = jest
      .mocked(useK8sWatchResource)
      .mock.calls.map(([resource]) => resource?.groupVersionKind?.kind);
    expect(kinds).not.toContain('ClusterVersion');
  });

  it('during an update, the Driver Toolkit’s kernel without a tag: Pause pool only after confirmation', async () => {
    const image = 'quay.io/acme/sfc-pause';
    serveCluster({ cv: clusterVersion(true), stream: driverToolkitStream });
    serveRegistry(`${image}:${OLD}`);
    jest.mocked(k8sPatch).mockResolvedValue({});
    render(<UpdateReadinessBanner configs={[summary(image)]} />);
    expect(await screen.findByTestId('update-readiness-update')).toHaveTextContent(
      'OpenShift is updating from 4.19.9 to 4.20.3',
    );
    const alert = screen.getByTestId('update-readiness-99-sfc-day1');
    await waitFor(() => {
      expect(within(alert).getByTestId(`update-kernel-${NEW}`)).toHaveTextContent(
        `New kernel ${NEW} (declared by the Driver Toolkit, on no node yet): ${image}:${NEW}, No tag`,
      );
    });
    expect(jest.mocked(k8sGet)).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'driver-toolkit:latest', ns: 'openshift' }),
    );

    // One Pause, for the pool, in the pools' row; the config's alert says why.
    const row = await screen.findByTestId('update-pool-sfc');
    expect(within(row).getByTestId('update-pool-action')).toHaveTextContent(
      'sfc: 99-sfc-day1 has no tag for the kernel its nodes would reboot into.',
    );
    expect(screen.getAllByRole('button', { name: 'Pause pool sfc' })).toHaveLength(1);
    await userEvent.click(within(row).getByRole('button', { name: 'Pause pool sfc' }));
    const modal = await screen.findByTestId('pause-pool-modal');
    expect(within(modal).getByTestId('pause-pool-update')).toHaveTextContent(
      'During an OpenShift update, pausing holds the nodes of sfc on the old kernel',
    );
    await userEvent.click(within(modal).getByRole('button', { name: 'Cancel' }));
    expect(jest.mocked(k8sPatch)).not.toHaveBeenCalled();

    await userEvent.click(within(row).getByRole('button', { name: 'Pause pool sfc' }));
    await userEvent.click(await screen.findByTestId('confirm-pause-pool'));
    await waitFor(() => {
      expect(jest.mocked(k8sPatch)).toHaveBeenCalledWith(
        expect.objectContaining({
          resource: { metadata: { name: 'sfc' } },
          data: [{ op: 'add', path: '/spec/paused', value: true }],
        }),
      );
    });
  });

  it('without the Driver Toolkit: waits for the first node, then flags the master that runs the new kernel', async () => {
    const image = 'quay.io/acme/sfc-nodtk';
    serveCluster({ cv: clusterVersion(true), stream: 'notFound' });
    serveRegistry(`${image}:${OLD}`);
    const { rerender } = render(<UpdateReadinessBanner configs={[summary(image)]} />);
    const alert = await screen.findByTestId('update-readiness-99-sfc-day1');
    expect(alert).toHaveTextContent(
      'the check starts when the first node reboots into the new kernel',
    );
    expect(jest.mocked(k8sGet)).not.toHaveBeenCalled();

    serveCluster({ cv: clusterVersion(true), stream: 'notFound', masterKernel: NEW });
    rerender(<UpdateReadinessBanner configs={[summary(image)]} />);
    await waitFor(() => {
      expect(screen.getByTestId('update-readiness-flagged')).toHaveTextContent('master-0');
    });
    expect(screen.getByTestId('update-readiness-99-sfc-day1')).toHaveTextContent(
      '99-sfc-day1: nodes run a kernel its image has no tag for',
    );
  });

  it('offers Resume for the paused pool once the tag exists, after confirmation', async () => {
    const image = 'quay.io/acme/sfc-resume';
    serveCluster({ cv: clusterVersion(true), stream: driverToolkitStream, sfcPaused: true });
    serveRegistry(`${image}:${OLD}`, `${image}:${NEW}`);
    jest.mocked(k8sPatch).mockResolvedValue({});
    render(<UpdateReadinessBanner configs={[summary(image)]} />);
    const row = await screen.findByTestId('update-pool-sfc');
    const resume = await within(row).findByRole('button', { name: 'Resume sfc' });
    expect(screen.getByTestId('update-readiness-action')).toHaveTextContent(
      'The image has the new kernel’s tag now: resume sfc.',
    );
    await userEvent.click(resume);
    const modal = await screen.findByTestId('resume-pool-modal');
    expect(within(modal).getByTestId('resume-pool-warning')).toHaveTextContent(
      'drains and reboots the nodes of sfc one batch at a time (maxUnavailable) into the new OpenShift version and its kernel',
    );
    await userEvent.click(within(modal).getByTestId('confirm-resume-pool'));
    await waitFor(() => {
      expect(jest.mocked(k8sPatch)).toHaveBeenCalledWith(
        expect.objectContaining({
          data: [
            { op: 'test', path: '/spec/paused', value: true },
            { op: 'replace', path: '/spec/paused', value: false },
          ],
        }),
      );
    });
  });

  it('two configs on sfc (worker’s ice config reaches it): no Resume while ice’s image lacks the tag', async () => {
    const image = 'quay.io/acme/sfc-two';
    const iceImage = 'quay.io/acme/ice-two';
    const ice: Day1ConfigSummary = {
      ...summary(iceImage),
      machineConfigName: '99-ice-day1',
      machineConfigPoolRef: 'worker',
      kernelModuleName: 'ice',
      inTreeModulesToRemove: ['ice'],
    };
    serveCluster({ cv: clusterVersion(true), stream: driverToolkitStream, sfcPaused: true });
    serveRegistry(`${image}:${OLD}`, `${image}:${NEW}`, `${iceImage}:${OLD}`);
    render(<UpdateReadinessBanner configs={[ice, summary(image)]} />);
    const row = await screen.findByTestId('update-pool-sfc');
    await waitFor(() => {
      expect(within(row).getByTestId('update-pool-action')).toHaveTextContent(
        'sfc is paused: keep it paused until 99-ice-day1 has a tag for the kernel its nodes reboot into.',
      );
    });
    expect(screen.queryByRole('button', { name: /^Resume/ })).not.toBeInTheDocument();
    // sfc's own config is ready, and says what its pool waits for; ice says what it lacks.
    expect(
      within(screen.getByTestId('update-readiness-99-sfc-day1')).getByTestId(
        'update-readiness-action',
      ),
    ).toHaveTextContent(
      'The image has the new kernel’s tag, but sfc also takes 99-ice-day1: keep it paused until that image has its tag too.',
    );
    expect(
      within(screen.getByTestId('update-readiness-99-ice-day1')).getByTestId(
        `update-kernel-${NEW}`,
      ),
    ).toHaveTextContent(`${iceImage}:${NEW}, No tag`);
    // worker, not paused, is offered one Pause for ice.
    expect(
      within(screen.getByTestId('update-pool-worker')).getByRole('button', {
        name: 'Pause pool worker',
      }),
    ).toBeInTheDocument();
  });

  it('stays once the ClusterVersion is done while sfc, paused, has not reached the release', async () => {
    const image = 'quay.io/acme/sfc-after';
    const releases = { master: '4.20.3', worker: '4.19.9', sfc: '4.19.9' };
    serveCluster({
      cv: clusterVersionDone,
      stream: driverToolkitStream,
      sfcPaused: true,
      masterKernel: NEW,
      releases,
    });
    serveRegistry(`${image}:${OLD}`);
    const { rerender } = render(<UpdateReadinessBanner configs={[summary(image)]} />);
    expect(await screen.findByTestId('update-readiness-update')).toHaveTextContent(
      'OpenShift 4.20.3: the control plane is updated; pools still updating: sfc, worker',
    );
    await waitFor(() => {
      expect(screen.getByTestId('update-readiness-flagged')).toHaveTextContent('master-0');
    });
    expect(screen.getByTestId('update-pool-sfc')).toHaveTextContent(
      'sfc is paused: keep it paused until 99-sfc-day1 has a tag',
    );

    // The tag pushed: Resume is offered, the ClusterVersion long done.
    serveRegistry(`${image}:${OLD}`, `${image}:${NEW}`);
    await userEvent.click(screen.getByTestId('update-readiness-recheck'));
    rerender(<UpdateReadinessBanner configs={[summary(image)]} />);
    expect(
      await within(screen.getByTestId('update-pool-sfc')).findByRole('button', {
        name: 'Resume sfc',
      }),
    ).toBeInTheDocument();
  });

  it('when an update is only available, says the Driver Toolkit tells the new kernel once it starts', async () => {
    const image = 'quay.io/acme/sfc-available';
    serveCluster({ cv: clusterVersion(false, ['4.20.3']), stream: driverToolkitStream });
    const runningRelease: ImageStreamTag = {
      metadata: { name: 'driver-toolkit:latest' },
      image: { dockerImageMetadata: { Config: { Labels: { 'kernel-version': OLD } } } },
    };
    jest.mocked(k8sGet).mockResolvedValue(runningRelease);
    serveRegistry(`${image}:${OLD}`);
    render(<UpdateReadinessBanner configs={[summary(image)]} />);
    expect(await screen.findByTestId('update-readiness-update')).toHaveTextContent(
      'OpenShift update available: 4.20.3',
    );
    await waitFor(() => {
      expect(screen.getByTestId('update-readiness-action')).toHaveTextContent(
        'The new kernel is known once the update starts',
      );
    });
    expect(screen.queryByRole('button', { name: /Pause pool/ })).not.toBeInTheDocument();
  });
});
