import { Button } from '@patternfly/react-core';
import type * as SDK from '@openshift-console/dynamic-plugin-sdk';
import { useNavigate } from 'react-router';
import { useCreateAllowed } from './useCreateAllowed';

/** console's ListPageCreateLink: a primary button that navigates to `to`. */
export const ListPageCreateLink: typeof SDK.ListPageCreateLink = ({
  to,
  createAccessReview,
  children,
}) => {
  const allowed = useCreateAllowed(createAccessReview);
  const navigate = useNavigate();
  if (!allowed) {
    return null;
  }
  return (
    <Button
      variant="primary"
      data-test="item-create"
      onClick={() => {
        void navigate(to);
      }}
    >
      {children}
    </Button>
  );
};
