import { memo } from 'react';
import { Timestamp } from '@openshift-console/dynamic-plugin-sdk';
import { Button, Tooltip, Truncate } from '@patternfly/react-core';
import { Td, Tr } from '@patternfly/react-table';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import type { NodeDay1State, NodeRollout } from '../../rollout';
import Day1FollowUpStatus from './Day1FollowUpStatus';
import NodePhaseStatus from './NodePhaseStatus';
import DrainBlockedFor from './DrainBlockedFor';
import { NodeEstimate } from './NodeEstimate';
import { nodeMessageText } from '../shared/rollout-text';
import { CONFIGS_VISIBILITY, ESTIMATE_VISIBILITY } from './NodeTableHeader';
import type { Verification } from './useVerifications';

/**
 * Rendered config names differ in their hash, so the middle is left out. A fixed number of characters,
 * not PatternFly's width-based truncation: that one watches every cell with a ResizeObserver, and a
 * live table of thousands of nodes resizes its cells with every event.
 */
const CONFIG_CHARS_SHOWN = 24;

interface NodeRolloutRowProps {
  node: NodeRollout;
  hasDay1: boolean;
  verification?: Verification;
  /** The node's state from its status files. */
  day1?: NodeDay1State;
  isSelected: boolean;
  /** The current / desired config column. */
  showConfigs: boolean;
  /** Stable callbacks (the row is memoised): they take the node's name. */
  onSelect: (name: string) => void;
  onVerify: (name: string) => void;
}

/**
 * One node. Memoised: the deriver keeps a NodeRollout's identity while the node does not change, so an
 * event about another node does not re-render this row.
 */
const NodeRolloutRow = ({
  node,
  hasDay1,
  verification,
  day1,
  isSelected,
  showConfigs,
  onSelect,
  onVerify,
}: NodeRolloutRowProps) => {
  const { t } = usePluginTranslation();
  const moving = node.desiredConfig !== undefined && node.desiredConfig !== node.currentConfig;
  const verifyButton = (
    <Button
      variant="secondary"
      size="sm"
      isAriaDisabled={!hasDay1}
      onClick={() => {
        onVerify(node.name);
      }}
      aria-label={t('Verify {{node}}', { node: node.name })}
      data-test="node-verify"
    >
      {t('Verify')}
    </Button>
  );
  return (
    <Tr isRowSelected={isSelected} data-test={`node-row-${node.name}`} data-phase={node.phase}>
      <Td dataLabel={t('Name')}>
        <Button
          variant="link"
          isInline
          onClick={() => {
            onSelect(node.name);
          }}
          aria-label={t('Details of {{node}}', { node: node.name })}
          data-test="node-name"
        >
          {node.name}
        </Button>
      </Td>
      <Td dataLabel={t('Pool')}>{node.pool ?? t('None')}</Td>
      <Td dataLabel={t('Phase')}>
        <NodePhaseStatus phase={node.phase} />
      </Td>
      <Td dataLabel={t('Day 1 follow-up')} modifier="breakWord">
        <Day1FollowUpStatus node={node} hasDay1={hasDay1} verification={verification} day1={day1} />
      </Td>
      <Td dataLabel={t('Message')} modifier="breakWord" data-test="node-message">
        {nodeMessageText(t, node.message)}
        {node.message?.code === 'drainBlocked' && <DrainBlockedFor since={node.since} />}
      </Td>
      <Td dataLabel={t('Since')}>
        <Timestamp timestamp={node.since} />
      </Td>
      {showConfigs && (
        <Td
          dataLabel={t('Current / desired config')}
          modifier="nowrap"
          visibility={CONFIGS_VISIBILITY}
          data-test="node-configs"
        >
          {node.currentConfig ? (
            <Truncate
              content={node.currentConfig}
              position="middle"
              maxCharsDisplayed={CONFIG_CHARS_SHOWN}
            />
          ) : (
            '-'
          )}
          {moving && (
            <div>
              {'→ '}
              <Truncate
                content={node.desiredConfig ?? ''}
                position="middle"
                maxCharsDisplayed={CONFIG_CHARS_SHOWN}
              />
            </div>
          )}
        </Td>
      )}
      <Td
        dataLabel={t('Done in')}
        modifier="nowrap"
        visibility={ESTIMATE_VISIBILITY}
        data-test="node-estimate-cell"
      >
        <NodeEstimate node={node} />
      </Td>
      <Td isActionCell>
        {hasDay1 ? (
          verifyButton
        ) : (
          <Tooltip content={t("The target config of this node's pool has no Day 1 config.")}>
            {verifyButton}
          </Tooltip>
        )}
      </Td>
    </Tr>
  );
};

export default memo(NodeRolloutRow);
