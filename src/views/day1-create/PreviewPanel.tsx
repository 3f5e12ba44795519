import { useState } from 'react';
import {
  Card,
  CardBody,
  CardHeader,
  CardTitle,
  ClipboardCopy,
  Content,
  Stack,
  StackItem,
  Tab,
  Tabs,
  TabTitleText,
} from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import YamlPreview from './YamlPreview';

interface PreviewPanelProps {
  /** The MachineConfig as it will be created; undefined while the form has problems. */
  machineConfigYAML?: string;
  machineConfigName: string;
  /** The new custom pool, when the flow creates one. */
  poolYAML?: string;
  poolName: string;
  /** The equivalent `day1-utility` command, and `oc label` commands for a new pool's nodes. */
  commands: string[];
}

/** Exactly what will be created, as YAML and as the equivalent command lines. */
const PreviewPanel = ({
  machineConfigYAML,
  machineConfigName,
  poolYAML,
  poolName,
  commands,
}: PreviewPanelProps) => {
  const { t } = useTranslation('plugin__kmm-day1-console-plugin');
  const [active, setActive] = useState<string | number>('machineConfig');
  const notReady = (
    <Content component="p" data-test="day1-preview-not-ready">
      {t('The preview appears when every field is valid.')}
    </Content>
  );
  // The pool tab disappears when the user goes back to an existing pool.
  const activeKey = active === 'pool' && !poolYAML ? 'machineConfig' : active;
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
          mountOnEnter
          unmountOnExit
        >
          <Tab
            eventKey="machineConfig"
            title={<TabTitleText>{t('MachineConfig')}</TabTitleText>}
            data-test="day1-preview-tab-mc"
          >
            {machineConfigYAML ? (
              <YamlPreview
                yaml={machineConfigYAML}
                fileName={`${machineConfigName}.yaml`}
                testId="day1-preview-mc"
              />
            ) : (
              notReady
            )}
          </Tab>
          {poolYAML !== undefined && (
            <Tab
              eventKey="pool"
              title={<TabTitleText>{t('MachineConfigPool')}</TabTitleText>}
              data-test="day1-preview-tab-pool"
            >
              <YamlPreview
                yaml={poolYAML}
                fileName={`${poolName}-machineconfigpool.yaml`}
                testId="day1-preview-pool"
              />
            </Tab>
          )}
          <Tab
            eventKey="command"
            title={<TabTitleText>{t('Command line')}</TabTitleText>}
            data-test="day1-preview-tab-command"
          >
            {commands.length === 0 ? (
              notReady
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
