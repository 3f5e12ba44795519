import { Content, List, ListItem, PageSection, Title } from '@patternfly/react-core';
import { usePluginInfo } from '@openshift/dynamic-plugin-sdk';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { Link } from 'react-router';
import { DocumentTitle } from '../sdk/components/DocumentTitle';

/** The shell's landing page: plugin load status and where to go. */
export const HomePage = () => {
  const plugins = usePluginInfo();
  return (
    <PageSection hasBodyWrapper={false} data-test="shell-home">
      <DocumentTitle>Overview</DocumentTitle>
      <Title headingLevel="h1">Local console shell</Title>
      <Content component="p">
        A stand-in for the OpenShift console that loads this repository&apos;s plugin against a
        simulated cluster.
      </Content>
      <Title headingLevel="h2" className="pf-v6-u-mt-lg">
        Plugins
      </Title>
      <Table aria-label="Plugins" variant="compact" data-test="plugin-status-table">
        <Thead>
          <Tr>
            <Th>Name</Th>
            <Th>Version</Th>
            <Th>Status</Th>
          </Tr>
        </Thead>
        <Tbody>
          {plugins.map((p) => (
            <Tr key={p.manifest.name} data-test={`plugin-status-${p.manifest.name}`}>
              <Td>{p.manifest.name}</Td>
              <Td>{p.manifest.version}</Td>
              <Td data-test="plugin-status" data-status={p.status}>
                {p.status}
                {p.status === 'failed' ? `: ${p.errorMessage}` : ''}
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      <Title headingLevel="h2" className="pf-v6-u-mt-lg">
        Pages
      </Title>
      <List>
        <ListItem>
          <Link to="/k8s/cluster/nodes">Nodes</Link>
        </ListItem>
        <ListItem>
          <Link to="/k8s/cluster/machineconfiguration.openshift.io~v1~MachineConfig">
            MachineConfigs
          </Link>
        </ListItem>
        <ListItem>
          <Link to="/k8s/cluster/machineconfiguration.openshift.io~v1~MachineConfigPool">
            MachineConfigPools
          </Link>
        </ListItem>
      </List>
    </PageSection>
  );
};
