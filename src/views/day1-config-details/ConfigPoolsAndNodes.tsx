import { ResourceLink } from '@openshift-console/dynamic-plugin-sdk';
import { Flex, FlexItem } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import { MachineConfigPoolGVK, NodeGVK } from '../../k8s/gvk';
import type { ReachedPool } from './useConfigDetails';

interface ConfigPoolsAndNodesProps {
  pools: ReachedPool[];
  nodesLoaded: boolean;
  /** The pool the config is labelled for, named when no pool takes it. */
  poolRef: string;
}

/** The pools that take the config, and the nodes MCO manages in each: they all run it. */
const ConfigPoolsAndNodes = ({ pools, nodesLoaded, poolRef }: ConfigPoolsAndNodesProps) => {
  const { t } = usePluginTranslation();
  if (pools.length === 0) {
    return (
      <p data-test="config-no-pool">
        {t(
          'No MachineConfigPool takes this config (it is labelled for {{pool}}): no node runs it.',
          {
            pool: poolRef,
          },
        )}
      </p>
    );
  }
  const columns = { pool: t('MachineConfigPool'), nodes: t('Nodes') };
  return (
    <Table aria-label={t('Pools and nodes')} variant="compact" data-test="config-pools">
      <Thead>
        <Tr>
          <Th>{columns.pool}</Th>
          <Th>{columns.nodes}</Th>
        </Tr>
      </Thead>
      <Tbody>
        {pools.map(({ pool, nodes }) => (
          <Tr key={pool.metadata.name} data-test={`config-pool-${pool.metadata.name}`}>
            <Td dataLabel={columns.pool}>
              <ResourceLink groupVersionKind={MachineConfigPoolGVK} name={pool.metadata.name} />
            </Td>
            <Td dataLabel={columns.nodes} data-test="config-pool-nodes">
              {!nodesLoaded ? (
                t('Loading…')
              ) : nodes.length === 0 ? (
                t('No nodes')
              ) : (
                <Flex spaceItems={{ default: 'spaceItemsMd' }}>
                  {nodes.map((node) => (
                    <FlexItem key={node.metadata.name}>
                      <ResourceLink groupVersionKind={NodeGVK} name={node.metadata.name} />
                    </FlexItem>
                  ))}
                </Flex>
              )}
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};

export default ConfigPoolsAndNodes;
