import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { Timestamp } from '../sdk/components/Timestamp';
import type { Condition } from './k8s-helpers';

/** A resource's status conditions, as console's Conditions section lists them. */
export const ConditionsTable = ({ conditions }: { conditions: Condition[] }) => (
  <Table aria-label="Conditions" variant="compact" data-test="conditions-table">
    <Thead>
      <Tr>
        <Th>Type</Th>
        <Th>Status</Th>
        <Th>Updated</Th>
        <Th>Reason</Th>
        <Th>Message</Th>
      </Tr>
    </Thead>
    <Tbody>
      {conditions.map((c) => (
        <Tr key={c.type} data-test={`condition-${c.type}`}>
          <Td dataLabel="Type">{c.type}</Td>
          <Td dataLabel="Status">{c.status}</Td>
          <Td dataLabel="Updated">
            <Timestamp timestamp={c.lastTransitionTime} />
          </Td>
          <Td dataLabel="Reason">{c.reason ?? '-'}</Td>
          <Td dataLabel="Message" modifier="breakWord">
            {c.message ?? '-'}
          </Td>
        </Tr>
      ))}
    </Tbody>
  </Table>
);
