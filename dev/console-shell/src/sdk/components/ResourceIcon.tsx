import type * as SDK from '@openshift-console/dynamic-plugin-sdk';
import { findModel } from '../models';

/** console's ResourceIcon: the kind's abbreviation in a coloured badge (styled in shell.css). */
export const ResourceIcon: typeof SDK.ResourceIcon = ({
  groupVersionKind,
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- console still honours `kind`
  kind,
  className,
}) => {
  const model = findModel(groupVersionKind ?? kind);
  const kindName = model?.kind ?? groupVersionKind?.kind ?? kind?.split('~').pop() ?? '';
  const abbr = model?.abbr ?? kindName.replace(/[^A-Z]/g, '').slice(0, 4);
  return (
    <span
      className={['co-m-resource-icon', className].filter(Boolean).join(' ')}
      title={kindName}
      data-test="resource-icon"
    >
      {abbr}
    </span>
  );
};
