import type { ImageStreamImport } from '../k8s/types';

export type ImageCheckResult = 'Found' | 'Missing' | 'Unauthorized' | 'Error';

export interface ImageCheck {
  reference: string;
  result: ImageCheckResult;
  /** The registry's own words, for Missing, Unauthorized and Error. */
  message?: string;
  /** Set when the server gave no answer for this image, so there are no registry words to show. */
  noAnswer?: true;
}

/**
 * An ImageStreamImport that only looks the images up (`spec.import: false`): the API server resolves each
 * reference with the namespace's pull secrets and stores nothing. PreserveOriginal keeps manifest lists
 * (multi-arch kernel module images) as they are.
 */
export const imageStreamImportRequest = (
  references: string[],
  namespace: string,
): ImageStreamImport => ({
  apiVersion: 'image.openshift.io/v1',
  kind: 'ImageStreamImport',
  metadata: { name: 'kmm-day1-preflight', namespace },
  spec: {
    import: false,
    images: references.map((name) => ({
      from: { kind: 'DockerImage', name },
      importPolicy: { importMode: 'PreserveOriginal' },
    })),
  },
});

const resultFor = (status: {
  status?: string;
  reason?: string;
  code?: number;
}): ImageCheckResult => {
  if (status.status === 'Success') return 'Found';
  if (status.reason === 'NotFound' || status.code === 404) return 'Missing';
  if (
    status.reason === 'Unauthorized' ||
    status.reason === 'Forbidden' ||
    status.code === 401 ||
    status.code === 403
  ) {
    return 'Unauthorized';
  }
  return 'Error';
};

/** One check per requested reference, in request order, from the server's answer. */
export const readImageChecks = (answer: ImageStreamImport): ImageCheck[] =>
  answer.spec.images.map(({ from }, index) => {
    const status = answer.status?.images?.[index]?.status;
    if (!status) return { reference: from.name, result: 'Error', noAnswer: true };
    const result = resultFor(status);
    return result === 'Found'
      ? { reference: from.name, result }
      : { reference: from.name, result, message: status.message };
  });
