import type * as SDK from '@openshift-console/dynamic-plugin-sdk';
import { createSmallStore, useSmallStore } from '../utils/small-store';

/** Console's "All projects" value of the active namespace. */
export const ALL_NAMESPACES_KEY = '#ALL_NS#';

const activeNamespaceStore = createSmallStore<string>(ALL_NAMESPACES_KEY);

/** console's useActiveNamespace: `[namespace, setNamespace]`, all namespaces by default. */
export const useActiveNamespace: typeof SDK.useActiveNamespace = () => [
  useSmallStore(activeNamespaceStore),
  activeNamespaceStore.set,
];
