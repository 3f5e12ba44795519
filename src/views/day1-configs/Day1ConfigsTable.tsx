import { lazy, Suspense, useMemo, useState } from 'react';
import {
  ResourceIcon,
  ResourceLink,
  Timestamp,
  useAccessReview,
} from '@openshift-console/dynamic-plugin-sdk';
import { Link } from 'react-router';
import { Label, MenuToggle } from '@patternfly/react-core';
import { EllipsisVIcon } from '@patternfly/react-icons';
import { ActionsColumn, Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useNavigate } from 'react-router';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import { managingBootModuleConfig } from '../../k8s/boot-module-config';
import { day1EditPath } from '../shared/paths';
import { useBootModuleConfigs } from '../shared/useBootModuleConfigs';
import { MachineConfigGVK, MachineConfigPoolGVK } from '../../k8s/gvk';
import { MachineConfigModel } from '../../k8s/models';
import { useRolloutData } from '../shared/useRolloutData';
import { day1ConfigPath } from '../shared/paths';
import LoadingModal from '../shared/LoadingModal';
import PoolRolloutLink from '../shared/PoolRolloutLink';
import ConfigLoadedCell from '../shared/ConfigLoadedCell';
import ConfigImagesCell from '../shared/ConfigImagesCell';
import { configDay1Counts } from '../shared/config-day1-counts';
import { useDay1Statuses } from '../shared/useDay1Statuses';
import { useDay1Rollout } from '../shared/useDay1Rollout';
import type { Day1ConfigRow } from '../shared/day1-config-row';
import type { ConfigCoverage } from '../../rollout';

// Not needed before the user asks to delete.
const DeleteDay1ConfigModal = lazy(() => import('../shared/DeleteDay1ConfigModal'));
// The coverage derivation and its tag checks: after the first render.
const KernelCoverageLoader = lazy(() => import('./KernelCoverageLoader'));

interface Day1ConfigsTableProps {
  rows: Day1ConfigRow[];
}

