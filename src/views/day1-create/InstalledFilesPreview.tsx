import { useMemo } from 'react';
import {
  CodeBlock,
  CodeBlockCode,
  Content,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  ExpandableSection,
  Label,
  Stack,
  StackItem,
  Title,
} from '@patternfly/react-core';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import type { MachineConfig } from '../../k8s/types';
import { installedContents } from '../../producer';
import type { FileContents, InstalledUnit } from '../../producer';

interface InstalledFilesPreviewProps {
  machineConfig: MachineConfig;
}

/**
 * The toggle is a button, which PatternFly keeps on one line; paths and unit names are long (they
 * start with the MachineConfig name), so they wrap anywhere rather than run out of the card.
 */
const WRAP = {
  display: 'block',
  whiteSpace: 'normal',
  overflowWrap: 'anywhere',
  textAlign: 'start',
} as const;

/** A unit's or drop-in's text, or a file's when it is text; `label` names it for screen readers. */
const Code = ({ text, label }: { text: string; label: string }) => (
  <CodeBlock aria-label={label}>
    <CodeBlockCode>{text}</CodeBlockCode>
  </CodeBlock>
);

/**
 * Every file and systemd unit the MachineConfig installs, decoded: the scripts that will run as root
 * on the nodes, readable before the config is created. Loaded lazily with the tab.
 */
const InstalledFilesPreview = ({ machineConfig }: InstalledFilesPreviewProps) => {
  const { t } = usePluginTranslation();
  const { files, units } = useMemo(
    () => installedContents(machineConfig.spec.config),
    [machineConfig],
  );

  const fileContents = (path: string, contents: FileContents) => {
    switch (contents.kind) {
      case 'text':
        return <Code text={contents.text} label={t('Contents of {{path}}', { path })} />;
      case 'empty':
        return t('An empty file.');
      case 'binary':
        return t('Binary data ({{size}} B), not shown.', { size: contents.size });
      case 'remote':
        return t('Ignition fetches it from {{source}} on the node; it is not shown here.', {
          source: contents.source,
        });
      case 'compressed':
        return t('Compressed ({{compression}}), not shown.', {
          compression: contents.compression,
        });
      case 'invalid':
        return contents.reason === 'bad-percent-encoding'
          ? t('Its data URL has a malformed % escape: Ignition would reject this file.')
          : contents.reason === 'bad-base64'
            ? t('Its data URL is not valid base64: Ignition would reject this file.')
            : t('Its source is not a data URL: Ignition would reject this file.');
    }
  };

  const unitState = (unit: InstalledUnit) => {
    if (unit.masked) return <Label isCompact>{t('Masked')}</Label>;
    if (unit.enabled === true)
      return (
        <Label isCompact color="blue">
          {t('Enabled')}
        </Label>
      );
    if (unit.enabled === false) return <Label isCompact>{t('Disabled')}</Label>;
    return null;
  };

  return (
    <Stack hasGutter data-test="day1-preview-files">
      <StackItem>
        <Content component="p">
          {t(
            'What the MachineConfig writes on every node of the pool. The units run these scripts as root at boot: review them before you create the config.',
          )}
        </Content>
      </StackItem>
      <StackItem>
        <Title headingLevel="h3" size="md">
          {t('Files')}
        </Title>
        {files.map((file) => (
          <ExpandableSection
            key={file.path}
            toggleContent={
              <span style={WRAP}>
                <code>{file.path}</code> {file.mode && <Label isCompact>{file.mode}</Label>}
              </span>
            }
            data-test="day1-preview-file"
          >
            <Stack hasGutter>
              <DescriptionList isCompact isHorizontal>
                <DescriptionListGroup>
                  <DescriptionListTerm>{t('Mode')}</DescriptionListTerm>
                  <DescriptionListDescription>
                    {file.mode ?? t('Not set (0644)')}
                  </DescriptionListDescription>
                </DescriptionListGroup>
                <DescriptionListGroup>
                  <DescriptionListTerm>{t('Owner')}</DescriptionListTerm>
                  <DescriptionListDescription>
                    {file.user ?? t('Not set (root)')}
                  </DescriptionListDescription>
                </DescriptionListGroup>
                <DescriptionListGroup>
                  <DescriptionListTerm>{t('Replaces an existing file')}</DescriptionListTerm>
                  <DescriptionListDescription>
                    {file.overwrite ? t('Yes') : t('No')}
                  </DescriptionListDescription>
                </DescriptionListGroup>
              </DescriptionList>
              <div data-test="day1-preview-file-contents">
                {fileContents(file.path, file.contents)}
              </div>
            </Stack>
          </ExpandableSection>
        ))}
      </StackItem>
      <StackItem>
        <Title headingLevel="h3" size="md">
          {t('systemd units')}
        </Title>
        {units.map((unit) => (
          <ExpandableSection
            key={unit.name}
            toggleContent={
              <span style={WRAP}>
                <code>{unit.name}</code> {unitState(unit)}
              </span>
            }
            data-test="day1-preview-unit"
          >
            <Stack hasGutter>
              {unit.contents !== undefined ? (
                <Code text={unit.contents} label={t('Contents of {{unit}}', { unit: unit.name })} />
              ) : (
                <Content component="p">
                  {unit.masked
                    ? t('Masked: systemd will not start this unit.')
                    : t('No unit file given: the unit already on the node is used.')}
                </Content>
              )}
              {unit.dropins.map((dropin) => (
                <div key={dropin.name} data-test="day1-preview-dropin">
                  <Title headingLevel="h4" size="md">
                    {t('Drop-in {{name}}', { name: dropin.name })}
                  </Title>
                  {dropin.contents !== undefined ? (
                    <Code
                      text={dropin.contents}
                      label={t('Contents of drop-in {{name}}', { name: dropin.name })}
                    />
                  ) : (
                    t('No contents given.')
                  )}
                </div>
              ))}
            </Stack>
          </ExpandableSection>
        ))}
      </StackItem>
    </Stack>
  );
};

export default InstalledFilesPreview;
