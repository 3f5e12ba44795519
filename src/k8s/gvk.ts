/**
 * The GroupVersionKinds of our models, for the SDK's watch hooks and ResourceLink, made by the SDK's own
 * getGroupVersionKindForModel (no group for the core API, as console expects).
 */
import { getGroupVersionKindForModel } from '@openshift-console/dynamic-plugin-sdk';
import {
  ClusterVersionModel,
  ImageStreamModel,
  BootModuleConfigModel,
  MachineConfigModel,
  MachineConfigNodeModel,
  MachineConfigPoolModel,
  NodeModel,
} from './models';

export const MachineConfigGVK = getGroupVersionKindForModel(MachineConfigModel);
export const MachineConfigPoolGVK = getGroupVersionKindForModel(MachineConfigPoolModel);
export const MachineConfigNodeGVK = getGroupVersionKindForModel(MachineConfigNodeModel);
export const NodeGVK = getGroupVersionKindForModel(NodeModel);
export const ClusterVersionGVK = getGroupVersionKindForModel(ClusterVersionModel);
export const ImageStreamGVK = getGroupVersionKindForModel(ImageStreamModel);
export const BootModuleConfigGVK = getGroupVersionKindForModel(BootModuleConfigModel);