const Day1ConfigsTable = ({ rows }: Day1ConfigsTableProps) => {
  const { t } = usePluginTranslation();
  const [deleting, setDeleting] = useState<Day1ConfigRow>();
  const closeDelete = () => {
    setDeleting(undefined);
  };
  const [canDelete] = useAccessReview({
    group: MachineConfigModel.apiGroup,
    resource: MachineConfigModel.plural,
    verb: 'delete',
  });
  const [canUpdate] = useAccessReview({
    group: MachineConfigModel.apiGroup,
    resource: MachineConfigModel.plural,
    verb: 'update',
  });
  const navigate = useNavigate();
  const bmcs = useBootModuleConfigs();
  const { rollout, loaded: rolloutLoaded } = useRolloutData();
  // Each config's nodes' status files, read as the rollout page reads them.
  const configNames = useMemo(
    () => new Set(rows.map((row) => row.summary.machineConfigName)),
    [rows],
  );
  // Only the nodes of pools whose target has one of the configs listed (the pool tab lists a few).
  const poolsToRead = useMemo(
    () =>
      rollout?.pools
        .filter((pool) => pool.day1Configs.some((config) => configNames.has(config.name)))
        .map((pool) => pool.name) ?? [],
    [rollout, configNames],
  );
  const statuses = useDay1Statuses(rollout, poolsToRead);
  const day1 = useDay1Rollout(rollout, statuses);
  const loadedCounts = useMemo(
    () => (day1 === undefined ? undefined : configDay1Counts(day1)),
    [day1],
  );
  const poolRollouts = useMemo(
    () => new Map(day1?.rollout.pools.map((pool) => [pool.name, pool])),
    [day1],
  );
  const summaries = useMemo(() => rows.map((row) => row.summary), [rows]);
  const [coverage, setCoverage] = useState<ReadonlyMap<string, ConfigCoverage>>();
  const columns = {
    name: t('Name'),
    pool: t('MachineConfigPool'),
    image: t('Kernel module image'),
    module: t('Kernel module'),
    removed: t('In-tree modules removed'),
    created: t('Created'),
    rollout: t('Pool rollout'),
    loaded: t('Module loaded'),
    images: t('Images'),
  };
  return (
    <>
      <Suspense fallback={null}>
        <KernelCoverageLoader summaries={summaries} onCoverage={setCoverage} />
      </Suspense>
      <Table aria-label={t('Day 1 kernel module configs')} data-test="day1-configs-table">
        <Thead>
          <Tr>
            <Th>{columns.name}</Th>
            <Th modifier="wrap">{columns.pool}</Th>
            <Th modifier="wrap">{columns.image}</Th>
            <Th modifier="wrap">{columns.module}</Th>
            <Th modifier="wrap">{columns.removed}</Th>
            <Th>{columns.created}</Th>
            <Th modifier="wrap">{columns.rollout}</Th>
            <Th modifier="wrap">{columns.loaded}</Th>
            <Th modifier="wrap">{columns.images}</Th>
            <Th screenReaderText={t('Actions')} />
          </Tr>
        </Thead>
        <Tbody>
          {rows.map((row) => {
            const { summary, creationTimestamp } = row;
            const managedBy = managingBootModuleConfig(row.machineConfig, bmcs.items);
            const editReason = managedBy
              ? t('Managed by KMM: change the BootModuleConfig {{bmc}} instead.', {
                  bmc: managedBy.name,
                })
              : canUpdate
                ? undefined
                : t('You cannot update MachineConfigs.');
            // KMM would create the config again from its BootModuleConfig.
            const deleteReason = managedBy
              ? t('Managed by KMM: delete or change the BootModuleConfig {{bmc}} instead.', {
                  bmc: managedBy.name,
                })
              : canDelete
                ? undefined
                : t('You cannot delete MachineConfigs.');
            return (
              <Tr
                key={summary.machineConfigName}
                data-test={`day1-config-row-${summary.machineConfigName}`}
              >
                <Td dataLabel={columns.name}>
                  {/* Console's resource link, opening the config's own page, not the generic one. */}
                  <span className="co-resource-item">
                    <ResourceIcon groupVersionKind={MachineConfigGVK} />
                    <Link
                      to={day1ConfigPath(summary.machineConfigName)}
                      className="co-resource-item__resource-name"
                      data-test="day1-config-link"
                    >
                      {summary.machineConfigName}
                    </Link>
                  </span>
                  {managedBy && (
                    <Label isCompact color="purple" data-test="day1-config-managed-by-kmm">
                      {t('Managed by KMM')}
                    </Label>
                  )}
                </Td>
                <Td dataLabel={columns.pool}>
                  <ResourceLink
                    groupVersionKind={MachineConfigPoolGVK}
                    name={summary.machineConfigPoolRef}
                  />
                </Td>
                <Td dataLabel={columns.image} modifier="breakWord">
                  {summary.kernelModuleImage}
                </Td>
                <Td dataLabel={columns.module}>{summary.kernelModuleName}</Td>
                <Td dataLabel={columns.removed}>
                  {summary.inTreeModulesToRemove.length > 0
                    ? summary.inTreeModulesToRemove.join(', ')
                    : t('None')}
                </Td>
                <Td dataLabel={columns.created}>
                  <Timestamp timestamp={creationTimestamp} />
                </Td>
                <Td dataLabel={columns.rollout}>
                  <PoolRolloutLink
                    poolName={summary.machineConfigPoolRef}
                    rollout={poolRollouts.get(summary.machineConfigPoolRef)}
                    loaded={rolloutLoaded}
                  />
                </Td>
                <Td dataLabel={columns.loaded} data-test="config-loaded-cell">
                  <ConfigLoadedCell
                    pool={summary.machineConfigPoolRef}
                    counts={loadedCounts?.get(summary.machineConfigName)}
                    access={statuses.access}
                    loaded={rolloutLoaded}
                  />
                </Td>
                <Td dataLabel={columns.images} data-test="config-images-cell">
                  <ConfigImagesCell coverage={coverage?.get(summary.machineConfigName)} />
                </Td>
                <Td isActionCell>
                  <ActionsColumn
                    actionsToggle={({ onToggle, isOpen, isDisabled, toggleRef }) => (
                      <MenuToggle
                        ref={toggleRef}
                        variant="plain"
                        aria-label={t('Actions for {{name}}', {
                          name: summary.machineConfigName,
                        })}
                        onClick={onToggle}
                        isExpanded={isOpen}
                        isDisabled={isDisabled}
                        icon={<EllipsisVIcon />}
                      />
                    )}
                    items={[
                      {
                        title: t('Edit'),
                        onClick: () => {
                          void navigate(day1EditPath(summary.machineConfigName));
                        },
                        isAriaDisabled: editReason !== undefined,
                        tooltipProps: editReason ? { content: editReason } : undefined,
                      },
                      {
                        title: t('Delete'),
                        onClick: () => {
                          setDeleting(row);
                        },
                        isAriaDisabled: deleteReason !== undefined,
                        tooltipProps: deleteReason ? { content: deleteReason } : undefined,
                      },
                    ]}
                  />
                </Td>
              </Tr>
            );
          })}
        </Tbody>
      </Table>
      {deleting && (
        <Suspense fallback={<LoadingModal onClose={closeDelete} />}>
          <DeleteDay1ConfigModal row={deleting} onClose={closeDelete} />
        </Suspense>
      )}
    </>
  );
};

export default Day1ConfigsTable;
