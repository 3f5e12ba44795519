import { useK8sWatchResource } from '@openshift-console/dynamic-plugin-sdk';
import type { K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';

/** What the mocked useK8sWatchResource answers for each kind: [data, loaded, error]. */
export type WatchAnswers = Partial<Record<string, [K8sResourceCommon[], boolean, unknown?]>>;

/** Programs the mocked SDK watch per kind; kinds left out stay loading. */
export const answerWatches = (answers: WatchAnswers): void => {
  jest.mocked(useK8sWatchResource).mockImplementation((resource) => {
    const kind = resource?.groupVersionKind?.kind ?? '';
    const [data, loaded, error] = answers[kind] ?? [[], false];
    return [data, loaded, error];
  });
};
