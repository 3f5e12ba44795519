// Validates Kubernetes objects (a JSON array on stdin) with kubernetes-models, which checks each against the
// Kubernetes OpenAPI schema of its apiVersion and kind. Prints a JSON array of errors; unknown kinds are errors.
import { readFileSync } from 'node:fs';
import { ConfigMap, Service, ServiceAccount } from 'kubernetes-models/v1';
import { Deployment } from 'kubernetes-models/apps/v1';
import { Job } from 'kubernetes-models/batch/v1';
import { ClusterRole, ClusterRoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1';

const MODELS = {
  'v1/ConfigMap': ConfigMap,
  'v1/Service': Service,
  'v1/ServiceAccount': ServiceAccount,
  'apps/v1/Deployment': Deployment,
  'batch/v1/Job': Job,
  'rbac.authorization.k8s.io/v1/ClusterRole': ClusterRole,
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding': ClusterRoleBinding,
};

const errors = [];
for (const object of JSON.parse(readFileSync(0, 'utf8'))) {
  const type = `${object.apiVersion}/${object.kind}`;
  const Model = MODELS[type];
  if (!Model) {
    errors.push(`no schema for ${type}`);
    continue;
  }
  try {
    new Model(object).validate();
  } catch (error) {
    errors.push(`${type} ${object.metadata?.name}: ${error.message}`);
  }
}
process.stdout.write(JSON.stringify(errors));
