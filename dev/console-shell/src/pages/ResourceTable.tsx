import type { K8sModel, K8sResourceKind } from '@openshift-console/dynamic-plugin-sdk';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { columnsFor } from './columns';

interface ResourceTableProps {
  model: K8sModel;
  data: K8sResourceKind[];
}

const byName = (a: K8sResourceKind, b: K8sResourceKind) =>
  `${a.metadata?.namespace ?? ''}/${a.metadata?.name ?? ''}`.localeCompare(
    `${b.metadata?.namespace ?? ''}/${b.metadata?.name ?? ''}`,
  );

/** A PF table of resources, sorted by name; rows carry `data-test="resource-row-<name>"`. */
export const ResourceTable = ({ model, data }: ResourceTableProps) => {
  const columns = columnsFor(model);
  return (
    <Table aria-label={model.labelPlural} variant="compact" data-test="resource-table">
      <Thead>
        <Tr>
          {columns.map((c) => (
            <Th key={c.id} modifier="wrap">
              {c.title}
            </Th>
          ))}
        </Tr>
      </Thead>
      <Tbody>
        {[...data].sort(byName).map((obj) => (
          <Tr
            key={obj.metadata?.uid ?? obj.metadata?.name}
            data-test={`resource-row-${obj.metadata?.name ?? ''}`}
          >
            {columns.map((c) => (
              <Td key={c.id} dataLabel={c.title}>
                {c.render(obj)}
              </Td>
            ))}
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
