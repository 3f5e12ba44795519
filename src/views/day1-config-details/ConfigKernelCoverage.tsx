import { useMemo } from 'react';
import { Button, Content, Flex, FlexItem } from '@patternfly/react-core';
import { SyncAltIcon } from '@patternfly/react-icons';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import type { Day1ConfigSummary } from '../../producer';
import ConfigImagesCell from '../shared/ConfigImagesCell';
import { tagCheckText } from '../shared/kernel-coverage-text';
import { useKernelCoverage } from '../shared/useKernelCoverage';
import { usePluginTranslation } from '../shared/usePluginTranslation';

/**
 * Whether the config's image has a tag for every kernel its pools and the cluster run: the count, and
 * each kernel with its tag, the registry's answer and the config's nodes that run it.
 */
const ConfigKernelCoverage = ({ summary }: { summary: Day1ConfigSummary }) => {
  const { t } = usePluginTranslation();
  const summaries = useMemo(() => [summary], [summary]);
  const { coverage: byConfig, recheck } = useKernelCoverage(summaries);
  const coverage = byConfig?.get(summary.machineConfigName);
  return (
    <>
      <Flex alignItems={{ default: 'alignItemsCenter' }}>
        <FlexItem>
          <ConfigImagesCell coverage={coverage} />
        </FlexItem>
        <FlexItem>
          <Button
            variant="link"
            isInline
            icon={<SyncAltIcon />}
            onClick={recheck}
            data-test="config-coverage-recheck"
          >
            {t('Check the registry again')}
          </Button>
        </FlexItem>
      </Flex>
      {coverage !== undefined && coverage.kernels.length > 0 && (
        <Table aria-label={t('Kernel coverage')} variant="compact" data-test="config-coverage">
          <Thead>
            <Tr>
              <Th>{t('Kernel')}</Th>
              <Th>{t('Image')}</Th>
              <Th>{t('Answer')}</Th>
              <Th>{t("This config's nodes")}</Th>
            </Tr>
          </Thead>
          <Tbody>
            {coverage.kernels.map((kernel) => {
              const nodes = kernel.configNodes.flatMap((pool) => pool.nodes);
              return (
                <Tr key={kernel.kernelVersion} data-test="config-coverage-kernel">
                  <Td dataLabel={t('Kernel')}>{kernel.kernelVersion}</Td>
                  <Td dataLabel={t('Image')} modifier="breakWord">
                    {kernel.reference}
                  </Td>
                  <Td dataLabel={t('Answer')}>{tagCheckText(t, kernel.check)}</Td>
                  <Td dataLabel={t("This config's nodes")}>
                    {nodes.length === 0 ? (
                      <Content component="small">
                        {t('None; {{count}} other nodes run it', {
                          count: kernel.clusterNodeCount,
                          defaultValue_one: 'None; {{count}} other node runs it',
                        })}
                      </Content>
                    ) : (
                      nodes.join(', ')
                    )}
                  </Td>
                </Tr>
              );
            })}
          </Tbody>
        </Table>
      )}
    </>
  );
};

export default ConfigKernelCoverage;
