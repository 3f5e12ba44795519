import { useMemo } from 'react';
import {
  DocumentTitle,
  ListPageBody,
  ListPageHeader,
  useK8sWatchResource,
} from '@openshift-console/dynamic-plugin-sdk';
import { Alert, Bullseye, EmptyState, EmptyStateBody, Spinner } from '@patternfly/react-core';
import { CubesIcon } from '@patternfly/react-icons';
import { useTranslation } from 'react-i18next';
import { MachineConfigGVK } from '../../k8s/models';
import type { MachineConfig } from '../../k8s/types';
import { readDay1MachineConfig } from '../../producer';
import Day1ConfigsTable from './Day1ConfigsTable';
import type { Day1ConfigRow } from './types';

/** The watch error is `any` in the SDK; show whatever message it carries. */
const errorMessage = (error: unknown): string =>
  error instanceof Error
    ? error.message
    : typeof error === 'string'
      ? error
      : JSON.stringify(error);

/** Lists the MachineConfigs that load an out-of-tree kernel module at boot (Day 1). */
const Day1ConfigsPage = () => {
  const { t } = useTranslation('plugin__kmm-day1-console-plugin');
  // The SDK types the load error as `any`; treat it as unknown.
  const [machineConfigs, loaded, loadError] = useK8sWatchResource<MachineConfig[]>({
    groupVersionKind: MachineConfigGVK,
    isList: true,
  }) as [MachineConfig[], boolean, unknown];

  // Every MachineConfig in the cluster is watched; keep only the ones we (or KMM) produced.
  const rows = useMemo<Day1ConfigRow[]>(
    () =>
      (loaded ? machineConfigs : [])
        .flatMap((mc) => {
          const summary = readDay1MachineConfig(mc);
          return summary ? [{ summary, creationTimestamp: mc.metadata.creationTimestamp }] : [];
        })
        .sort((a, b) => a.summary.machineConfigName.localeCompare(b.summary.machineConfigName)),
    [machineConfigs, loaded],
  );

  const title = t('Day 1 kernel modules');
  let content;
  if (loadError) {
    content = (
      <Alert
        variant="danger"
        isInline
        title={t('Could not load MachineConfigs')}
        data-test="day1-configs-error"
      >
        {errorMessage(loadError)}
      </Alert>
    );
  } else if (!loaded) {
    content = (
      <Bullseye>
        <Spinner
          aria-label={t('Loading Day 1 kernel module configs')}
          data-test="day1-configs-loading"
        />
      </Bullseye>
    );
  } else if (rows.length === 0) {
    content = (
      <EmptyState
        titleText={t('No Day 1 kernel module configs')}
        headingLevel="h2"
        icon={CubesIcon}
        data-test="day1-configs-empty"
      >
        <EmptyStateBody>
          {t(
            'A Day 1 kernel module config is a MachineConfig that loads an out-of-tree kernel module at boot, before networking starts, on every node of a MachineConfigPool. Use it to replace an in-tree driver that the node needs early, such as the sfc or ice network driver.',
          )}
        </EmptyStateBody>
      </EmptyState>
    );
  } else {
    content = <Day1ConfigsTable rows={rows} />;
  }

  return (
    <>
      <DocumentTitle>{title}</DocumentTitle>
      <ListPageHeader title={title} />
      <ListPageBody>{content}</ListPageBody>
    </>
  );
};

export default Day1ConfigsPage;
