import type { CreateWithPermissionsProps } from '@openshift-console/dynamic-plugin-sdk';
import { useAccessReview } from '../access-review';
import { findModel } from '../models';

/** Whether the `createAccessReview` of a ListPageCreate* component allows creating (no review: yes). */
export const useCreateAllowed = (
  createAccessReview: CreateWithPermissionsProps['createAccessReview'],
): boolean => {
  const model = findModel(createAccessReview?.groupVersionKind);
  const [allowed] = useAccessReview(
    model
      ? {
          group: model.apiGroup,
          resource: model.plural,
          verb: 'create',
          namespace: createAccessReview?.namespace,
        }
      : {},
    undefined,
    true,
  );
  return !createAccessReview || allowed;
};
