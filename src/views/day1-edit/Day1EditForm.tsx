import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { ResourceLink, useAccessReview } from '@openshift-console/dynamic-plugin-sdk';
import {
  ActionGroup,
  Alert,
  Button,
  Form,
  FormGroup,
  FormSection,
  Grid,
  GridItem,
  HelperText,
  HelperTextItem,
  Spinner,
} from '@patternfly/react-core';
import { Link, useNavigate } from 'react-router';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import { MachineConfigPoolGVK } from '../../k8s/gvk';
import { MachineConfigModel } from '../../k8s/models';
import type { MachineConfig } from '../../k8s/types';
import { day1UtilityCommand, produceMachineConfig, readDay1MachineConfig } from '../../producer';
import type { Day1ConfigSummary, Day1Options } from '../../producer';
import { configChange, isNoChange, reapplyOnTop } from '../../preflight';
import type { Reapplied } from '../../preflight';
import { DAY1_CONFIGS_PATH, day1RolloutPath } from '../shared/paths';
import ApiErrorAlert from '../shared/ApiErrorAlert';
import LoadingModal from '../shared/LoadingModal';
import { hasProblems } from '../day1-create/create-form';
import ModuleFields from '../day1-create/ModuleFields';
import PreflightPanel from '../day1-create/PreflightPanel';
import PreviewPanel from '../day1-create/PreviewPanel';
import { useCreateClusterState } from '../day1-create/useCreateClusterState';
import { useDay1FormFields } from '../day1-create/useDay1FormFields';
import { useDay1Preflight } from '../day1-create/useDay1Preflight';
import { formValuesFromSummary, sameMachineConfig, updatedMachineConfig } from './edit-form';
import { useEditSave } from './useEditSave';

const ConfirmEditModal = lazy(() => import('./ConfirmEditModal'));
const EditConflictAlert = lazy(() => import('./EditConflictAlert'));
const MachineConfigDiff = lazy(() => import('./MachineConfigDiff'));
const ReappliedAlert = lazy(() => import('./ReappliedAlert'));

const DAY1_FIELDS: readonly (keyof Day1Options)[] = [
  'kernelModuleImage',
  'kernelModuleName',
  'inTreeModulesToRemove',
  'workerImage',
  'firmwareFilesPath',
];

/** The list page, as a PatternFly button's element: a router link, so no page reload. */
const LinkToList = (props: object) => <Link {...props} to={DAY1_CONFIGS_PATH} />;

/** The last reapply: the merge, or none when the newer version is not a readable Day 1 config. */
interface LastReapply {
  version: string;
  reapplied?: Reapplied;
}

interface Day1EditFormProps {
  /** The config as loaded when the page opened. */
  machineConfig: MachineConfig;
  summary: Day1ConfigSummary;
}

/**
 * The create form for an existing config: filled from it, its name and pool fixed. The preview shows
 * the YAML diff against the config the user started from, the preflight what the change costs; Save is
 * a confirmation, a dry run and an update carrying the resourceVersion, which a concurrent change
 * makes fail with a conflict the user resolves by reapplying on top.
 */
