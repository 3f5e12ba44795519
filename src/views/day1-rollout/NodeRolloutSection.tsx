import { useCallback, useMemo, useState } from 'react';
import {
  Drawer,
  DrawerContent,
  DrawerContentBody,
  EmptyState,
  EmptyStateBody,
} from '@patternfly/react-core';
import { CubesIcon } from '@patternfly/react-icons';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import { sameItems } from '../../rollout';
import type { NodeRollout, PoolRollout } from '../../rollout';
import NodeDetailsPanel, { NODE_DETAILS_TITLE_ID } from './NodeDetailsPanel';
import NodeRolloutTable from './NodeRolloutTable';
import type { RolloutData } from '../shared/useRolloutData';
import type { Verifications } from './useVerifications';
import VerifyNodeModal from './VerifyNodeModal';
import { sameSet, useStableValue } from './useStableValue';

interface NodeRolloutSectionProps {
  pools: readonly PoolRollout[];
  /** Nodes in no pool, shown with all pools. */
  unpooledNodes: readonly NodeRollout[];
  data: Pick<RolloutData, 'findNode' | 'findMachineConfigNode' | 'machineConfigNodesAvailable'>;
  verifications: Verifications;
}

const EMPTY: readonly string[] = [];

/** The node table with its details drawer and the Verify dialog. */
const NodeRolloutSection = ({
  pools,
  unpooledNodes,
  data,
  verifications,
}: NodeRolloutSectionProps) => {
  const { t } = usePluginTranslation();
  const [selected, setSelected] = useState<string>();
  const [verifying, setVerifying] = useState<string>();

  // A new array only when a pool's node list changed (the deriver keeps unchanged ones): a pool event
  // that changes counts only does not re-render the table.
  const nodeLists = useStableValue([...pools.map((pool) => pool.nodes), unpooledNodes], sameItems);
  const nodes = useMemo(() => nodeLists.flat(), [nodeLists]);
  const day1ByPool = useMemo(
    () =>
      new Map(
        pools
          .filter((pool) => pool.day1Configs.length > 0)
          .map((pool) => [pool.name, pool.day1Configs.map((config) => config.name)]),
      ),
    [pools],
  );
  const day1Pools = useStableValue(
    useMemo(() => new Set(day1ByPool.keys()), [day1ByPool]),
    sameSet,
  );
  const findNode = (name: string | undefined) =>
    name === undefined ? undefined : nodes.find((node) => node.name === name);
  const selectedNode = findNode(selected);
  const verifyingNode = findNode(verifying);

  // Stable, so that memoised rows do not re-render for them.
  const select = useCallback((name: string) => {
    setSelected(name);
  }, []);
  const verify = useCallback((name: string) => {
    setVerifying(name);
  }, []);
  const hasDay1 = (node: NodeRollout) => node.pool !== undefined && day1Pools.has(node.pool);
  const machineConfigsOf = (node: NodeRollout) =>
    (node.pool === undefined ? undefined : day1ByPool.get(node.pool)) ?? EMPTY;

  if (nodes.length === 0) {
    return (
      <EmptyState
        titleText={t('No nodes')}
        headingLevel="h3"
        icon={CubesIcon}
        data-test="rollout-no-nodes"
      >
        <EmptyStateBody>{t('No node belongs to this pool.')}</EmptyStateBody>
      </EmptyState>
    );
  }

  return (
    <>
      <Drawer
        isExpanded={selectedNode !== undefined}
        onExpand={() => {
          // Keyboard users land in the panel they opened.
          document.getElementById(NODE_DETAILS_TITLE_ID)?.focus();
        }}
      >
        <DrawerContent
          panelContent={
            selectedNode && (
              <NodeDetailsPanel
                node={selectedNode}
                nodeObject={data.findNode(selectedNode.name)}
                machineConfigNode={data.findMachineConfigNode(selectedNode.name)}
                machineConfigNodesAvailable={data.machineConfigNodesAvailable}
                hasDay1={hasDay1(selectedNode)}
                verification={verifications.byNode.get(selectedNode.name)}
                onVerify={verify}
                onClose={() => {
                  setSelected(undefined);
                }}
              />
            )
          }
        >
          <DrawerContentBody>
            <NodeRolloutTable
              nodes={nodes}
              day1Pools={day1Pools}
              verifications={verifications.byNode}
              selectedNode={selected}
              onSelect={select}
              onVerify={verify}
            />
          </DrawerContentBody>
        </DrawerContent>
      </Drawer>
      {verifyingNode && (
        <VerifyNodeModal
          node={verifyingNode}
          machineConfigs={machineConfigsOf(verifyingNode)}
          verification={verifications.byNode.get(verifyingNode.name)}
          onStart={({ namespace, image }) => {
            verifications.start({
              nodeName: verifyingNode.name,
              namespace,
              image,
              machineConfigs: machineConfigsOf(verifyingNode),
            });
          }}
          onClose={() => {
            setVerifying(undefined);
          }}
        />
      )}
    </>
  );
};

export default NodeRolloutSection;
