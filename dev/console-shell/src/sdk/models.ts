import type { K8sGroupVersionKind, K8sModel } from '@openshift-console/dynamic-plugin-sdk';
import {
  ClusterVersionModel,
  BootModuleConfigModel,
  ImageStreamImportModel,
  ImageStreamModel,
  ImageStreamTagModel,
  MachineConfigModel,
  MachineConfigNodeModel,
  MachineConfigPoolModel,
  NodeModel,
  SelfSubjectAccessReviewModel,
} from '../../../../src/k8s/models';
import { getReference, parseReference, referenceForModel } from './k8s-ref';

export {
  ImageStreamImportModel,
  MachineConfigModel,
  MachineConfigPoolModel,
  NodeModel,
  SelfSubjectAccessReviewModel,
};

export const NamespaceModel: K8sModel = {
  kind: 'Namespace',
  label: 'Namespace',
  labelPlural: 'Namespaces',
  plural: 'namespaces',
  apiVersion: 'v1',
  abbr: 'NS',
  namespaced: false,
};

const PodModel: K8sModel = {
  kind: 'Pod',
  label: 'Pod',
  labelPlural: 'Pods',
  plural: 'pods',
  apiVersion: 'v1',
  abbr: 'P',
  namespaced: true,
};

/** checkAccess needs it: a project's access review names the project as its namespace. */
export const ProjectModel: K8sModel = {
  kind: 'Project',
  label: 'Project',
  labelPlural: 'Projects',
  plural: 'projects',
  apiGroup: 'project.openshift.io',
  apiVersion: 'v1',
  abbr: 'PR',
  namespaced: false,
};

const ConsolePluginModel: K8sModel = {
  kind: 'ConsolePlugin',
  label: 'ConsolePlugin',
  labelPlural: 'ConsolePlugins',
  plural: 'consoleplugins',
  apiGroup: 'console.openshift.io',
  apiVersion: 'v1',
  abbr: 'CP',
  namespaced: false,
  crd: true,
};

/**
 * The shell has no API discovery: this static table stands in for the models console discovers.
 * Only the kinds the plugin and the shell's own pages use are listed.
 */
const STATIC_MODELS: readonly K8sModel[] = [
  NodeModel,
  NamespaceModel,
  PodModel,
  ProjectModel,
  MachineConfigModel,
  MachineConfigPoolModel,
  MachineConfigNodeModel,
  ImageStreamImportModel,
  SelfSubjectAccessReviewModel,
  ConsolePluginModel,
  ClusterVersionModel,
  ImageStreamModel,
  ImageStreamTagModel,
  // KMM 2.5's CRD, which the simulator serves (console knows it where KMM is installed).
  BootModuleConfigModel,
];

const byReference = new Map(STATIC_MODELS.map((m) => [referenceForModel(m), m]));

/**
 * Looks a model up by GroupVersionKind, by `group~version~kind` reference, or by bare kind
 * (the deprecated `kind: 'Node'` form). As in console, only built-in kinds are found by kind
 * alone: a CRD needs its exact group and version.
 */
export const findModel = (gvk: K8sGroupVersionKind | string | undefined): K8sModel | undefined => {
  if (!gvk) {
    return undefined;
  }
  const reference = typeof gvk === 'string' ? gvk : getReference(gvk);
  const parsed = parseReference(reference);
  return (
    byReference.get(reference) ??
    STATIC_MODELS.find((m) => !m.crd && m.kind === (parsed ? parsed.kind : reference))
  );
};

/** Finds the model for a URL segment: a reference (CRDs) or a plural (built-in kinds). */
export const findModelForPathSegment = (segment: string): K8sModel | undefined =>
  byReference.get(segment) ?? STATIC_MODELS.find((m) => !m.crd && m.plural === segment);

/** All models by reference, for useK8sModels. */
export const modelsByReference = (): Record<string, K8sModel> => Object.fromEntries(byReference);
