import { Alert, Stack, StackItem } from '@patternfly/react-core';
import type { Day1ConfigSummary } from '../../producer';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import ConfigUpdateAlert from './ConfigUpdateAlert';
import UpdatePoolActions from './UpdatePoolActions';
import { clusterUpdateText } from './update-readiness-text';
import { useUpdateReadiness } from './useUpdateReadiness';

/**
 * While OpenShift updates (until every pool has reached the release), or when an update is available:
 * Pause or Resume per pool, and one alert per Day 1 config saying which kernels are new, whether its
 * image has their tags and what to do. Nothing when the cluster is neither updating nor offered an
 * update, or has no ClusterVersion.
 */
const UpdateReadinessBanner = ({ configs }: { configs: readonly Day1ConfigSummary[] }) => {
  const { t } = usePluginTranslation();
  const state = useUpdateReadiness(configs);
  if (state.kind === 'noAccess') {
    return (
      <Alert
        isInline
        isPlain
        variant="info"
        title={t('OpenShift update readiness is not shown: you cannot read the ClusterVersion.')}
        data-test="update-readiness-no-access"
      />
    );
  }
  if (state.kind === 'none' || state.readiness.configs.length === 0) return null;
  const { readiness, recheck } = state;
  return (
    <Stack hasGutter className="pf-v6-u-mb-md" data-test="update-readiness">
      <StackItem>
        <strong data-test="update-readiness-update">
          {clusterUpdateText(t, readiness.update)}
        </strong>
      </StackItem>
      {readiness.pools.length > 0 && (
        <StackItem>
          <UpdatePoolActions pools={readiness.pools} />
        </StackItem>
      )}
      {readiness.configs.map((config) => (
        <StackItem key={config.machineConfigName}>
          <ConfigUpdateAlert readiness={config} onRecheck={recheck} />
        </StackItem>
      ))}
    </Stack>
  );
};

export default UpdateReadinessBanner;
