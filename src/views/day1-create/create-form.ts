/**
 * The create form's state and the rules that are the form's own: which values make the Day 1 options,
 * the default MachineConfig name, and which problem shows under which field. Every rule about the
 * values themselves comes from the producer (validateDay1Options, validateMachineConfigPool).
 */
import type { MachineConfigPool, Node } from '../../k8s/types';
import {
  DEFAULT_WORKER_IMAGE,
  defaultMachineConfigName,
  validateDay1Options,
  validateMachineConfigPool,
} from '../../producer';
import type {
  Day1Options,
  FieldError,
  MachineConfigPoolOptions,
  PoolProblem,
} from '../../producer';
import type { CreatePlan } from './create-sequence';
import type { CreateProducers } from './useCreateProducers';

export interface NewPoolValues {
  name: string;
  /** As typed: a whole number or a percentage. */
  maxUnavailable: string;
  paused: boolean;
  /** The nodes to label into the new pool. */
  nodeNames: string[];
}

export interface CreateFormValues {
  machineConfigName: string;
  /** Once the user types a name, it no longer follows the module and pool. */
  nameEdited: boolean;
  /** An existing pool, or a new custom pool made in the same flow. */
  poolChoice: { kind: 'existing'; name: string } | { kind: 'new' };
  newPool: NewPoolValues;
  kernelModuleImage: string;
  kernelModuleName: string;
  inTreeModulesToRemove: string[];
  workerImage: string;
  firmwareFilesPath: string;
}

/** Everything that can carry an error on the page: the Day 1 options and the new pool's fields. */
export type FormField = keyof Day1Options | 'newPoolMaxUnavailable' | 'newPoolNodes';

export type FormAction =
  | { type: 'setName'; value: string }
  | { type: 'choosePool'; choice: CreateFormValues['poolChoice'] }
  | { type: 'setNewPool'; change: Partial<NewPoolValues> }
  | {
      type: 'set';
      field: 'kernelModuleImage' | 'kernelModuleName' | 'workerImage' | 'firmwareFilesPath';
      value: string;
    }
  | { type: 'setInTreeModules'; value: string[] };

/** The pool the config is for: the chosen one, or the new pool's name. */
export const poolName = (values: CreateFormValues): string =>
  values.poolChoice.kind === 'existing' ? values.poolChoice.name : values.newPool.name.trim();

const withDefaultName = (values: CreateFormValues): CreateFormValues =>
  values.nameEdited
    ? values
    : {
        ...values,
        machineConfigName: defaultMachineConfigName(
          values.kernelModuleName.trim(),
          poolName(values),
        ),
      };

export const initialFormValues = (pool?: string | null): CreateFormValues =>
  withDefaultName({
    machineConfigName: '',
    nameEdited: false,
    poolChoice: pool ? { kind: 'existing', name: pool } : { kind: 'existing', name: '' },
    newPool: { name: '', maxUnavailable: '1', paused: false, nodeNames: [] },
    kernelModuleImage: '',
    kernelModuleName: '',
    inTreeModulesToRemove: [],
    workerImage: DEFAULT_WORKER_IMAGE,
    firmwareFilesPath: '',
  });

export const formReducer = (values: CreateFormValues, action: FormAction): CreateFormValues => {
  switch (action.type) {
    case 'setName':
      return { ...values, machineConfigName: action.value, nameEdited: true };
    case 'choosePool':
      return withDefaultName({ ...values, poolChoice: action.choice });
    case 'setNewPool':
      return withDefaultName({ ...values, newPool: { ...values.newPool, ...action.change } });
    case 'set':
      return withDefaultName({ ...values, [action.field]: action.value });
    case 'setInTreeModules':
      return { ...values, inTreeModulesToRemove: action.value };
  }
};

/** The Day 1 options as typed, surrounding blanks removed; empty optional values are not given. */
export const toDay1Options = (values: CreateFormValues): Day1Options => {
  const workerImage = values.workerImage.trim();
  const firmwareFilesPath = values.firmwareFilesPath.trim();
  return {
    machineConfigName: values.machineConfigName.trim(),
    machineConfigPoolRef: poolName(values),
    kernelModuleImage: values.kernelModuleImage.trim(),
    kernelModuleName: values.kernelModuleName.trim(),
    inTreeModulesToRemove: values.inTreeModulesToRemove,
    workerImage: workerImage === '' ? undefined : workerImage,
    firmwareFilesPath: firmwareFilesPath === '' ? undefined : firmwareFilesPath,
  };
};

/**
 * The new pool's options: maxUnavailable as the pool takes it (digits are a count, anything else, a
 * percentage, a string), and the config it is made for, recorded on the pool.
 */
