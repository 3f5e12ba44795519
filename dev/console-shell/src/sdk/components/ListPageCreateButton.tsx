import { Button } from '@patternfly/react-core';
import type * as SDK from '@openshift-console/dynamic-plugin-sdk';
import { useCreateAllowed } from './useCreateAllowed';

/** console's ListPageCreateButton: a primary PF button, hidden when the access review denies. */
export const ListPageCreateButton: typeof SDK.ListPageCreateButton = ({
  createAccessReview,
  ...buttonProps
}) => {
  const allowed = useCreateAllowed(createAccessReview);
  return allowed ? <Button variant="primary" data-test="item-create" {...buttonProps} /> : null;
};