const Day1EditForm = ({ machineConfig, summary }: Day1EditFormProps) => {
  const { t } = usePluginTranslation();
  const navigate = useNavigate();
  // The version the edit applies to: the one loaded, or the newer one the user reapplied on top of.
  const [base, setBase] = useState(machineConfig);
  const baseSummary = useMemo(() => readDay1MachineConfig(base) ?? summary, [base, summary]);
  const [lastReapply, setLastReapply] = useState<LastReapply>();
  const [confirming, setConfirming] = useState(false);
  const cancelConfirm = () => {
    setConfirming(false);
  };
  const { state: saveState, save, reset } = useEditSave();
  const saving = saveState.status === 'saving';

  const cluster = useCreateClusterState();
  const pools = cluster.pools.items;
  const poolName = summary.machineConfigPoolRef;
  const {
    values,
    dispatch,
    options,
    problems,
    errorsFor,
    warningsFor,
    inTreeEntryErrors,
    markTouched,
    submitted,
    setSubmitted,
  } = useDay1FormFields(() => formValuesFromSummary(summary), {
    pools: cluster.pools.loaded ? pools : undefined,
  });
  const plannedPool = pools.find((pool) => pool.metadata.name === poolName);

  const day1Valid = DAY1_FIELDS.every((field) => !problems.errors[field]);
  const produced = useMemo(
    () => (day1Valid ? produceMachineConfig(options) : undefined),
    [day1Valid, options],
  );
  const proposed = useMemo(
    () => (produced ? updatedMachineConfig(base, produced) : undefined),
    [base, produced],
  );
  const change = useMemo(
    () =>
      proposed ? configChange(baseSummary, options, sameMachineConfig(base, proposed)) : undefined,
    [proposed, baseSummary, options, base],
  );
  const {
    namespace,
    setChosenNamespace,
    checkImages,
    imageReady,
    workerReference,
    checks,
    preflight,
  } = useDay1Preflight({ cluster, poolName, plannedPool, options, problems, change });

  const [canUpdate, updateLoading] = useAccessReview({
    group: MachineConfigModel.apiGroup ?? '',
    resource: MachineConfigModel.plural,
    verb: 'update',
    name: base.metadata.name,
  });
  const noChange = change !== undefined && isNoChange(change);
  const saveReason =
    !updateLoading && !canUpdate
      ? t(
          'You cannot update MachineConfigs. A cluster administrator can, or can grant you this permission.',
        )
      : noChange
        ? t('Nothing has changed: change a field to save.')
        : undefined;

  useEffect(() => {
    if (saveState.status === 'saved') void navigate(day1RolloutPath(poolName));
  }, [saveState, navigate, poolName]);

  const onSubmit = (event?: FormEvent) => {
    event?.preventDefault();
    if (saving || saveReason) return;
    setSubmitted(true);
    if (hasProblems(problems) || !proposed) return;
    setConfirming(true);
  };
  const onConfirm = () => {
    setConfirming(false);
    if (proposed) void save(proposed);
  };
  const onReapply = () => {
    if (saveState.status !== 'conflict') return;
    const { theirs } = saveState;
    // A three-way merge: the parameters the user changed (against the version the edit started
    // from) keep the user's values; the others take the newer version's, so that the other change
    // is not reverted. The update then carries the newer resourceVersion, and the preview and plan
    // are against the newer version, to review before saving again.
    const theirSummary = readDay1MachineConfig(theirs);
    const reapplied = theirSummary ? reapplyOnTop(baseSummary, options, theirSummary) : undefined;
    if (reapplied) {
      const merged = formValuesFromSummary(reapplied.options);
      for (const field of reapplied.fromTheirs) {
        if (field === 'inTreeModulesToRemove')
          dispatch({ type: 'setInTreeModules', value: merged.inTreeModulesToRemove });
        else dispatch({ type: 'set', field, value: merged[field] });
      }
    }
    setLastReapply({ version: theirs.metadata.resourceVersion ?? '?', reapplied });
    setBase(theirs);
    reset();
  };

  const commands = proposed ? [`${day1UtilityCommand(options)} | oc replace -f -`] : [];
  return (
    <Grid hasGutter>
      <GridItem lg={7}>
        <Form onSubmit={onSubmit} noValidate data-test="day1-edit-form">
          <FormSection title={t('Pool')} titleElement="h2">
            <FormGroup label={t('MachineConfigPool')} fieldId="day1-edit-pool">
              <span id="day1-edit-pool" data-test="day1-edit-pool">
                <ResourceLink groupVersionKind={MachineConfigPoolGVK} name={poolName} />
              </span>
              <HelperText>
                <HelperTextItem>
                  {t(
                    'Fixed: a config moves to another pool by creating it there and deleting this one.',
                  )}
                </HelperTextItem>
              </HelperText>
            </FormGroup>
          </FormSection>
          <FormSection title={t('Kernel module')} titleElement="h2">
            <ModuleFields
              values={values}
              dispatch={dispatch}
              onBlur={markTouched}
              errorsFor={errorsFor}
              warningsFor={warningsFor}
              inTreeEntryErrors={inTreeEntryErrors}
              nameFixed
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
          <Suspense fallback={<Spinner size="lg" aria-label={t('Loading')} />}>
            {saveState.status === 'conflict' ? (
              <EditConflictAlert base={base} theirs={saveState.theirs} onReapply={onReapply} />
            ) : (
              lastReapply && (
                <ReappliedAlert
                  version={lastReapply.version}
                  reapplied={lastReapply.reapplied}
                  onClose={() => {
                    setLastReapply(undefined);
                  }}
                />
              )
            )}
          </Suspense>
          {saveState.status === 'failed' && (
            <ApiErrorAlert
              error={saveState.error}
              title={
                saveState.phase === 'dryRun'
                  ? t('The dry run failed: nothing was saved')
                  : t('The update failed')
              }
              verb="update"
              resource="machineconfigs"
            />
          )}
          {submitted && hasProblems(problems) && (
            <Alert
              variant="danger"
              isInline
              title={t('Fix the problems above to save the config.')}
              data-test="day1-form-problems"
            />
          )}
          <ActionGroup>
            <Button
              type="submit"
              variant="primary"
              isLoading={saving}
              isDisabled={
                saving ||
                updateLoading ||
                saveReason !== undefined ||
                saveState.status === 'conflict'
              }
              spinnerAriaValueText={t('Saving')}
              aria-describedby={saveReason ? 'day1-edit-save-reason' : undefined}
              data-test="day1-edit-save"
            >
              {saving ? t('Saving') : t('Save')}
            </Button>
            <Button
              variant="link"
              component={LinkToList}
              isDisabled={saving}
              data-test="day1-cancel"
            >
              {t('Cancel')}
            </Button>
          </ActionGroup>
          {saveReason && (
            <HelperText id="day1-edit-save-reason" data-test="day1-edit-save-reason">
              <HelperTextItem variant="warning">{saveReason}</HelperTextItem>
            </HelperText>
          )}
        </Form>
      </GridItem>
      <GridItem lg={5}>
        <PreviewPanel
          machineConfig={proposed}
          machineConfigName={summary.machineConfigName}
          poolName={poolName}
          commands={commands}
          changes={
            proposed ? (
              <Suspense fallback={<Spinner size="lg" aria-label={t('Loading the preview')} />}>
                <MachineConfigDiff
                  before={base}
                  after={proposed}
                  testId="day1-edit-diff"
                  sameText={t('No change against the config in the cluster.')}
                />
              </Suspense>
            ) : (
              t('The preview appears when every field is valid.')
            )
          }
        />
      </GridItem>
      {confirming && change && (
        <Suspense fallback={<LoadingModal onClose={cancelConfirm} />}>
          <ConfirmEditModal
            machineConfigName={summary.machineConfigName}
            change={change}
            preflight={preflight}
            onConfirm={onConfirm}
            onCancel={cancelConfirm}
          />
        </Suspense>
      )}
    </Grid>
  );
};

export default Day1EditForm;
