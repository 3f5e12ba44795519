import type * as SDK from '@openshift-console/dynamic-plugin-sdk';
import { ALL_NAMESPACES_KEY, useActiveNamespace } from '../hooks/useActiveNamespace';
import { findModel } from '../models';
import { resourcePathFromModel } from '../resource-path';
import { ListPageCreateLink } from './ListPageCreateLink';

/** console's ListPageCreate: a create button linking to the kind's YAML create page (`~new`). */
export const ListPageCreate: typeof SDK.ListPageCreate = ({
  groupVersionKind,
  createAccessReview,
  children,
}) => {
  const [activeNamespace] = useActiveNamespace();
  const model = findModel(groupVersionKind);
  if (!model) {
    return null;
  }
  const namespace =
    model.namespaced && activeNamespace !== ALL_NAMESPACES_KEY ? activeNamespace : 'default';
  const to = `${resourcePathFromModel(model, undefined, model.namespaced ? namespace : undefined)}/~new`;
  return (
    <ListPageCreateLink to={to} createAccessReview={createAccessReview}>
      {children}
    </ListPageCreateLink>
  );
};
