import { lazy, Suspense, useState } from 'react';
import type { ReactNode } from 'react';
import {
  Card,
  CardBody,
  CardHeader,
  CardTitle,
  ClipboardCopy,
  Content,
  Spinner,
  Stack,
  StackItem,
  Tab,
  Tabs,
  TabTitleText,
} from '@patternfly/react-core';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import type { MachineConfig, MachineConfigPool } from '../../k8s/types';

// The YAML preview brings js-yaml, which no other page needs: it loads with the first preview shown.
const YamlPreview = lazy(() => import('../shared/YamlPreview'));
// Decoded files and units, in a chunk of their own too: most users never open the tab.
const InstalledFilesPreview = lazy(() => import('./InstalledFilesPreview'));

interface PreviewPanelProps {
  /** The MachineConfig as it will be created; undefined while the form has problems. */
  machineConfig?: MachineConfig;
  /** The values are valid, and the code that makes the MachineConfig is still loading. */
  machineConfigLoading?: boolean;
  machineConfigName: string;
  /** The new custom pool, when the flow creates one. */
  pool?: MachineConfigPool;
  poolName: string;
  /** The equivalent `day1-utility` command, and `oc label` commands for a new pool's nodes. */
  commands: string[];
  /** The edit page: what changes against the config in the cluster, in a first tab of its own. */
  changes?: ReactNode;
}

/**
 * Exactly what will be created (or, when editing, what changes): as YAML, as the files and units it installs on the nodes, and as the
 * equivalent command lines.
 */
const PreviewPanel = ({
  machineConfig,
  machineConfigLoading = false,
  machineConfigName,
  pool,
  poolName,
  commands,
  changes,
}: PreviewPanelProps) => {
  const { t } = usePluginTranslation();
  const [active, setActive] = useState<string | number>(
    changes === undefined ? 'machineConfig' : 'changes',
  );
  const notReady = (
    <Content component="p" data-test="day1-preview-not-ready">
      {t('The preview appears when every field is valid.')}
    </Content>
  );
  const loadingPreview = <Spinner size="lg" aria-label={t('Loading the preview')} />;
  const withoutMachineConfig = machineConfigLoading ? loadingPreview : notReady;
  // The pool tab disappears when the user goes back to an existing pool.
  const activeKey = active === 'pool' && !pool ? 'machineConfig' : active;
  return (
    <Card data-test="day1-preview" isCompact>
      <CardHeader>
        <CardTitle component="h2">{t('Preview')}</CardTitle>
      </CardHeader>
      <CardBody>
        <Tabs
          activeKey={activeKey}
          onSelect={(_event, key) => {
            setActive(key);
          }}
          aria-label={t('Preview')}
          // Tabs that do not fit go into PatternFly's overflow menu, rather than behind scroll buttons.
          isOverflowHorizontal={{
            showTabCount: true,
            defaultTitleText: t('More'),
            toggleAriaLabel: t('More previews'),
          }}
          mountOnEnter
          unmountOnExit
        >
          {changes !== undefined && (
            <Tab
              eventKey="changes"
              title={<TabTitleText>{t('Changes')}</TabTitleText>}
              data-test="day1-preview-tab-changes"
            >
              {changes}
            </Tab>
          )}
          <Tab
            eventKey="machineConfig"
            title={<TabTitleText>{t('MachineConfig')}</TabTitleText>}
            data-test="day1-preview-tab-mc"
          >
            {machineConfig ? (
              <Suspense fallback={loadingPreview}>
                <YamlPreview
                  resource={machineConfig}
                  fileName={`${machineConfigName}.yaml`}
                  testId="day1-preview-mc"
                />
              </Suspense>
            ) : (
              withoutMachineConfig
            )}
          </Tab>
          <Tab
            eventKey="files"
            title={<TabTitleText>{t('Files and units')}</TabTitleText>}
            data-test="day1-preview-tab-files"
          >
            {machineConfig ? (
              <Suspense fallback={loadingPreview}>
                <InstalledFilesPreview machineConfig={machineConfig} />
              </Suspense>
            ) : (
              withoutMachineConfig
            )}
          </Tab>
          {pool !== undefined && (
            <Tab
              eventKey="pool"
              title={<TabTitleText>{t('MachineConfigPool')}</TabTitleText>}
              data-test="day1-preview-tab-pool"
            >
              <Suspense fallback={loadingPreview}>
                <YamlPreview
                  resource={pool}
                  fileName={`${poolName}-machineconfigpool.yaml`}
                  testId="day1-preview-pool"
                />
              </Suspense>
            </Tab>
          )}
          <Tab
            eventKey="command"
            title={<TabTitleText>{t('Command line')}</TabTitleText>}
            data-test="day1-preview-tab-command"
          >
            {commands.length === 0 ? (
              withoutMachineConfig
            ) : (
              <Stack hasGutter>
                <StackItem>
                  <Content component="p">
                    {t(
                      'The same objects from a terminal, with day1-utility (npx day1-utility) and oc:',
                    )}
                  </Content>
                </StackItem>
                {commands.map((command) => (
                  <StackItem key={command}>
                    <ClipboardCopy
                      isReadOnly
                      isCode
                      hoverTip={t('Copy')}
                      clickTip={t('Copied')}
                      variant="expansion"
                      isExpanded
                      data-test="day1-command"
                    >
                      {command}
                    </ClipboardCopy>
                  </StackItem>
                ))}
              </Stack>
            )}
          </Tab>
        </Tabs>
      </CardBody>
    </Card>
  );
};

export default PreviewPanel;
