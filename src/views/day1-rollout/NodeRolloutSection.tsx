import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  Drawer,
  DrawerContent,
  DrawerContentBody,
  DrawerPanelContent,
  EmptyState,
  EmptyStateBody,
  Spinner,
} from '@patternfly/react-core';
import { CubesIcon } from '@patternfly/react-icons';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import { sameItems } from '../../rollout';
import type { NodeDay1State, NodeRollout, PoolRollout } from '../../rollout';
import type { Day1StatusAccess } from '../shared/day1-status-scheduler';
import NodeRolloutTable from './NodeRolloutTable';
import type { RolloutData } from '../shared/useRolloutData';
import type { Verifications } from './useVerifications';
import { sameSet, useStableValue } from './useStableValue';
import { useWidthAtLeast } from './useWidthAtLeast';
import LoadingModal from '../shared/LoadingModal';

// Neither is shown before the user opens a node's details or verifies a node.
const NodeDetailsPanel = lazy(() => import('./NodeDetailsPanel'));
const VerifyNodeModal = lazy(() => import('./VerifyNodeModal'));

interface NodeRolloutSectionProps {
  pools: readonly PoolRollout[];
  /** Nodes in no pool, shown with all pools. */
  unpooledNodes: readonly NodeRollout[];
  data: Pick<RolloutData, 'findNode' | 'findMachineConfigNode' | 'machineConfigNodesAvailable'>;
  verifications: Verifications;
  /** Each node's Day 1 state from its status files, by name. */
  day1States: ReadonlyMap<string, NodeDay1State>;
  /** Whether the user may read the files (and the journal) through the node proxy. */
  day1Access: Day1StatusAccess;
}

const EMPTY: readonly string[] = [];

/**
 * From this width of the section on, the details panel goes beside the table (PatternFly's inline
 * drawer) instead of over it: a third of it for the panel leaves the table the width its columns need.
 */
const INLINE_DRAWER_MIN_WIDTH_PX = 1400;

/** The button that opens a node's details, in its row. */
const detailsButton = (section: HTMLElement | null, name: string) =>
  section?.querySelector<HTMLElement>(`[data-test="node-row-${name}"] [data-test="node-name"]`);

/** The node table with its details drawer and the Verify dialog. */
const NodeRolloutSection = ({
  pools,
  unpooledNodes,
  data,
  verifications,
  day1States,
  day1Access,
}: NodeRolloutSectionProps) => {
  const { t } = usePluginTranslation();
  const [selected, setSelected] = useState<string>();
  const [verifying, setVerifying] = useState<string>();
  // State, not a ref: the section appears only once there are nodes, and is measured from then on.
  const [section, setSection] = useState<HTMLDivElement | null>(null);
  const inline = useWidthAtLeast(section, INLINE_DRAWER_MIN_WIDTH_PX);
  // The node whose details were closed: focus goes back to its row once the panel is gone.
  const closedNode = useRef<string>(undefined);

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
  const closeVerify = () => {
    setVerifying(undefined);
  };
  const closeDetails = () => {
    closedNode.current = selected;
    setSelected(undefined);
  };

  useEffect(() => {
    if (selected !== undefined || closedNode.current === undefined) return;
    // Back to the button that opened the panel, or to the section when its row is no longer shown.
    (detailsButton(section, closedNode.current) ?? section)?.focus();
    closedNode.current = undefined;
  }, [selected, section]);
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
    <div ref={setSection} tabIndex={-1} data-test="node-section">
      <Drawer isExpanded={selectedNode !== undefined} isInline={inline}>
        <DrawerContent
          panelContent={
            selectedNode && (
              <Suspense
                fallback={
                  <DrawerPanelContent
                    widths={{ default: inline ? 'width_33' : 'width_50' }}
                    data-test="node-details-loading"
                  >
                    <Spinner size="lg" aria-label={t('Loading the node details')} />
                  </DrawerPanelContent>
                }
              >
                <NodeDetailsPanel
                  inline={inline}
                  node={selectedNode}
                  nodeObject={data.findNode(selectedNode.name)}
                  machineConfigNode={data.findMachineConfigNode(selectedNode.name)}
                  machineConfigNodesAvailable={data.machineConfigNodesAvailable}
                  hasDay1={hasDay1(selectedNode)}
                  verification={verifications.byNode.get(selectedNode.name)}
                  day1={day1States.get(selectedNode.name)}
                  machineConfigs={machineConfigsOf(selectedNode)}
                  day1Access={day1Access}
                  onVerify={verify}
                  onClose={closeDetails}
                />
              </Suspense>
            )
          }
        >
          <DrawerContentBody>
            <NodeRolloutTable
              nodes={nodes}
              day1Pools={day1Pools}
              verifications={verifications.byNode}
              day1States={day1States}
              selectedNode={selected}
              showConfigs={selectedNode === undefined}
              onSelect={select}
              onVerify={verify}
            />
          </DrawerContentBody>
        </DrawerContent>
      </Drawer>
      {verifyingNode && (
        <Suspense fallback={<LoadingModal onClose={closeVerify} />}>
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
            onClose={closeVerify}
          />
        </Suspense>
      )}
    </div>
  );
};

export default NodeRolloutSection;
