import { ActionList, ActionListItem, Alert, Button, List, ListItem } from '@patternfly/react-core';
import { SyncAltIcon } from '@patternfly/react-icons';
import type { ConfigReadiness, ReadinessKernel } from '../../rollout';
import { tagCheckText } from '../shared/kernel-coverage-text';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import type { Translate } from '../shared/usePluginTranslation';
import { readinessActionText } from './update-readiness-text';

interface ConfigUpdateAlertProps {
  readiness: ConfigReadiness;
  /** Asks the registry again now (after pushing a tag). */
  onRecheck: () => void;
}

const variantOf = (readiness: ConfigReadiness) => {
  if (readiness.flaggedNodes.length > 0) return 'danger';
  switch (readiness.action.code) {
    case 'pushTagAndPause':
    case 'pushTag':
      return 'warning';
    case 'ready':
    case 'resume':
    case 'waitForOtherConfigs':
      return 'success';
    default:
      return 'info';
  }
};

const titleOf = (t: Translate, readiness: ConfigReadiness): string => {
  const config = readiness.machineConfigName;
  if (readiness.flaggedNodes.length > 0)
    return t('{{config}}: nodes run a kernel its image has no tag for', { config });
  switch (readiness.action.code) {
    case 'pushTagAndPause':
    case 'pushTag':
      return t('{{config}}: the image has no tag for the new kernel', { config });
    case 'ready':
      return t('{{config}}: ready for the update', { config });
    case 'resume':
      return t('{{config}}: the tag exists, resume the paused pools', { config });
    case 'waitForOtherConfigs':
      return t('{{config}}: the tag exists; its paused pools wait for other configs', { config });
    case 'unknown':
      return t('{{config}}: checking the image tags', { config });
    case 'waitForNewKernel':
      return t('{{config}}: the new kernel is not known yet', { config });
  }
};

/** Where a kernel comes from: declared by the Driver Toolkit, or seen on nodes. */
const kernelOrigin = (t: Translate, kernel: ReadinessKernel): string => {
  const seen =
    kernel.clusterNodes > 0
      ? t('running on {{count}} nodes', {
          count: kernel.clusterNodes,
          defaultValue_one: 'running on {{count}} node',
        })
      : t('on no node yet');
  if (kernel.declared) return t('declared by the Driver Toolkit, {{seen}}', { seen });
  return seen;
};

/**
 * One Day 1 config's readiness for the OpenShift update, with Check again. Pause and Resume are the
 * pools' (UpdatePoolActions): a pool may take several configs.
 */
const ConfigUpdateAlert = ({ readiness, onRecheck }: ConfigUpdateAlertProps) => {
  const { t } = usePluginTranslation();
  return (
    <Alert
      isInline
      variant={variantOf(readiness)}
      title={titleOf(t, readiness)}
      data-test={`update-readiness-${readiness.machineConfigName}`}
    >
      <p data-test="update-readiness-action">{readinessActionText(t, readiness)}</p>
      {readiness.kernels.length > 0 && (
        <List isPlain data-test="update-readiness-kernels">
          {readiness.kernels.map((kernel) => (
            <ListItem key={kernel.kernelVersion} data-test={`update-kernel-${kernel.tag}`}>
              {kernel.isNew
                ? t('New kernel {{kernel}} ({{origin}}): {{reference}}, {{check}}', {
                    kernel: kernel.kernelVersion,
                    origin: kernelOrigin(t, kernel),
                    reference: kernel.reference,
                    check: tagCheckText(t, kernel.check),
                  })
                : t('Kernel {{kernel}} ({{origin}}): {{reference}}, {{check}}', {
                    kernel: kernel.kernelVersion,
                    origin: kernelOrigin(t, kernel),
                    reference: kernel.reference,
                    check: tagCheckText(t, kernel.check),
                  })}
            </ListItem>
          ))}
        </List>
      )}
      {readiness.flaggedNodes.length > 0 && (
        <p data-test="update-readiness-flagged">
          {t('Nodes on a kernel without a tag, with the in-tree driver: {{nodes}}', {
            nodes: readiness.flaggedNodes.map((f) => f.node).join(', '),
          })}
        </p>
      )}
      {readiness.kernels.length > 0 && (
        <ActionList>
          <ActionListItem>
            <Button
              variant="link"
              size="sm"
              icon={<SyncAltIcon />}
              onClick={onRecheck}
              data-test="update-readiness-recheck"
            >
              {t('Check the tags again')}
            </Button>
          </ActionListItem>
        </ActionList>
      )}
    </Alert>
  );
};

export default ConfigUpdateAlert;
