import { Button } from '@patternfly/react-core';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import { DEFAULT_WORKER_IMAGE } from '../../producer';
import type { CreateFormValues, FormAction, FormField } from './create-form';
import InTreeModulesInput from './InTreeModulesInput';
import TextField from './TextField';

export const MODULE_FIELD_IDS = {
  machineConfigName: 'day1-machine-config-name',
  kernelModuleImage: 'day1-kernel-module-image',
  kernelModuleName: 'day1-kernel-module-name',
  inTreeModulesToRemove: 'day1-in-tree-modules',
  workerImage: 'day1-worker-image',
  firmwareFilesPath: 'day1-firmware-path',
} as const;

interface ModuleFieldsProps {
  values: CreateFormValues;
  dispatch: (action: FormAction) => void;
  onBlur: (field: FormField) => void;
  errorsFor: (field: FormField) => string[] | undefined;
  /** The producer's warnings for a field (valid but risky values), translated. */
  warningsFor: (field: FormField) => string[] | undefined;
  /** The in-tree modules' problems by entry, to mark the bad labels. */
  inTreeEntryErrors?: ReadonlyMap<number, string[]>;
  /** Set when a MachineConfig of the typed name exists: a free name to offer instead. */
  freeName?: string;
  /** Editing an existing config: its name is fixed. */
  nameFixed?: boolean;
}

/** The Day 1 parameters, as `day1-utility` takes them. */
const ModuleFields = ({
  values,
  dispatch,
  onBlur,
  errorsFor,
  warningsFor,
  inTreeEntryErrors,
  freeName,
  nameFixed = false,
}: ModuleFieldsProps) => {
  const { t } = usePluginTranslation();
  // A taken name shows at once, touched or not: the default name can be taken too.
  const nameErrors =
    freeName === undefined
      ? errorsFor('machineConfigName')
      : [
          ...(errorsFor('machineConfigName') ?? []),
          t('A MachineConfig named {{name}} already exists. Choose another name.', {
            name: values.machineConfigName.trim(),
          }),
        ];
  return (
    <>
      <TextField
        fieldId={MODULE_FIELD_IDS.kernelModuleImage}
        label={t('Kernel module image')}
        isRequired
        value={values.kernelModuleImage}
        onChange={(value) => {
          dispatch({ type: 'set', field: 'kernelModuleImage', value });
        }}
        onBlur={() => {
          onBlur('kernelModuleImage');
        }}
        errors={errorsFor('kernelModuleImage')}
        warnings={warningsFor('kernelModuleImage')}
        placeholder="quay.io/example/sfc-kmod"
        helper={t(
          "Without a tag: each node pulls <image>:<its kernel version>, so the image needs one tag per kernel version. Nodes pull it before their kubelet starts: use a registry they reach without the cluster's own network, not the in-cluster registry.",
        )}
      />
      <TextField
        fieldId={MODULE_FIELD_IDS.kernelModuleName}
        label={t('Kernel module')}
        isRequired
        value={values.kernelModuleName}
        onChange={(value) => {
          dispatch({ type: 'set', field: 'kernelModuleName', value });
        }}
        onBlur={() => {
          onBlur('kernelModuleName');
        }}
        errors={errorsFor('kernelModuleName')}
        placeholder="sfc"
        helper={t('The out-of-tree module to load, as modprobe names it, without .ko.')}
      />
      <InTreeModulesInput
        fieldId={MODULE_FIELD_IDS.inTreeModulesToRemove}
        modules={values.inTreeModulesToRemove}
        onChange={(value) => {
          dispatch({ type: 'setInTreeModules', value });
        }}
        onBlur={() => {
          onBlur('inTreeModulesToRemove');
        }}
        errors={errorsFor('inTreeModulesToRemove')}
        entryErrors={inTreeEntryErrors}
      />
      <TextField
        fieldId={MODULE_FIELD_IDS.machineConfigName}
        label={t('MachineConfig name')}
        isRequired
        readOnly={nameFixed}
        value={values.machineConfigName}
        onChange={(value) => {
          dispatch({ type: 'setName', value });
        }}
        onBlur={() => {
          onBlur('machineConfigName');
        }}
        errors={nameErrors}
        errorAction={
          freeName !== undefined && (
            <Button
              variant="link"
              isInline
              onClick={() => {
                dispatch({ type: 'setName', value: freeName });
              }}
              data-test="day1-use-free-name"
            >
              {t('Use {{name}}', { name: freeName })}
            </Button>
          )
        }
        helper={
          nameFixed
            ? t(
                'Fixed: it names the units, scripts and state on the nodes. To rename, create a config with the new name and delete this one.',
              )
            : values.nameEdited
              ? t('It also prefixes the unit, script and state names on the nodes.')
              : t(
                  'Made from the pool and the module until you change it. It also prefixes the unit, script and state names on the nodes.',
                )
        }
      />
      <TextField
        fieldId={MODULE_FIELD_IDS.workerImage}
        label={t('Worker image')}
        value={values.workerImage}
        onChange={(value) => {
          dispatch({ type: 'set', field: 'workerImage', value });
        }}
        onBlur={() => {
          onBlur('workerImage');
        }}
        errors={errorsFor('workerImage')}
        warnings={warningsFor('workerImage')}
        helper={
          values.workerImage.trim() === DEFAULT_WORKER_IMAGE ? (
            t("KMM's worker image, which loads the module. This is the default.")
          ) : (
            <>
              {t("KMM's worker image, which loads the module.")}{' '}
              <Button
                variant="link"
                isInline
                onClick={() => {
                  dispatch({ type: 'set', field: 'workerImage', value: DEFAULT_WORKER_IMAGE });
                }}
                data-test="day1-worker-image-default"
              >
                {t('Use the default, {{image}}', { image: DEFAULT_WORKER_IMAGE })}
              </Button>
            </>
          )
        }
      />
      <TextField
        fieldId={MODULE_FIELD_IDS.firmwareFilesPath}
        label={t('Firmware path')}
        value={values.firmwareFilesPath}
        onChange={(value) => {
          dispatch({ type: 'set', field: 'firmwareFilesPath', value });
        }}
        onBlur={() => {
          onBlur('firmwareFilesPath');
        }}
        errors={errorsFor('firmwareFilesPath')}
        placeholder="/firmware"
        helper={t(
          'Optional: a directory in the kernel module image whose files are copied to /var/lib/firmware.',
        )}
      />
    </>
  );
};

export default ModuleFields;
