/**
 * ImageStreamImport with `spec.import: false`: the openshift-apiserver resolves each image and answers
 * per image with a Status (Success with image metadata, or Failure NotFound/Unauthorized), storing
 * nothing. Here the simulated registry answers, without credentials.
 */
import type { Registry } from '../registry';

interface ImportSpec {
  import?: boolean;
  images?: { from?: { kind?: string; name?: string }; to?: { name?: string } }[];
}

const success = (digest: string, repository: string, tag: string, created: string) => ({
  status: { metadata: {}, status: 'Success' },
  image: {
    metadata: {
      name: digest,
      creationTimestamp: created,
      annotations: { 'image.openshift.io/dockerLayersOrder': 'ascending' },
    },
    dockerImageReference: `${repository}@${digest}`,
    dockerImageMetadata: {
      kind: 'DockerImage',
      apiVersion: '1.0',
      Id: digest,
      Created: created,
      Architecture: 'amd64',
      Size: 52_428_800,
      Config: {
        Labels: { 'io.buildah.version': '1.37.5', 'org.opencontainers.image.version': tag },
      },
    },
    dockerImageMetadataVersion: '1.0',
    dockerImageLayers: [
      {
        name: `sha256:${digest.slice(7, 71).split('').reverse().join('')}`,
        size: 52_428_800,
        mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
      },
    ],
    dockerImageManifestMediaType: 'application/vnd.oci.image.manifest.v1+json',
  },
});

/** The `status` of an ImageStreamImport, one entry per `spec.images[]`. */
export const importStatus = (
  spec: ImportSpec | undefined,
  registry: Registry,
  created: string,
) => ({
  images: (spec?.images ?? []).map((entry) => {
    const reference = entry.from?.name ?? '';
    const tag = entry.to?.name === undefined ? {} : { tag: entry.to.name };
    if (entry.from?.kind !== 'DockerImage' || reference === '') {
      return {
        ...tag,
        status: {
          metadata: {},
          status: 'Failure',
          message: `from.kind: Invalid value: "${entry.from?.kind ?? ''}": only DockerImage is supported`,
          reason: 'Invalid',
          code: 422,
        },
      };
    }
    const lookup = registry.lookup(reference, false);
    if (lookup.found)
      return { ...tag, ...success(lookup.digest, lookup.repository, lookup.tag, created) };
    if (lookup.reason === 'Unauthorized') {
      return {
        ...tag,
        status: {
          metadata: {},
          status: 'Failure',
          message: `you may not have access to the container image "${reference}"`,
          reason: 'Unauthorized',
          code: 401,
        },
      };
    }
    return {
      ...tag,
      status: {
        metadata: {},
        status: 'Failure',
        message: `dockerimage.image.openshift.io "${reference}" not found`,
        reason: 'NotFound',
        code: 404,
        details: { name: reference, group: 'image.openshift.io', kind: 'dockerimage' },
      },
    };
  }),
});
