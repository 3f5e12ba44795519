/**
 * Resources that answer a create without storing anything: SelfSubjectAccessReview (what may this user
 * do?) and ImageStreamImport with `spec.import: false` (do these images exist?).
 */
import type { SimObject } from '../core/kube-types';
import { IMAGE_STREAM_IMPORTS, SELF_SUBJECT_ACCESS_REVIEWS, apiVersionOf } from '../core/resources';
import type { ResourceDef } from '../core/resources';
import type { Registry } from '../registry';
import { accessReviewProblem, accessReviewStatus } from './auth';
import type { User } from './auth';
import { importStatus } from './image-import';
import { invalid } from './status';

export const isVirtual = (resource: ResourceDef): boolean =>
  resource === SELF_SUBJECT_ACCESS_REVIEWS || resource === IMAGE_STREAM_IMPORTS;

/** The answer to creating a virtual resource; throws 422 for a review that asks nothing. */
export const answerVirtualCreate = (
  resource: ResourceDef,
  object: SimObject,
  user: User,
  registry: Registry,
  now: string,
): SimObject => {
  const answer = { ...object, kind: resource.kind, apiVersion: apiVersionOf(resource) };
  if (resource === SELF_SUBJECT_ACCESS_REVIEWS) {
    const spec = object.spec as Parameters<typeof accessReviewStatus>[1] | undefined;
    const problem = accessReviewProblem(spec);
    if (problem !== undefined) {
      throw invalid(resource, '', [{ reason: 'FieldValueInvalid', message: problem }]);
    }
    return {
      ...answer,
      metadata: { ...object.metadata, creationTimestamp: undefined },
      status: accessReviewStatus(user, spec ?? {}),
    };
  }
  return {
    ...answer,
    metadata: { ...object.metadata, creationTimestamp: undefined },
    status: importStatus(object.spec as Parameters<typeof importStatus>[0], registry, now),
  };
};
