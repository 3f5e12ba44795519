import { useMemo, useState } from 'react';
import { useAccessReview, useK8sWatchResource } from '@openshift-console/dynamic-plugin-sdk';
import {
  Alert,
  Button,
  ClipboardCopy,
  List,
  ListItem,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  ModalVariant,
  Stack,
} from '@patternfly/react-core';
import { Trans } from 'react-i18next';
import { usePluginTranslation } from './usePluginTranslation';
import { MachineConfigGVK, MachineConfigPoolGVK, NodeGVK } from '../../k8s/gvk';
import { MachineConfigPoolModel, NodeModel } from '../../k8s/models';
import type { MachineConfig, MachineConfigPool, Node } from '../../k8s/types';
import { poolRemovalFor } from '../../mco/pool-removal';
import ApiErrorAlert from './ApiErrorAlert';
import type { DeletePlan, DeleteStep } from './delete-sequence';
import DeleteProgress from './DeleteProgress';
import RemovePoolOption from './RemovePoolOption';
import type { Day1ConfigRow } from './day1-config-row';
import { StoppedWaiting, useDeleteSequence } from './useDeleteSequence';

interface DeleteDay1ConfigModalProps {
  row: Day1ConfigRow;
  onClose: () => void;
  /** Called once everything asked for is deleted, before onClose (the details page leaves). */
  onDeleted?: () => void;
}

type Watch<T> = [T[], boolean, unknown];

/** The API error's title and 403 guidance for the step that failed. */
const failureAccess = (step: DeleteStep): { verb: string; resource: string } =>
  step.target === 'nodeLabel'
    ? { verb: 'patch', resource: NodeModel.plural }
    : step.target === 'pool'
      ? { verb: 'delete', resource: MachineConfigPoolModel.plural }
      : { verb: 'delete', resource: 'machineconfigs' };

/**
 * Confirms a delete, naming every pool whose nodes reboot: removing the MachineConfig makes MCO roll
 * the pool back to a config without the Day 1 units, so its nodes come back on the in-tree driver. For
 * a config created together with a custom pool that nothing else needs, it offers (unchecked) to remove
 * the pool and its node labels too (labels first, then, once the nodes are on worker, the config and the
 * pool: each node reboots once), and shows each step as it runs.
 */
