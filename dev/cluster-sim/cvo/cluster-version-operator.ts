/**
 * The cluster version operator, as far as an OpenShift update reaches MCO and the nodes. Setting
 * ClusterVersion `spec.desiredUpdate` (what `oc adm upgrade --to` and the console do, and
 * `POST /sim/cluster-update`) to an available release starts the update: `status.desired` and a
 * `Partial` history entry, `Progressing=True`, the release's Driver Toolkit tag in
 * `openshift/driver-toolkit`. After the operators before it (`releaseToMco`), MCO renders the
 * control-plane pool with the release's OS image; once the master pool is Updated on it, the update is
 * `Completed` (MCO reports the new version) and MCO renders every other pool with it. Each node then
 * reboots into the new OS, and so into its kernel. Paused pools are rendered but not updated (MCO).
 */
import type { PoolObject } from '../core/kube-types';
import {
  CLUSTER_VERSIONS,
  IMAGE_STREAMS,
  IMAGE_STREAM_TAGS,
  MACHINE_CONFIGS,
  MACHINE_CONFIG_POOLS,
} from '../core/resources';
import type { StoreEvent } from '../core/store';
import type { BootedOs } from '../mco/daemon';
import { ANNOTATIONS } from '../mco/constants';
import type { ReleaseImages } from '../mco/render';
import type { SimContext } from '../sim-context';
import { nowStamp } from '../sim-context';
import {
  DRIVER_TOOLKIT,
  driverToolkitStream,
  driverToolkitTags,
  releaseRef,
  setCondition,
  versionHash,
} from './objects';
import type { ClusterVersionObject } from './objects';
import { INSTALLED, releaseNamed, releaseWithOsImage } from './releases';
import type { Release } from './releases';

const CONTROL_PLANE_POOL = 'master';

export class ClusterVersionOperator {
  private current: Release = INSTALLED;
  private target?: Release;
  /** MCO runs the target release: the control-plane pool renders with its OS image. */
  private mcoOnTarget = false;
  private unsubscribe?: () => void;

  constructor(
    private readonly context: SimContext,
    /** Asks MCO's render controller to render every pool again. */
    private readonly rerender: () => void,
  ) {}

  start(): void {
    this.unsubscribe = this.context.store.onChange((event) => {
      this.onChange(event);
    });
  }

  stop(): void {
    this.unsubscribe?.();
  }

  /** The release MCO renders a pool for. */
  releaseFor(pool: string): ReleaseImages {
    const release =
      this.target !== undefined && this.mcoOnTarget && pool === CONTROL_PLANE_POOL
        ? this.target
        : this.current;
    return { version: release.version, osImageURL: release.osImageURL };
  }

  /**
   * The OS a release's OS image boots. The installed release's image keeps each node's own kernel (the
   * scenarios' nodes do not all run the same one); a release updated to boots its own.
   */
  osFor(osImageURL: string): BootedOs | undefined {
    const release = releaseWithOsImage(osImageURL);
    if (release === undefined || release === INSTALLED) return undefined;
    return { kernelVersion: release.kernelVersion, osImage: release.osImage };
  }

  /** Why `version` cannot be updated to now, or undefined when it can. */
  updateProblem(version: string): string | undefined {
    const cv = this.clusterVersion();
    if (cv === undefined) return 'this cluster has no ClusterVersion';
    if (this.target !== undefined)
      return `the cluster is already updating to ${this.target.version}`;
    const available = (cv.status.availableUpdates ?? []).map((u) => u.version);
    if (!available.includes(version))
      return `version must be one of the available updates: ${available.join(', ') || 'none'}`;
    return undefined;
  }

  /** Sets `spec.desiredUpdate`, as `oc adm upgrade --to=<version>` does. */
  requestUpdate(version: string): void {
    const release = releaseNamed(version);
    this.context.store.mutate<ClusterVersionObject>(
      CLUSTER_VERSIONS,
      undefined,
      'version',
      (cv) => {
        cv.spec.desiredUpdate = {
          version,
          ...(release === undefined ? {} : { image: release.image }),
        };
      },
    );
  }

  private clusterVersion(): ClusterVersionObject | undefined {
    return this.context.store.get(CLUSTER_VERSIONS, undefined, 'version') as
      ClusterVersionObject | undefined;
  }

  private onChange({ resource, object, previous, type }: StoreEvent): void {
    if (resource === CLUSTER_VERSIONS && type !== 'DELETED') {
      const wanted = (object as ClusterVersionObject).spec.desiredUpdate?.version;
      const before = (previous as ClusterVersionObject | undefined)?.spec.desiredUpdate?.version;
      if (wanted !== undefined && wanted !== before) {
        this.context.timers.after(this.context.timings.render, () => {
          this.accept(wanted);
        });
      }
    } else if (
      resource === MACHINE_CONFIG_POOLS &&
      object.metadata.name === CONTROL_PLANE_POOL &&
      this.target !== undefined &&
      this.mcoOnTarget
    ) {
      this.context.timers.after(0, () => {
        this.checkControlPlane();
      });
    }
  }

