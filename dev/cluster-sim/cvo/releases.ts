/**
 * The OpenShift releases the simulated cluster knows: each release's OS image (what MCO renders into
 * `osImageURL`), the kernels that OS boots, and its Driver Toolkit image, whose labels declare those
 * kernels (`kernel-version`, `kernel-rt-version`, as openshift/driver-toolkit's Dockerfile sets them).
 * The installed release is the one every scenario's nodes run; the next one changes the kernel.
 */
import { createHash } from 'node:crypto';
import { OS_IMAGE_URL, RELEASE_VERSION } from '../mco/constants';
import { KERNELS } from '../scenarios/objects';

export interface Release {
  version: string;
  /** The release image (`ocp-release@sha256:…`), as ClusterVersion names it. */
  image: string;
  channels: string[];
  /** The RHCOS image MCO renders into every pool's `osImageURL`. */
  osImageURL: string;
  /** `uname -r` after a boot into that OS, and the real-time kernel it ships. */
  kernelVersion: string;
  rtKernelVersion: string;
  /** os-release's PRETTY_NAME, the Node's `status.nodeInfo.osImage`. */
  osImage: string;
  /** The RHCOS build: the Driver Toolkit image stream's tag for this release. */
  rhcosVersion: string;
  /** The Driver Toolkit image of the release, by digest. */
  driverToolkitImage: string;
}

const digest = (seed: string): string =>
  `sha256:${createHash('sha256').update(seed).digest('hex')}`;

const ART = 'quay.io/openshift-release-dev/ocp-v4.0-art-dev';

export const INSTALLED: Release = {
  version: RELEASE_VERSION,
  image: `quay.io/openshift-release-dev/ocp-release@${digest(`release/${RELEASE_VERSION}`)}`,
  channels: ['candidate-4.19', 'eus-4.20', 'fast-4.19', 'stable-4.19'],
  osImageURL: OS_IMAGE_URL,
  kernelVersion: KERNELS.rhel94.kernelVersion,
  rtKernelVersion: '5.14.0-427.13.1.el9_4.x86_64+rt',
  osImage: KERNELS.rhel94.osImage,
  rhcosVersion: '416.94.202405291527-0',
  driverToolkitImage: `${ART}@${digest('driver-toolkit/4.19.9')}`,
};

/** The update the `upgrade` scenario offers: a new RHCOS, so a new kernel on every node. */
export const NEXT: Release = {
  version: '4.20.3',
  image: `quay.io/openshift-release-dev/ocp-release@${digest('release/4.20.3')}`,
  channels: ['candidate-4.20', 'eus-4.20', 'fast-4.20', 'stable-4.20'],
  osImageURL: `${ART}@${digest('rhel-coreos/4.20.3')}`,
  kernelVersion: '5.14.0-570.42.2.el9_6.x86_64',
  rtKernelVersion: '5.14.0-570.42.2.el9_6.x86_64+rt',
  osImage: 'Red Hat Enterprise Linux CoreOS 9.6.20250925-0 (Plow)',
  rhcosVersion: '9.6.20250925-0',
  driverToolkitImage: `${ART}@${digest('driver-toolkit/4.20.3')}`,
};

const RELEASES: Release[] = [INSTALLED, NEXT];

export const releaseNamed = (version: string): Release | undefined =>
  RELEASES.find((r) => r.version === version);

/** The release whose OS image this is. */
export const releaseWithOsImage = (osImageURL: string): Release | undefined =>
  RELEASES.find((r) => r.osImageURL === osImageURL);