const DeleteDay1ConfigModal = ({ row, onClose, onDeleted }: DeleteDay1ConfigModalProps) => {
  const { t } = usePluginTranslation();
  const name = row.summary.machineConfigName;
  const pools = row.reachedPools;
  const nodeCount = pools.reduce((sum, p) => sum + (p.status?.machineCount ?? 0), 0);

  const [machineConfigs, mcsLoaded] = useK8sWatchResource<MachineConfig[]>({
    groupVersionKind: MachineConfigGVK,
    isList: true,
  }) as Watch<MachineConfig>;
  const [allPools, poolsLoaded] = useK8sWatchResource<MachineConfigPool[]>({
    groupVersionKind: MachineConfigPoolGVK,
    isList: true,
  }) as Watch<MachineConfigPool>;
  const [nodes, nodesLoaded] = useK8sWatchResource<Node[]>({
    groupVersionKind: NodeGVK,
    isList: true,
  }) as Watch<Node>;
  const removal = useMemo(
    () =>
      mcsLoaded && poolsLoaded && nodesLoaded
        ? poolRemovalFor(name, allPools, machineConfigs, nodes)
        : undefined,
    [mcsLoaded, poolsLoaded, nodesLoaded, name, allPools, machineConfigs, nodes],
  );
  const removablePool = removal?.code === 'removable' ? removal.pool : undefined;
  const [canPatchNodes, checkingNodes] = useAccessReview({
    group: '',
    resource: NodeModel.plural,
    verb: 'patch',
  });
  const [canDeletePool, checkingPool] = useAccessReview({
    group: MachineConfigPoolModel.apiGroup,
    resource: MachineConfigPoolModel.plural,
    verb: 'delete',
    name: removablePool,
  });
  const removeReason =
    checkingNodes || checkingPool
      ? undefined
      : !canPatchNodes
        ? t('You cannot label nodes (patch nodes), which removing the pool needs.')
        : !canDeletePool
          ? t('You cannot delete MachineConfigPools.')
          : undefined;
  const [removePool, setRemovePool] = useState(false);

  const sequence = useDeleteSequence(nodes, nodesLoaded);
  // The plan is fixed at the first click: once the labels or the config are gone, the pool's members
  // and the configs it takes are not what they were.
  const [plan, setPlan] = useState<DeletePlan>();
  const started = sequence.steps.some((step) => step.status === 'done');

  const confirm = async () => {
    let next = plan;
    if (!started || next === undefined) {
      next =
        removePool && removal?.code === 'removable' && removeReason === undefined
          ? {
              machineConfigName: name,
              pool: {
                name: removal.pool,
                labels: removal.labels,
                nodes: removal.nodes.map((node) => node.name),
              },
            }
          : { machineConfigName: name };
      setPlan(next);
    }
    const result = await sequence.start(next);
    if (result?.outcome === 'deleted') {
      onDeleted?.();
      onClose();
    }
  };

  const failure = sequence.failure;
  const stopped = failure?.error instanceof StoppedWaiting;
  const waiting = sequence.nodesLeft !== undefined;
  const poolName = plan?.pool?.name;
  const showProgress = plan?.pool !== undefined && sequence.steps.length > 0;
  const failureTitle = (step: DeleteStep): string =>
    step.target === 'nodeLabel'
      ? t('Could not remove the label from node {{node}}', { node: step.name })
      : step.target === 'pool'
        ? t('Could not delete the MachineConfigPool {{pool}}', { pool: step.name })
        : t('Could not delete {{name}}', { name });

  return (
    <Modal
      variant={ModalVariant.small}
      isOpen
      onClose={sequence.running ? undefined : onClose}
      aria-labelledby="delete-day1-config-title"
      aria-describedby="delete-day1-config-body"
      data-test="delete-day1-config-modal"
    >
      <ModalHeader
        title={t('Delete Day 1 kernel module config?')}
        titleIconVariant="warning"
        labelId="delete-day1-config-title"
      />
      <ModalBody id="delete-day1-config-body">
        <Stack hasGutter>
          <p>
            <Trans
              t={t}
              i18nKey="Deleting <strong>{{name}}</strong> removes its kernel module units from the nodes."
              values={{ name }}
              components={{ strong: <strong /> }}
            />
          </p>
          {pools.length > 0 ? (
            <Alert
              variant="warning"
              isInline
              isPlain
              title={t('Nodes that will reboot: {{nodeCount}}', { nodeCount })}
              data-test="delete-day1-config-reboot-warning"
            >
              <p>
                {t(
                  'The Machine Config Operator reboots the nodes of these pools, a few at a time, and they come back with the in-tree driver:',
                )}
              </p>
              <List>
                {pools.map((p) => (
                  <ListItem key={p.metadata.name}>
                    {t('Pool {{pool}}, nodes: {{nodeCount}}', {
                      pool: p.metadata.name,
                      nodeCount: p.status?.machineCount ?? 0,
                    })}
                  </ListItem>
                ))}
              </List>
            </Alert>
          ) : (
            <p data-test="delete-day1-config-no-pool">
              {t('No MachineConfigPool selects {{name}} (pool {{pool}}), so no node reboots.', {
                name,
                pool: row.summary.machineConfigPoolRef,
              })}
            </p>
          )}
          {removal && (
            <RemovePoolOption
              removal={removal}
              checked={removePool}
              onChange={setRemovePool}
              disabledReason={removeReason}
              isDisabled={sequence.running || started}
            />
          )}
          {showProgress && <DeleteProgress steps={sequence.steps} nodesLeft={sequence.nodesLeft} />}
          {failure && stopped && poolName && (
            <Alert
              variant="warning"
              isInline
              title={t('The config {{name}} and the MachineConfigPool {{pool}} are still there', {
                name,
                pool: poolName,
              })}
              data-test="delete-day1-config-stopped"
            >
              <p>
                {t(
                  'The pool labels are removed, and the Machine Config Operator is moving the nodes out of the pool. Delete the config and the pool once every node is done on its new pool, with Delete again here or with:',
                )}
              </p>
              <ClipboardCopy isReadOnly hoverTip={t('Copy')} clickTip={t('Copied')}>
                {`oc delete machineconfig ${name} && oc delete machineconfigpool ${poolName}`}
              </ClipboardCopy>
            </Alert>
          )}
          {failure && !stopped && (
            <>
              <ApiErrorAlert
                error={failure.error}
                title={failureTitle(failure.failedStep)}
                {...failureAccess(failure.failedStep)}
              />
              {started && (
                <p data-test="delete-day1-config-partial">
                  {t(
                    'The steps marked done are done; the others did not happen, and what they remove is still in the cluster. Delete again to continue from the failed step.',
                  )}
                </p>
              )}
            </>
          )}
        </Stack>
      </ModalBody>
      <ModalFooter>
        <Button
          variant="danger"
          onClick={() => void confirm()}
          isLoading={sequence.running}
          isDisabled={sequence.running}
          data-test="confirm-delete-day1-config"
        >
          {t('Delete')}
        </Button>
        {waiting ? (
          <Button variant="link" onClick={sequence.stopWaiting} data-test="delete-stop-waiting">
            {t('Stop waiting')}
          </Button>
        ) : (
          <Button
            variant="link"
            onClick={onClose}
            isDisabled={sequence.running}
            data-test="delete-day1-config-cancel"
          >
            {started ? t('Close') : t('Cancel')}
          </Button>
        )}
      </ModalFooter>
    </Modal>
  );
};

export default DeleteDay1ConfigModal;
