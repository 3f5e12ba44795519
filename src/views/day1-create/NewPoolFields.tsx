import { Checkbox, FormFieldGroup, FormFieldGroupHeader } from '@patternfly/react-core';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import type { Node } from '../../k8s/types';
import type { NodePool } from '../../mco';
import type { NewPoolValues } from './create-form';
import NodeChooser from './NodeChooser';
import TextField from './TextField';

import { NEW_POOL_FIELD_IDS } from './new-pool-field-ids';

interface NewPoolFieldsProps {
  values: NewPoolValues;
  onChange: (change: Partial<NewPoolValues>) => void;
  onBlur: (field: 'machineConfigPoolRef' | 'newPoolMaxUnavailable') => void;
  nodes: Node[];
  membership: Map<string, NodePool>;
  /** The label the nodes get, from the pool the producer makes. */
  labelKey: string;
  nameErrors?: string[];
  maxUnavailableErrors?: string[];
  nodeErrors?: string[];
  labelNodesReason?: string;
}

/** A new custom pool, shaped like the Day 1 documentation's example, and the nodes that join it. */
const NewPoolFields = ({
  values,
  onChange,
  onBlur,
  nodes,
  membership,
  labelKey,
  nameErrors,
  maxUnavailableErrors,
  nodeErrors,
  labelNodesReason,
}: NewPoolFieldsProps) => {
  const { t } = usePluginTranslation();
  return (
    <FormFieldGroup
      data-test="day1-new-pool"
      header={
        <FormFieldGroupHeader
          titleText={{ text: t('New custom pool'), id: 'day1-new-pool-title' }}
          titleDescription={t(
            'It takes the worker configs plus its own, like every custom pool, and selects the nodes labelled {{label}}.',
            { label: labelKey },
          )}
        />
      }
    >
      <TextField
        fieldId={NEW_POOL_FIELD_IDS.name}
        label={t('Pool name')}
        isRequired
        value={values.name}
        onChange={(name) => {
          onChange({ name });
        }}
        onBlur={() => {
          onBlur('machineConfigPoolRef');
        }}
        errors={nameErrors}
        placeholder="sfc"
      />
      <TextField
        fieldId={NEW_POOL_FIELD_IDS.maxUnavailable}
        label={t('Max unavailable')}
        value={values.maxUnavailable}
        onChange={(maxUnavailable) => {
          onChange({ maxUnavailable });
        }}
        onBlur={() => {
          onBlur('newPoolMaxUnavailable');
        }}
        errors={maxUnavailableErrors}
        helper={t('Nodes that may reboot at the same time: a number, or a percentage such as 10%.')}
      />
      <Checkbox
        id={NEW_POOL_FIELD_IDS.paused}
        data-test={NEW_POOL_FIELD_IDS.paused}
        label={t('Create the pool paused')}
        description={t('No node reboots until you resume the pool.')}
        isChecked={values.paused}
        onChange={(_event, paused) => {
          onChange({ paused });
        }}
      />
      <NodeChooser
        fieldId={NEW_POOL_FIELD_IDS.nodes}
        nodes={nodes}
        membership={membership}
        chosen={values.nodeNames}
        onChange={(nodeNames) => {
          onChange({ nodeNames });
        }}
        labelKey={labelKey}
        disabledReason={labelNodesReason}
        errors={nodeErrors}
      />
    </FormFieldGroup>
  );
};

export default NewPoolFields;
