import { CamelCaseWrap, Timestamp } from '@openshift-console/dynamic-plugin-sdk';
import { Icon } from '@patternfly/react-core';
import { CheckCircleIcon, InProgressIcon, OutlinedCircleIcon } from '@patternfly/react-icons';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import type { Condition } from '../../k8s/types';

const StatusIcon = ({ status }: { status: Condition['status'] }) =>
  status === 'True' ? (
    <Icon status="success" isInline>
      <CheckCircleIcon />
    </Icon>
  ) : status === 'Unknown' ? (
    <Icon status="info" isInline>
      <InProgressIcon />
    </Icon>
  ) : (
    <Icon isInline>
      <OutlinedCircleIcon />
    </Icon>
  );

/**
 * A MachineConfigNode's conditions in the order they changed, newest first: MCO moves them through
 * the update's steps, so this reads as the node's update history.
 */
const ConditionTimeline = ({ conditions }: { conditions: readonly Condition[] }) => {
  const { t } = usePluginTranslation();
  const ordered = [...conditions].sort((a, b) =>
    (b.lastTransitionTime ?? '').localeCompare(a.lastTransitionTime ?? ''),
  );
  return (
    <Table
      variant="compact"
      aria-label={t('MachineConfigNode conditions')}
      data-test="mcn-timeline"
    >
      <Thead>
        <Tr>
          <Th>{t('Changed')}</Th>
          <Th>{t('Condition')}</Th>
          <Th>{t('Status')}</Th>
          {/* The widest text: a set share, or it gets what the others leave in a narrow panel. */}
          <Th width={40}>{t('Reason and message')}</Th>
        </Tr>
      </Thead>
      <Tbody>
        {ordered.map((condition) => (
          <Tr key={condition.type} data-test={`mcn-condition-${condition.type}`}>
            <Td dataLabel={t('Changed')}>
              <Timestamp timestamp={condition.lastTransitionTime} />
            </Td>
            <Td dataLabel={t('Condition')}>
              <CamelCaseWrap value={condition.type} />
            </Td>
            <Td dataLabel={t('Status')}>
              <StatusIcon status={condition.status} /> {condition.status}
            </Td>
            <Td dataLabel={t('Reason and message')} modifier="breakWord">
              {[condition.reason, condition.message].filter(Boolean).join(': ')}
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};

export default ConditionTimeline;