export const newPoolOptions = (values: CreateFormValues): MachineConfigPoolOptions => {
  const typed = values.newPool.maxUnavailable.trim();
  const machineConfigName = values.machineConfigName.trim();
  return {
    maxUnavailable: /^\d+$/.test(typed) ? Number(typed) : typed,
    paused: values.newPool.paused,
    createdFor: machineConfigName === '' ? undefined : machineConfigName,
  };
};

/** What the form checks against the live cluster, beyond the values themselves. */
export interface ClusterFacts {
  /** The existing pools, once loaded. */
  pools?: MachineConfigPool[];
  /** The names of the existing MachineConfigs, once loaded. */
  machineConfigNames?: ReadonlySet<string>;
}

/** A problem the producer found with the form's values (the view words it: validation-text.ts). */
export type FormProblem = FieldError | PoolProblem;

/** The producer's problems, each under the field it is about. */
type FormErrors = Partial<Record<FormField, FormProblem[]>>;

/** Everything that blocks the create; problems with the cluster are flags the page words. */
export interface FormProblems {
  errors: FormErrors;
  /** The in-tree modules' problems by entry (0-based), so the field can mark the bad entries. */
  inTreeEntryErrors: ReadonlyMap<number, FormProblem[]>;
  /** The chosen existing pool is not in the cluster (once the pools are loaded). */
  unknownPool: boolean;
  /** The new pool's name is taken by an existing pool. */
  newPoolExists: boolean;
  /** A new pool needs at least one node. */
  newPoolWithoutNodes: boolean;
  /** A MachineConfig of this name exists (once they are loaded); the create would fail with 409. */
  machineConfigNameTaken: boolean;
}

export const formProblems = (values: CreateFormValues, facts: ClusterFacts): FormProblems => {
  const errors: FormErrors = {};
  const add = (field: FormField, problem: FormProblem) => {
    const list = (errors[field] ??= []);
    // A new pool's invalid name is both a Day 1 option problem and a pool problem: show it once.
    const same = JSON.stringify([problem.code, problem.params]);
    if (!list.some((p) => JSON.stringify([p.code, p.params]) === same)) list.push(problem);
  };
  const inTreeEntryErrors = new Map<number, FormProblem[]>();
  for (const error of validateDay1Options(toDay1Options(values))) {
    add(error.field, error);
    // The in-tree entry codes count entries from 1; the field marks them by their 0-based index.
    if ('entry' in error.params && typeof error.params.entry === 'number') {
      const index = error.params.entry - 1;
      inTreeEntryErrors.set(index, [...(inTreeEntryErrors.get(index) ?? []), error]);
    }
  }

  let unknownPool = false;
  let newPoolExists = false;
  let newPoolWithoutNodes = false;
  const name = poolName(values);
  if (values.poolChoice.kind === 'new') {
    for (const problem of validateMachineConfigPool(name, newPoolOptions(values))) {
      add(problem.field === 'name' ? 'machineConfigPoolRef' : 'newPoolMaxUnavailable', problem);
    }
    newPoolExists = !!facts.pools?.some((pool) => pool.metadata.name === name);
    newPoolWithoutNodes = values.newPool.nodeNames.length === 0;
  } else if (name !== '' && facts.pools) {
    unknownPool = !facts.pools.some((pool) => pool.metadata.name === name);
  }
  const machineConfigName = values.machineConfigName.trim();
  const machineConfigNameTaken =
    !errors.machineConfigName && !!facts.machineConfigNames?.has(machineConfigName);
  return {
    errors,
    inTreeEntryErrors,
    unknownPool,
    newPoolExists,
    newPoolWithoutNodes,
    machineConfigNameTaken,
  };
};

export const hasProblems = (problems: FormProblems): boolean =>
  Object.keys(problems.errors).length > 0 ||
  problems.unknownPool ||
  problems.newPoolExists ||
  problems.newPoolWithoutNodes ||
  problems.machineConfigNameTaken;

/**
 * The objects to create for valid values: call only when hasProblems() is false. The page loads the
 * producers only once it has something to make (useCreateProducers).
 */
export const createPlan = (
  values: CreateFormValues,
  nodes: Node[],
  { produceMachineConfig, produceMachineConfigPool }: CreateProducers,
): CreatePlan => {
  const machineConfig = produceMachineConfig(toDay1Options(values));
  if (values.poolChoice.kind === 'existing') return { machineConfig, nodesToLabel: [] };
  const newPool = produceMachineConfigPool(poolName(values), newPoolOptions(values));
  const labels = newPool.spec.nodeSelector?.matchLabels ?? {};
  const chosen = new Set(values.newPool.nodeNames);
  return {
    machineConfig,
    newPool,
    // A node that already carries the labels needs no patch, and must not lose them on a rollback.
    nodesToLabel: nodes.filter(
      (node) =>
        chosen.has(node.metadata.name) &&
        !Object.entries(labels).every(([key, value]) => node.metadata.labels?.[key] === value),
    ),
  };
};

export { defaultCheckNamespace } from '../../preflight';
