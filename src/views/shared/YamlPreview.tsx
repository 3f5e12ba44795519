import { Suspense, useMemo, useState } from 'react';
import { CodeEditor } from '@openshift-console/dynamic-plugin-sdk';
import { ActionList, ActionListItem, Button, Spinner, Tooltip } from '@patternfly/react-core';
import { CopyIcon, DownloadIcon } from '@patternfly/react-icons';
import { usePluginTranslation } from './usePluginTranslation';
import type { MachineConfig, MachineConfigPool } from '../../k8s/types';
import { machineConfigToYAML, toYAML } from '../../producer';

interface YamlPreviewProps {
  /** The object as it will be created. */
  resource: MachineConfig | MachineConfigPool;
  /** The download's file name, e.g. 99-sfc-day1.yaml. */
  fileName: string;
  /** For data-test ids: `<testId>-copy`, `<testId>-download`. */
  testId: string;
}

/**
 * A read-only YAML document with copy and download. It serialises the object itself, so that js-yaml
 * loads with this component (PreviewPanel loads it lazily), not with the create page.
 */
const YamlPreview = ({ resource, fileName, testId }: YamlPreviewProps) => {
  const { t } = usePluginTranslation();
  const yaml = useMemo(
    () => (resource.kind === 'MachineConfig' ? machineConfigToYAML(resource) : toYAML(resource)),
    [resource],
  );
  const [copied, setCopied] = useState(false);
  return (
    <div data-test={testId}>
      <ActionList>
        <ActionListItem>
          <Tooltip
            content={copied ? t('Copied') : t('Copy to clipboard')}
            onTooltipHidden={() => {
              setCopied(false);
            }}
          >
            <Button
              variant="secondary"
              icon={<CopyIcon />}
              onClick={() => {
                void navigator.clipboard.writeText(yaml).then(() => {
                  setCopied(true);
                });
              }}
              data-test={`${testId}-copy`}
            >
              {t('Copy')}
            </Button>
          </Tooltip>
        </ActionListItem>
        <ActionListItem>
          {/* A data: URL downloads without a blob to revoke, and works from the keyboard like any link. */}
          <Button
            variant="secondary"
            icon={<DownloadIcon />}
            component="a"
            href={`data:application/yaml;charset=utf-8,${encodeURIComponent(yaml)}`}
            download={fileName}
            data-test={`${testId}-download`}
          >
            {t('Download')}
          </Button>
        </ActionListItem>
      </ActionList>
      <Suspense fallback={<Spinner size="lg" aria-label={t('Loading the editor')} />}>
        <CodeEditor
          value={yaml}
          language="yaml"
          isReadOnly
          minHeight="420px"
          options={{ readOnly: true, wordWrap: 'on', minimap: { enabled: false } }}
          aria-label={t('YAML of {{file}}', { file: fileName })}
        />
      </Suspense>
    </div>
  );
};

export default YamlPreview;
