import { ResourceLink, Timestamp } from '@openshift-console/dynamic-plugin-sdk';
import {
  Button,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  DrawerActions,
  DrawerCloseButton,
  DrawerHead,
  DrawerPanelBody,
  DrawerPanelContent,
  Stack,
  Title,
} from '@patternfly/react-core';
import { useEffect } from 'react';
import type { ReactNode } from 'react';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import { NodeGVK } from '../../k8s/gvk';
import type { MachineConfigNode, Node } from '../../k8s/types';
import type { NodeDay1State, NodeRollout } from '../../rollout';
import type { Day1StatusAccess } from '../shared/day1-status-scheduler';
import Day1NodeDetails from './Day1NodeDetails';
import ConditionTimeline from './ConditionTimeline';
import Day1FollowUpStatus from './Day1FollowUpStatus';
import { NodeEstimate } from './NodeEstimate';
import NodePhaseStatus from './NodePhaseStatus';
import DrainBlockedFor from './DrainBlockedFor';
import type { Verification } from './useVerifications';
import { nodeMessageText } from '../shared/rollout-text';

/** The annotations MCO's daemon, node controller and drain controller keep on a node. */
const MCO_ANNOTATION_PREFIX = 'machineconfiguration.openshift.io/';

const NODE_DETAILS_TITLE_ID = 'node-details-title';

interface NodeDetailsPanelProps {
  /** Beside the table (PatternFly's inline drawer) rather than over it. */
  inline: boolean;
  node: NodeRollout;
  nodeObject?: Node;
  machineConfigNode?: MachineConfigNode;
  machineConfigNodesAvailable: boolean;
  hasDay1: boolean;
  verification?: Verification;
  /** The node's state from its status files. */
  day1?: NodeDay1State;
  /** The Day 1 configs of its pool's target. */
  machineConfigs?: readonly string[];
  day1Access?: Day1StatusAccess;
  onVerify: (name: string) => void;
  onClose: () => void;
}

const Item = ({ term, children, test }: { term: string; children: ReactNode; test?: string }) => (
  <DescriptionListGroup>
    <DescriptionListTerm>{term}</DescriptionListTerm>
    <DescriptionListDescription data-test={test}>{children}</DescriptionListDescription>
  </DescriptionListGroup>
);

/** A node's rollout in the drawer: phase and reason, MCO's annotations, the MachineConfigNode history. */
const NodeDetailsPanel = ({
  inline,
  node,
  nodeObject,
  machineConfigNode,
  machineConfigNodesAvailable,
  hasDay1,
  verification,
  day1,
  machineConfigs,
  day1Access,
  onVerify,
  onClose,
}: NodeDetailsPanelProps) => {
  const { t } = usePluginTranslation();
  const annotations = Object.entries(nodeObject?.metadata.annotations ?? {})
    .filter(([key]) => key.startsWith(MCO_ANNOTATION_PREFIX))
    .sort(([a], [b]) => a.localeCompare(b));
  const conditions = machineConfigNode?.status?.conditions ?? [];
  // Whoever opens a node's details lands in them, at their title (and again for another node).
  useEffect(() => {
    document.getElementById(NODE_DETAILS_TITLE_ID)?.focus();
  }, [node.name]);
  return (
    <DrawerPanelContent
      widths={{ default: inline ? 'width_33' : 'width_50' }}
      aria-labelledby={NODE_DETAILS_TITLE_ID}
      role="region"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented) {
          event.stopPropagation();
          onClose();
        }
      }}
      data-test="node-details"
    >
      <DrawerHead>
        <Title headingLevel="h2" size="xl" id={NODE_DETAILS_TITLE_ID} tabIndex={-1}>
          {node.name}
        </Title>
        <DrawerActions>
          <DrawerCloseButton onClick={onClose} aria-label={t('Close the node details')} />
        </DrawerActions>
      </DrawerHead>
      <DrawerPanelBody>
        <Stack hasGutter>
          <DescriptionList isCompact isHorizontal>
            <Item term={t('Node')}>
              <ResourceLink
                groupVersionKind={NodeGVK}
                name={node.name}
                dataTest="node-details-link"
              />
            </Item>
            <Item term={t('Pool')}>{node.pool ?? t('None')}</Item>
            <Item term={t('Phase')} test="node-details-phase">
              <NodePhaseStatus phase={node.phase} />
            </Item>
            <Item term={t('Reason')} test="node-details-reason">
              {node.reason}
            </Item>
            <Item term={t('Message')} test="node-details-message">
              {nodeMessageText(t, node.message)}
              {node.message?.code === 'drainBlocked' && <DrainBlockedFor since={node.since} />}
            </Item>
            {node.message?.code === 'drainBlocked' && (
              <Item term={t('Drain controller')} test="node-details-drain">
                {node.message.params.text}
              </Item>
            )}
            <Item term={t('Since')}>
              <Timestamp timestamp={node.since} />
            </Item>
            {node.updateStartedAt && (
              <Item term={t('Update started')}>
                <Timestamp timestamp={node.updateStartedAt} />
              </Item>
            )}
            <Item term={t('Done in')} test="node-details-estimate">
              <NodeEstimate node={node} />
            </Item>
            <Item term={t('Current config')}>{node.currentConfig ?? '-'}</Item>
            <Item term={t('Desired config')}>{node.desiredConfig ?? '-'}</Item>
            <Item term={t('Kernel')}>{node.kernelVersion ?? '-'}</Item>
            <Item term={t('Phase from')}>
              {node.source === 'MachineConfigNode'
                ? t('MachineConfigNode conditions')
                : t('Node annotations')}
            </Item>
            <Item term={t('Day 1 follow-up')} test="node-details-follow-up">
              <Day1FollowUpStatus
                node={node}
                hasDay1={hasDay1}
                verification={verification}
                day1={day1}
              />{' '}
              <Button
                variant="link"
                isInline
                isAriaDisabled={!hasDay1}
                onClick={() => {
                  onVerify(node.name);
                }}
                data-test="node-details-verify"
              >
                {t('Verify')}
              </Button>
            </Item>
          </DescriptionList>

          {machineConfigs && machineConfigs.length > 0 && (
            <Day1NodeDetails
              node={node}
              day1={day1}
              machineConfigs={machineConfigs}
              access={day1Access}
            />
          )}

          <Title headingLevel="h3" size="md">
            {t('MCO annotations')}
          </Title>
          {annotations.length > 0 ? (
            <DescriptionList isCompact data-test="node-details-annotations">
              {annotations.map(([key, value]) => (
                <Item key={key} term={key.slice(MCO_ANNOTATION_PREFIX.length)}>
                  {value === '' ? '""' : value}
                </Item>
              ))}
            </DescriptionList>
          ) : (
            <p>{t('The node has no Machine Config Operator annotations.')}</p>
          )}

          <Title headingLevel="h3" size="md">
            {t('MachineConfigNode conditions')}
          </Title>
          {conditions.length > 0 ? (
            <ConditionTimeline conditions={conditions} />
          ) : (
            <p data-test="node-details-no-mcn">
              {machineConfigNodesAvailable
                ? t('This node has no MachineConfigNode yet.')
                : t(
                    'MachineConfigNodes are not available (OpenShift 4.19 and later, and permission to list them): the phase comes from the node annotations.',
                  )}
            </p>
          )}
        </Stack>
      </DrawerPanelBody>
    </DrawerPanelContent>
  );
};

export default NodeDetailsPanel;
