import { lazy, Suspense, useMemo, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import {
  ActionGroup,
  Alert,
  Button,
  Form,
  FormSection,
  Grid,
  GridItem,
  HelperText,
  HelperTextItem,
  Spinner,
} from '@patternfly/react-core';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import { Link } from 'react-router';
import { day1UtilityCommand, shellQuote, validateMachineConfigPool } from '../../producer';
import type { Day1Options } from '../../producer';
import { poolOfNode } from '../../mco';
import type { NodePool } from '../../mco';
import { day1ConfigsLoadingSameModule } from '../../preflight';
import { DAY1_CONFIGS_PATH } from '../shared/paths';
import { firstFreeName } from './next-free-name';
import {
  createPlan,
  hasProblems,
  initialFormValues,
  newPoolOptions,
  poolName as poolNameOf,
} from './create-form';
import type { FormField } from './create-form';
import ModuleFields, { MODULE_FIELD_IDS } from './ModuleFields';
import { NEW_POOL_FIELD_IDS } from './new-pool-field-ids';
import PoolPicker, { POOL_FIELD_ID } from './PoolPicker';
import PausePoolBeforeCreate from './PausePoolBeforeCreate';
import PreflightPanel from './PreflightPanel';
import PreviewPanel from './PreviewPanel';
import SameModuleWarning from './SameModuleWarning';
import { useCreateClusterState } from './useCreateClusterState';
import { useCreatePermissions } from './useCreatePermissions';
import { useCreateSequence } from './useCreateSequence';
import { useDay1FormFields } from './useDay1FormFields';
import { useDay1Preflight } from './useDay1Preflight';
import { useCreateProducers } from './useCreateProducers';
import LoadingModal from '../shared/LoadingModal';

// Not shown before the user asks to create.
const ConfirmCreateModal = lazy(() => import('./ConfirmCreateModal'));
const CreateProgress = lazy(() => import('./CreateProgress'));
const CreateErrorAlert = lazy(() => import('./CreateErrorAlert'));
// Shown only once the user chooses to create a new pool.
const NewPoolFields = lazy(() => import('./NewPoolFields'));

const DAY1_FIELDS: readonly (keyof Day1Options)[] = [
  'machineConfigName',
  'machineConfigPoolRef',
  'kernelModuleImage',
  'kernelModuleName',
  'inTreeModulesToRemove',
  'workerImage',
  'firmwareFilesPath',
];

/** Where keyboard focus goes for a field's problem, in the order the fields appear. */
const FOCUS_ORDER: readonly [FormField, (isNewPool: boolean) => string][] = [
  [
    'machineConfigPoolRef',
    (isNewPool) => (isNewPool ? `#${NEW_POOL_FIELD_IDS.name}` : `input[name="${POOL_FIELD_ID}"]`),
  ],
  ['newPoolMaxUnavailable', () => `#${NEW_POOL_FIELD_IDS.maxUnavailable}`],
  ['newPoolNodes', () => `#${NEW_POOL_FIELD_IDS.nodes}-table input:not([disabled])`],
  ['kernelModuleImage', () => `#${MODULE_FIELD_IDS.kernelModuleImage}`],
  ['kernelModuleName', () => `#${MODULE_FIELD_IDS.kernelModuleName}`],
  ['inTreeModulesToRemove', () => `#${MODULE_FIELD_IDS.inTreeModulesToRemove}`],
  ['machineConfigName', () => `#${MODULE_FIELD_IDS.machineConfigName}`],
  ['workerImage', () => `#${MODULE_FIELD_IDS.workerImage}`],
  ['firmwareFilesPath', () => `#${MODULE_FIELD_IDS.firmwareFilesPath}`],
];

/** The list page, as a PatternFly button's element: a router link, so no page reload. */
const LinkToList = (props: object) => <Link {...props} to={DAY1_CONFIGS_PATH} />;

interface Day1CreateFormProps {
  /** Preselected pool, from `?pool=`. */
  initialPool?: string | null;
}

/**
 * The create form: the Day 1 parameters and the pool (or a new custom pool), checked as they are
 * typed; the preflight and the preview, kept live; then a confirmation, a dry run and the create.
 */
const Day1CreateForm = ({ initialPool }: Day1CreateFormProps) => {
  const { t } = usePluginTranslation();
  const [confirming, setConfirming] = useState(false);
  const cancelConfirm = () => {
    setConfirming(false);
  };
  const formRef = useRef<HTMLFormElement>(null);

  const cluster = useCreateClusterState();
  const permissions = useCreatePermissions();
  const sequence = useCreateSequence();

  const pools = cluster.pools.items;
  const nodes = cluster.nodes.items;
  const membership = useMemo(
    () =>
      new Map<string, NodePool>(nodes.map((node) => [node.metadata.name, poolOfNode(node, pools)])),
    [nodes, pools],
  );
  const memberCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const member of membership.values()) {
      if ('pool' in member) counts.set(member.pool, (counts.get(member.pool) ?? 0) + 1);
    }
    return counts;
  }, [membership]);

  const machineConfigs = cluster.machineConfigs.items;
  // Without the list (still loading, or not allowed) the dry run's 409 still catches a taken name.
  const machineConfigNames = useMemo(
    () =>
      cluster.machineConfigs.loaded
        ? new Set(machineConfigs.map((mc) => mc.metadata.name))
        : undefined,
    [machineConfigs, cluster.machineConfigs.loaded],
  );

  const {
    values,
    dispatch,
    options,
    problems,
    errorsFor,
    warningsFor,
    inTreeEntryErrors,
    markTouched,
    shows,
    submitted,
    setSubmitted,
  } = useDay1FormFields(() => initialFormValues(initialPool), {
    pools: cluster.pools.loaded ? pools : undefined,
    // The config being created shows up in the watch before the page moves on: not "taken".
    machineConfigNames: sequence.running ? undefined : machineConfigNames,
  });

  const poolName = poolNameOf(values);
  const isNewPool = values.poolChoice.kind === 'new';
  const day1Valid = DAY1_FIELDS.every((field) => !problems.errors[field]);
  // Loaded once there is something to make: a new pool, or a MachineConfig from valid values.
  const producers = useCreateProducers(day1Valid || isNewPool);
  const newPool = useMemo(() => {
    if (!isNewPool || !producers) return undefined;
    const poolOptions = newPoolOptions(values);
    return validateMachineConfigPool(poolName, poolOptions).length === 0
      ? producers.produceMachineConfigPool(poolName, poolOptions)
      : undefined;
  }, [isNewPool, producers, poolName, values]);
  // The label is the new pool's nodeSelector; shown with a placeholder until the name is valid.
  const labelKey =
    Object.keys(newPool?.spec.nodeSelector?.matchLabels ?? {})[0] ??
    `node-role.kubernetes.io/${poolName || '<pool>'}`;
  const plannedPool = isNewPool ? newPool : pools.find((pool) => pool.metadata.name === poolName);
  const freeName =
    problems.machineConfigNameTaken && machineConfigNames
      ? firstFreeName(options.machineConfigName, machineConfigNames)
      : undefined;
  const sameModule = useMemo(
    () =>
      problems.errors.kernelModuleName || (isNewPool && !newPool)
        ? []
        : day1ConfigsLoadingSameModule(
            {
              machineConfigName: options.machineConfigName,
              kernelModuleName: options.kernelModuleName,
              poolName,
              newPool: newPool && { pool: newPool, nodeNames: values.newPool.nodeNames },
            },
            machineConfigs,
            pools,
            nodes,
          ),
    [
      problems.errors.kernelModuleName,
      isNewPool,
      newPool,
      options.machineConfigName,
      options.kernelModuleName,
      poolName,
      values.newPool.nodeNames,
      machineConfigs,
      pools,
      nodes,
    ],
  );

  // Preflight: the nodes the config reaches, by kernel, with the image each pulls; the one preflight
  // the panel, its reboot summary and the confirmation all show.
  const newPoolNodes = isNewPool ? values.newPool.nodeNames : undefined;
  const {
    namespace,
    setChosenNamespace,
    checkImages,
    imageReady,
    workerReference,
    checks,
    preflight,
  } = useDay1Preflight({ cluster, poolName, plannedPool, newPoolNodes, options, problems });

  // Preview: exactly what will be created, once the values are valid.
  const machineConfig = useMemo(
    () => (day1Valid && producers ? producers.produceMachineConfig(options) : undefined),
    [day1Valid, producers, options],
  );
  const commands = machineConfig
    ? [
        ...(newPool ? [`oc create -f ${shellQuote(`${poolName}-machineconfigpool.yaml`)}`] : []),
        `${day1UtilityCommand(options)} | oc create -f -`,
        ...(newPool && values.newPool.nodeNames.length > 0
          ? [`oc label node ${values.newPool.nodeNames.map(shellQuote).join(' ')} ${labelKey}=`]
          : []),
      ]
    : [];

  // A reason only once the review has answered; until then Create is just disabled.
  const denied = (access: { allowed: boolean; loading: boolean }) =>
    !access.loading && !access.allowed;
  const createReason = denied(permissions.createMachineConfigs)
    ? t(
        'You cannot create MachineConfigs. A cluster administrator can, or can grant you this permission.',
      )
    : isNewPool && denied(permissions.createPools)
      ? t('You cannot create MachineConfigPools.')
      : isNewPool && denied(permissions.patchNodes)
        ? t('You cannot label nodes (patch nodes), which a new pool needs.')
        : undefined;
  const permissionsLoading =
    permissions.createMachineConfigs.loading ||
    (isNewPool && (permissions.createPools.loading || permissions.patchNodes.loading));
  const blocked = hasProblems(problems);

  const focusFirstProblem = () => {
    const form = formRef.current;
    const first = FOCUS_ORDER.find(([field]) => {
      if (problems.errors[field]) return true;
      if (field === 'machineConfigPoolRef') return problems.unknownPool || problems.newPoolExists;
      if (field === 'machineConfigName') return problems.machineConfigNameTaken;
      return field === 'newPoolNodes' && problems.newPoolWithoutNodes;
    });
    if (!form || !first) return;
    form.querySelector<HTMLElement>(first[1](isNewPool))?.focus();
  };

  const onSubmit = (event?: FormEvent) => {
    event?.preventDefault();
    if (sequence.running || createReason) return;
    setSubmitted(true);
    if (blocked) {
      focusFirstProblem();
      return;
    }
    setConfirming(true);
  };

  const onConfirm = () => {
    if (!producers) return;
    setConfirming(false);
    sequence.start(createPlan(values, nodes, producers), poolName);
  };

  return (
    <Grid hasGutter>
      <GridItem lg={7}>
        <Form ref={formRef} onSubmit={onSubmit} noValidate data-test="day1-create-form">
          <FormSection title={t('Pool')} titleElement="h2">
            <PoolPicker
              pools={pools}
              loaded={cluster.pools.loaded}
              error={cluster.pools.error}
              memberCounts={memberCounts}
              choice={values.poolChoice}
              onChoose={(choice) => {
                dispatch({ type: 'choosePool', choice });
                markTouched('machineConfigPoolRef');
              }}
              createPools={permissions.createPools}
              patchNodes={permissions.patchNodes}
              errors={errorsFor('machineConfigPoolRef')}
              unknownPool={problems.unknownPool}
            />
            {!isNewPool && plannedPool && (
              <PausePoolBeforeCreate
                poolName={plannedPool.metadata.name}
                paused={plannedPool.spec.paused === true}
              />
            )}
            {isNewPool && (
              <Suspense fallback={<Spinner size="lg" aria-label={t('Loading')} />}>
                <NewPoolFields
                  values={values.newPool}
                  onChange={(change) => {
                    dispatch({ type: 'setNewPool', change });
                    if (change.nodeNames) markTouched('newPoolNodes');
                  }}
                  onBlur={markTouched}
                  nodes={nodes}
                  membership={membership}
                  labelKey={labelKey}
                  nameErrors={[
                    ...(errorsFor('machineConfigPoolRef') ?? []),
                    ...(problems.newPoolExists
                      ? [
                          t(
                            'A MachineConfigPool named {{pool}} already exists: choose it in the list above.',
                            {
                              pool: poolName,
                            },
                          ),
                        ]
                      : []),
                  ]}
                  maxUnavailableErrors={errorsFor('newPoolMaxUnavailable')}
                  nodeErrors={
                    shows('newPoolNodes') && problems.newPoolWithoutNodes
                      ? [t('Choose at least one node for the new pool.')]
                      : undefined
                  }
                  labelNodesReason={
                    denied(permissions.patchNodes)
                      ? t('You cannot label nodes (patch nodes), which a new pool needs.')
                      : undefined
                  }
                />
              </Suspense>
            )}
          </FormSection>
          <FormSection title={t('Kernel module')} titleElement="h2">
            <ModuleFields
              values={values}
              dispatch={dispatch}
              onBlur={markTouched}
              errorsFor={errorsFor}
              warningsFor={warningsFor}
              inTreeEntryErrors={inTreeEntryErrors}
              freeName={freeName}
            />
          </FormSection>
          <PreflightPanel
            poolName={poolName}
            preflight={preflight}
            imageReady={imageReady}
            workerImage={workerReference}
            checks={checks}
            namespace={namespace}
            namespaces={cluster.namespaces}
            onNamespaceChange={setChosenNamespace}
            checkImages={checkImages}
          />
          <SameModuleWarning
            moduleName={options.kernelModuleName}
            configs={sameModule}
            testId="day1-same-module"
          />
          <Suspense fallback={<Spinner size="lg" aria-label={t('Loading')} />}>
            {sequence.steps.length > 0 && <CreateProgress steps={sequence.steps} />}
            {sequence.failure && (
              <CreateErrorAlert
                failure={sequence.failure}
                labelKey={labelKey}
                onUseName={(name) => {
                  dispatch({ type: 'setName', value: name });
                }}
              />
            )}
          </Suspense>
          {submitted && blocked && (
            <Alert
              variant="danger"
              isInline
              title={t('Fix the problems above to create the config.')}
              data-test="day1-form-problems"
            />
          )}
          <ActionGroup>
            <Button
              type="submit"
              variant="primary"
              isLoading={sequence.running}
              isDisabled={sequence.running || permissionsLoading || createReason !== undefined}
              spinnerAriaValueText={t('Creating')}
              aria-describedby={createReason ? 'day1-create-reason' : undefined}
              data-test="day1-create"
            >
              {sequence.running ? t('Creating') : t('Create')}
            </Button>
            <Button
              variant="link"
              component={LinkToList}
              isDisabled={sequence.running}
              data-test="day1-cancel"
            >
              {t('Cancel')}
            </Button>
          </ActionGroup>
          {createReason && (
            <HelperText id="day1-create-reason" data-test="day1-create-reason">
              <HelperTextItem variant="warning">{createReason}</HelperTextItem>
            </HelperText>
          )}
        </Form>
      </GridItem>
      <GridItem lg={5}>
        <PreviewPanel
          machineConfig={machineConfig}
          machineConfigLoading={day1Valid && !producers}
          machineConfigName={options.machineConfigName}
          pool={newPool}
          poolName={poolName}
          commands={commands}
        />
      </GridItem>
      {/* The plan needs the producers: they load with valid values, and the confirmation waits for them. */}
      {confirming && !producers && <LoadingModal onClose={cancelConfirm} />}
      {confirming && producers && (
        <Suspense fallback={<LoadingModal onClose={cancelConfirm} />}>
          <ConfirmCreateModal
            isOpen
            poolName={poolName}
            machineConfigName={options.machineConfigName}
            preflight={preflight}
            newPoolNodes={isNewPool ? values.newPool.nodeNames : undefined}
            sameModule={sameModule}
            moduleName={options.kernelModuleName}
            onConfirm={onConfirm}
            onCancel={cancelConfirm}
          />
        </Suspense>
      )}
    </Grid>
  );
};

export default Day1CreateForm;
