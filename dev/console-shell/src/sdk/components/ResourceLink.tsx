import type * as SDK from '@openshift-console/dynamic-plugin-sdk';
import { Link } from 'react-router';
import { findModel } from '../models';
import { resourcePathFromModel } from '../resource-path';
import { ResourceIcon } from './ResourceIcon';

/**
 * console's ResourceLink: kind badge plus a link to the resource's details page
 * (`/k8s/cluster/<kind>/<name>` or `/k8s/ns/<ns>/<kind>/<name>`). Console's test ids:
 * `data-test-id=<name>` and `data-test=<dataTest or name>` on the name.
 */
export const ResourceLink: typeof SDK.ResourceLink = ({
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- console still honours `kind`
  kind,
  groupVersionKind,
  className,
  displayName,
  inline = false,
  linkTo = true,
  name,
  namespace,
  hideIcon,
  title,
  dataTest,
  onClick,
  truncate,
  nameSuffix,
  children,
}) => {
  if (!kind && !groupVersionKind) {
    return null;
  }
  const model = findModel(groupVersionKind ?? kind);
  const path = model && name ? resourcePathFromModel(model, name, namespace) : undefined;
  const value = displayName ?? name;
  const classes = [
    'co-resource-item',
    inline ? 'co-resource-item--inline' : '',
    truncate ? 'co-resource-item--truncate' : '',
    className ?? '',
  ]
    .filter(Boolean)
    .join(' ');
  const testProps = { 'data-test-id': value, 'data-test': dataTest ?? value };
  return (
    <span className={classes}>
      {!hideIcon && (
        // eslint-disable-next-line @typescript-eslint/no-deprecated -- passed on, as in console
        <ResourceIcon groupVersionKind={groupVersionKind} kind={kind} />
      )}
      {linkTo && path ? (
        <Link
          to={path}
          title={title}
          className="co-resource-item__resource-name"
          onClick={onClick}
          {...testProps}
        >
          {value}
          {nameSuffix}
        </Link>
      ) : (
        <span className="co-resource-item__resource-name" {...testProps}>
          {value}
          {nameSuffix}
        </span>
      )}
      {children}
    </span>
  );
};