  /** The CVO accepts the desired release: the update starts. */
  private accept(version: string): void {
    const release = releaseNamed(version);
    if (release === undefined || this.updateProblem(version) !== undefined) {
      this.context.log(`cluster version operator: update to ${version} not accepted`);
      return;
    }
    this.target = release;
    const now = nowStamp(this.context);
    this.context.store.mutate<ClusterVersionObject>(
      CLUSTER_VERSIONS,
      undefined,
      'version',
      (cv) => {
        const { status } = cv;
        status.desired = releaseRef(release);
        status.history.unshift({
          state: 'Partial',
          version: release.version,
          image: release.image,
          startedTime: now,
          completionTime: null,
          verified: true,
        });
        setCondition(
          status.conditions,
          'ReleaseAccepted',
          'True',
          `Payload loaded version="${release.version}" image="${release.image}" architecture="amd64"`,
          now,
          'PayloadLoaded',
        );
        setCondition(
          status.conditions,
          'Progressing',
          'True',
          `Working towards ${release.version}: 112 of 955 done (11% complete)`,
          now,
        );
        status.observedGeneration = cv.metadata.generation ?? 1;
        status.versionHash = versionHash(release);
      },
    );
    this.writeDriverToolkit([this.current, release], now);
    this.context.log(`cluster version operator: updating to ${release.version}`);
    this.context.timers.after(this.context.timings.releaseToMco, () => {
      this.mcoOnTarget = true;
      this.setProgressing(
        `Working towards ${release.version}: 712 of 955 done (74% complete), waiting on machine-config`,
      );
      this.rerender();
    });
  }

  /** The release's image stream: a tag for the new RHCOS build, and `latest` moved to it. */
  private writeDriverToolkit(releases: Release[], now: string): void {
    const { store } = this.context;
    const { namespace, name } = DRIVER_TOOLKIT;
    if (store.get(IMAGE_STREAMS, namespace, name) === undefined) return;
    store.replace(IMAGE_STREAMS, driverToolkitStream(releases, now));
    for (const tag of driverToolkitTags(releases, now)) {
      if (store.get(IMAGE_STREAM_TAGS, namespace, tag.metadata.name) === undefined)
        store.create(IMAGE_STREAM_TAGS, tag);
      else store.replace(IMAGE_STREAM_TAGS, tag);
    }
  }

  private setProgressing(message: string): void {
    const now = nowStamp(this.context);
    this.context.store.mutate<ClusterVersionObject>(
      CLUSTER_VERSIONS,
      undefined,
      'version',
      (cv) => {
        setCondition(cv.status.conditions, 'Progressing', 'True', message, now);
      },
    );
  }

  /** The master pool Updated on the new release: MCO reports it, and the update is Completed. */
  private checkControlPlane(): void {
    const target = this.target;
    if (target === undefined) return;
    const pool = this.context.store.get(MACHINE_CONFIG_POOLS, undefined, CONTROL_PLANE_POOL) as
      PoolObject | undefined;
    const rendered = pool?.status?.configuration?.name;
    if (pool === undefined || rendered === undefined) return;
    const updated = (pool.status?.conditions ?? []).some(
      (c) => c.type === 'Updated' && c.status === 'True',
    );
    const mc = this.context.store.get(MACHINE_CONFIGS, undefined, rendered);
    const version = mc?.metadata.annotations?.[ANNOTATIONS.releaseImageVersion];
    if (!updated || version !== target.version || pool.spec.configuration?.name !== rendered)
      return;
    const now = nowStamp(this.context);
    this.current = target;
    this.target = undefined;
    this.mcoOnTarget = false;
    this.context.store.mutate<ClusterVersionObject>(
      CLUSTER_VERSIONS,
      undefined,
      'version',
      (cv) => {
        const { status } = cv;
        const entry = status.history.find((h) => h.state === 'Partial');
        if (entry?.version === target.version) {
          entry.state = 'Completed';
          entry.completionTime = now;
        }
        status.availableUpdates = null;
        setCondition(
          status.conditions,
          'Available',
          'True',
          `Done applying ${target.version}`,
          now,
        );
        setCondition(
          status.conditions,
          'Progressing',
          'False',
          `Cluster version is ${target.version}`,
          now,
        );
      },
    );
    this.context.log(`cluster version operator: cluster version is ${target.version}`);
    // MCO now renders the worker and custom pools with the new OS image too.
    this.rerender();
  }
}
