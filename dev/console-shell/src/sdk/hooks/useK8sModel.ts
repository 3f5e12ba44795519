import type * as SDK from '@openshift-console/dynamic-plugin-sdk';
import type { K8sModel } from '@openshift-console/dynamic-plugin-sdk';
import { findModel, modelsByReference } from '../models';

/** console's useK8sModel: the static models are always loaded, so `inFlight` is false. */
export const useK8sModel: typeof SDK.useK8sModel = (groupVersionKind) => [
  // Console returns undefined for an unknown kind although the type says K8sModel.
  findModel(groupVersionKind) as unknown as K8sModel,
  false,
];

export const useK8sModels: typeof SDK.useK8sModels = () => [modelsByReference(), false];
