import { Alert, Bullseye, FormGroup, Label, Radio, Spinner } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import { maxUnavailableCount } from '../../mco';
import type { MachineConfigPool } from '../../k8s/types';
import type { CreateFormValues } from './create-form';
import FieldHelper from './FieldHelper';
import type { Access } from './useCreatePermissions';
import { errorMessage } from '../shared/error-message';

interface PoolPickerProps {
  pools: MachineConfigPool[];
  loaded: boolean;
  error: unknown;
  /** Nodes per pool, by MCO's membership rule. */
  memberCounts: Map<string, number>;
  choice: CreateFormValues['poolChoice'];
  onChoose: (choice: CreateFormValues['poolChoice']) => void;
  /** A new pool needs both: creating the pool and labelling its nodes. */
  createPools: Access;
  patchNodes: Access;
  errors?: string[];
  unknownPool: boolean;
}

export const POOL_FIELD_ID = 'day1-pool';

/** The live MachineConfigPools to choose from, or a new custom pool. */
const PoolPicker = ({
  pools,
  loaded,
  error,
  memberCounts,
  choice,
  onChoose,
  createPools,
  patchNodes,
  errors,
  unknownPool,
}: PoolPickerProps) => {
  const { t } = usePluginTranslation();
  const columns = {
    pool: t('MachineConfigPool'),
    nodes: t('Nodes'),
    maxUnavailable: t('Max unavailable'),
    paused: t('Paused'),
  };
  const chosen = choice.kind === 'existing' ? choice.name : undefined;
  const newPoolReason =
    !createPools.loading && !createPools.allowed
      ? t('You cannot create MachineConfigPools.')
      : !patchNodes.loading && !patchNodes.allowed
        ? t('You cannot label nodes (patch nodes), which a new pool needs.')
        : undefined;
  const problems = [
    ...(choice.kind === 'existing' ? (errors ?? []) : []),
    ...(unknownPool && chosen
      ? [t('No MachineConfigPool named {{pool}} exists.', { pool: chosen })]
      : []),
  ];

  const sorted = [...pools].sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
  return (
    <FormGroup
      role="radiogroup"
      label={t('MachineConfigPool')}
      fieldId={POOL_FIELD_ID}
      isRequired
      isStack
    >
      {error ? (
        <Alert
          variant="danger"
          isInline
          title={t('Could not load MachineConfigPools')}
          data-test="day1-pools-error"
        >
          {errorMessage(error)}
        </Alert>
      ) : !loaded ? (
        <Bullseye>
          <Spinner
            size="lg"
            aria-label={t('Loading MachineConfigPools')}
            data-test="day1-pools-loading"
          />
        </Bullseye>
      ) : (
        <Table aria-label={t('MachineConfigPools')} variant="compact" data-test="day1-pool-table">
          <Thead>
            <Tr>
              <Th>{columns.pool}</Th>
              <Th>{columns.nodes}</Th>
              <Th>{columns.maxUnavailable}</Th>
              <Th>{columns.paused}</Th>
            </Tr>
          </Thead>
          <Tbody>
            {sorted.map((pool) => {
              const name = pool.metadata.name;
              const nodeCount = pool.status?.machineCount ?? memberCounts.get(name) ?? 0;
              const configured = pool.spec.maxUnavailable ?? 1;
              const resolved = maxUnavailableCount(pool.spec.maxUnavailable, name, nodeCount);
              return (
                <Tr key={name} data-test={`day1-pool-row-${name}`} isRowSelected={chosen === name}>
                  <Td dataLabel={columns.pool}>
                    <Radio
                      id={`${POOL_FIELD_ID}-${name}`}
                      name={POOL_FIELD_ID}
                      label={name}
                      isChecked={chosen === name}
                      onChange={() => {
                        onChoose({ kind: 'existing', name });
                      }}
                      data-test={`${POOL_FIELD_ID}-${name}`}
                    />
                  </Td>
                  <Td dataLabel={columns.nodes}>{nodeCount}</Td>
                  <Td dataLabel={columns.maxUnavailable}>
                    {typeof configured === 'string' && resolved !== undefined
                      ? t('{{value}} ({{count}} nodes)', {
                          value: configured,
                          count: resolved,
                          defaultValue_one: '{{value}} ({{count}} node)',
                        })
                      : String(configured)}
                  </Td>
                  <Td dataLabel={columns.paused}>
                    {pool.spec.paused ? (
                      <Label color="orange" isCompact>
                        {t('Paused')}
                      </Label>
                    ) : (
                      t('No')
                    )}
                  </Td>
                </Tr>
              );
            })}
          </Tbody>
        </Table>
      )}
      <Radio
        id={`${POOL_FIELD_ID}-new`}
        name={POOL_FIELD_ID}
        label={t('Create a new custom pool')}
        description={
          newPoolReason ??
          t('A custom pool of worker nodes that you choose, so that only they load the module.')
        }
        isChecked={choice.kind === 'new'}
        isDisabled={newPoolReason !== undefined || createPools.loading || patchNodes.loading}
        onChange={() => {
          onChoose({ kind: 'new' });
        }}
        data-test={`${POOL_FIELD_ID}-new`}
      />
      {chosen === 'master' && (
        <Alert
          variant="danger"
          isInline
          title={t('master is the control plane pool')}
          data-test="day1-master-warning"
        >
          {t(
            'Every control plane node will reboot, twice on first apply, and a module that fails to load at boot can leave a node without its network, and the cluster without a working control plane. Use a custom pool of worker nodes unless you have tested this module on these exact nodes.',
          )}
        </Alert>
      )}
      <FieldHelper fieldId={POOL_FIELD_ID} errors={problems.length > 0 ? problems : undefined} />
    </FormGroup>
  );
};

export default PoolPicker;
