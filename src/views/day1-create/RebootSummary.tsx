import { Alert, List, ListItem } from '@patternfly/react-core';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import type { RebootPlan } from '../../preflight';

interface RebootSummaryProps {
  plan: RebootPlan;
  poolName: string;
  /** Whether the image checks have answered; before that every node is "not checked". */
  checked: boolean;
}

const names = (nodes: string[]): string => [...nodes].sort().join(', ');

/** What creating the config does to the pool's nodes: reboots, their number and how long. */
const RebootSummary = ({ plan, poolName, checked }: RebootSummaryProps) => {
  const { t } = usePluginTranslation();
  if (plan.nodeCount === 0) {
    return (
      <Alert
        variant="info"
        isInline
        isPlain
        title={t('No node reboots yet')}
        data-test="day1-reboot-summary"
      >
        {t('No node is in pool {{pool}}: nodes load the module when they join it.', {
          pool: poolName,
        })}
      </Alert>
    );
  }
  return (
    <Alert
      variant={plan.rebootOnceKeepInTree.length > 0 ? 'warning' : 'info'}
      isInline
      title={t('Nodes that will reboot: {{nodes}}', { nodes: plan.nodeCount })}
      data-test="day1-reboot-summary"
    >
      <List>
        <ListItem>
          {t(
            'The Machine Config Operator reboots each node of {{pool}} to apply the config, {{maxUnavailable}} at a time: {{batches}} rounds.',
            { pool: poolName, maxUnavailable: plan.maxUnavailable, batches: plan.batches },
          )}
        </ListItem>
        {plan.rebootTwice.length > 0 && (
          <ListItem data-test="day1-reboot-twice">
            {t(
              'On first apply these nodes reboot a second time, after pulling the kernel module image: {{nodes}}.',
              { nodes: names(plan.rebootTwice) },
            )}
          </ListItem>
        )}
        {plan.rebootOnceKeepInTree.length > 0 && (
          <ListItem data-test="day1-keep-in-tree">
            {t(
              'No image exists for the kernel of these nodes: they reboot once and boot on the in-tree driver, without the module: {{nodes}}.',
              { nodes: names(plan.rebootOnceKeepInTree) },
            )}
          </ListItem>
        )}
        {plan.unchecked.length > 0 && (
          <ListItem data-test="day1-unchecked">
            {checked
              ? t(
                  'Not checked: {{nodes}}. They reboot once, and a second time if their image exists.',
                  { nodes: names(plan.unchecked) },
                )
              : t(
                  'Images not checked yet: {{nodes}} reboot once, and a second time if their image exists.',
                  {
                    nodes: names(plan.unchecked),
                  },
                )}
          </ListItem>
        )}
        <ListItem data-test="day1-estimate">
          {t(
            'About {{low}} to {{high}} minutes until every node is done, at max unavailable {{maxUnavailable}}.',
            {
              low: plan.estimatedMinutes.low,
              high: plan.estimatedMinutes.high,
              maxUnavailable: plan.maxUnavailable,
            },
          )}
        </ListItem>
        {plan.paused && (
          <ListItem data-test="day1-paused">
            {t('The pool is paused: no node reboots until you resume it.')}
          </ListItem>
        )}
      </List>
    </Alert>
  );
};

export default RebootSummary;
