import { lazy, Suspense, useMemo } from 'react';
import { DocumentTitle, ListPageBody, ListPageHeader } from '@openshift-console/dynamic-plugin-sdk';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import CreateDay1ConfigButton from './CreateDay1ConfigButton';
import Day1ConfigsContent from './Day1ConfigsContent';
import { useDay1Configs } from './useDay1Configs';

// Shown only while OpenShift updates or an update is available: loaded after the list renders.
const UpdateReadinessBanner = lazy(() => import('./UpdateReadinessBanner'));

/** Lists the MachineConfigs that load an out-of-tree kernel module at boot (Day 1). */
const Day1ConfigsPage = () => {
  const { t } = usePluginTranslation();
  const configs = useDay1Configs();
  const title = t('Day 1 kernel modules');
  const summaries = useMemo(() => configs.rows.map((row) => row.summary), [configs.rows]);
  return (
    <>
      <DocumentTitle>{title}</DocumentTitle>
      <ListPageHeader title={title}>
        <CreateDay1ConfigButton />
      </ListPageHeader>
      <ListPageBody>
        {summaries.length > 0 && (
          <Suspense fallback={null}>
            <UpdateReadinessBanner configs={summaries} />
          </Suspense>
        )}
        <Day1ConfigsContent
          {...configs}
          emptyAction={<CreateDay1ConfigButton />}
          emptyTitle={t('No Day 1 kernel module configs')}
          emptyBody={t(
            'A Day 1 kernel module config is a MachineConfig that loads an out-of-tree kernel module at boot, before networking starts, on every node of a MachineConfigPool. Use it to replace an in-tree driver that the node needs early, such as the sfc or ice network driver.',
          )}
        />
      </ListPageBody>
    </>
  );
};

export default Day1ConfigsPage;
