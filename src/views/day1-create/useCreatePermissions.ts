import { useAccessReview } from '@openshift-console/dynamic-plugin-sdk';
import { MachineConfigModel, MachineConfigPoolModel, NodeModel } from '../../k8s/models';

export interface Access {
  allowed: boolean;
  loading: boolean;
}

export interface CreatePermissions {
  createMachineConfigs: Access;
  createPools: Access;
  patchNodes: Access;
}

const useAccess = (
  model: { apiGroup?: string; plural: string },
  verb: 'create' | 'patch',
): Access => {
  const [allowed, loading] = useAccessReview({
    group: model.apiGroup ?? '',
    resource: model.plural,
    verb,
  });
  return { allowed: allowed && !loading, loading };
};

/**
 * What the user may do on the create page. The API server has the last word: these only disable
 * controls and explain why, before the user fills in a form they cannot submit. (The image checks'
 * own review is in useDay1Preflight.)
 */
export const useCreatePermissions = (): CreatePermissions => ({
  createMachineConfigs: useAccess(MachineConfigModel, 'create'),
  createPools: useAccess(MachineConfigPoolModel, 'create'),
  patchNodes: useAccess(NodeModel, 'patch'),
});
