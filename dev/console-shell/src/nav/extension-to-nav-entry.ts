import type { Extension } from '@openshift/dynamic-plugin-sdk';
import type { K8sGroupVersionKind } from '@openshift-console/dynamic-plugin-sdk';
import { findModel } from '../sdk/models';
import { resourcePathFromModel } from '../sdk/resource-path';
import type { NavEntry, Position } from './nav-model';

interface NavProperties {
  id: string;
  name?: string;
  href?: string;
  perspective?: string;
  section?: string;
  insertBefore?: Position;
  insertAfter?: Position;
  dataAttributes?: Record<string, string>;
  startsWith?: string[];
  model?: K8sGroupVersionKind;
}

const NAV_EXTENSION_TYPES = [
  'console.navigation/href',
  'console.navigation/resource-cluster',
  'console.navigation/resource-ns',
  'console.navigation/section',
  'console.navigation/separator',
];

export const isNavExtension = (e: Extension): e is Extension =>
  NAV_EXTENSION_TYPES.includes(e.type);

/** Maps a (translated) `console.navigation/*` extension to a nav entry; undefined if unusable. */
export const navEntryFromExtension = (e: Extension): NavEntry | undefined => {
  const p = e.properties as unknown as NavProperties;
  const base = {
    id: p.id,
    perspective: p.perspective,
    insertBefore: p.insertBefore,
    insertAfter: p.insertAfter,
    dataAttributes: p.dataAttributes,
    flags: e.flags,
  };
  switch (e.type) {
    case 'console.navigation/href':
      return p.href && p.name
        ? {
            ...base,
            kind: 'link',
            name: p.name,
            href: p.href,
            section: p.section,
            startsWith: p.startsWith,
          }
        : undefined;
    case 'console.navigation/resource-cluster':
    case 'console.navigation/resource-ns': {
      const model = findModel(p.model);
      return model
        ? {
            ...base,
            kind: 'link',
            name: p.name ?? model.labelPlural,
            href: resourcePathFromModel(model),
            section: p.section,
            startsWith: p.startsWith,
          }
        : undefined;
    }
    case 'console.navigation/section':
      return { ...base, kind: 'section', name: p.name };
    case 'console.navigation/separator':
      return { ...base, kind: 'separator', section: p.section };
    default:
      return undefined;
  }
};

/** Console's navItemHrefIsActive: every segment of `href` matches the location, or startsWith. */
export const isHrefActive = (
  pathname: string,
  href: string,
  startsWith: string[] = [],
): boolean => {
  const location = pathname.split('/');
  return (
    href.split('/').every((segment, i) => segment === location[i]) ||
    startsWith.some((prefix) => pathname.replace(/^\//, '').startsWith(prefix))
  );
};
