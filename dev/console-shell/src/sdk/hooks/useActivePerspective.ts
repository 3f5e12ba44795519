import type * as SDK from '@openshift-console/dynamic-plugin-sdk';
import { createSmallStore, useSmallStore } from '../utils/small-store';

/** The shell only has console's Administrator ("Core platform") perspective, id `admin`. */
const activePerspectiveStore = createSmallStore<string>('admin');

export const useActivePerspective: typeof SDK.useActivePerspective = () => [
  useSmallStore(activePerspectiveStore),
  (perspective) => {
    activePerspectiveStore.set(perspective);
  },
];
