/**
 * The producer's validation problems, translated. Each code has its own literal key, whose English is
 * the text the CLI prints for the same code (src/producer/english.ts; validation-text.spec.ts checks
 * that they agree).
 */
import type {
  Day1Warning,
  FieldProblem,
  ImageReferenceProblem,
  ModuleNameProblem,
} from '../../producer';
import type { Translate } from '../shared/usePluginTranslation';
import type { FormProblem } from './create-form';

const subjectRequired = (t: Translate, field: string): string => {
  switch (field) {
    case 'machineConfigName':
      return t('The MachineConfig name is required');
    case 'machineConfigPoolRef':
      return t('The MachineConfigPool name is required');
    case 'kernelModuleImage':
      return t('The kernel module image is required');
    case 'kernelModuleName':
      return t('The kernel module name is required');
    default:
      return t('A value is required');
  }
};

const subjectNotString = (t: Translate, field: string): string => {
  switch (field) {
    case 'machineConfigName':
      return t('The MachineConfig name must be a string');
    case 'machineConfigPoolRef':
      return t('The MachineConfigPool name must be a string');
    case 'kernelModuleImage':
      return t('The kernel module image must be a string');
    case 'kernelModuleName':
      return t('The kernel module name must be a string');
    case 'workerImage':
      return t('The worker image must be a string');
    case 'firmwareFilesPath':
      return t('The firmware path must be a string');
    default:
      return t('The value must be a string');
  }
};

const imageReferenceText = (
  t: Translate,
  image: string,
  problem: ImageReferenceProblem,
): string => {
  switch (problem.code) {
    case 'imageHasSpaces':
      return t('"{{image}}" must not contain spaces', { image });
    case 'imageInvalidDigest':
      return t(
        '"{{image}}" has an invalid digest "@{{digest}}" (expected "@sha256:" and 64 hex digits)',
        { image, digest: problem.params.digest },
      );
    case 'imageInvalidTag':
      return t(
        '"{{image}}" has an invalid tag ":{{tag}}" (up to 128 letters, digits, "_", "." and "-", not starting with "." or "-")',
        { image, tag: problem.params.tag },
      );
    case 'imageNoRegistryHost':
      return t(
        '"{{image}}" has no registry host; give a fully qualified image such as "quay.io/acme/sfc-kmod" (nodes pull without a terminal, and podman will not guess the registry of a short name)',
        { image },
      );
    case 'imageInvalidRegistryHost':
      return t('"{{image}}" has an invalid registry host "{{host}}"', {
        image,
        host: problem.params.host,
      });
    case 'imageInvalidPathComponent':
      return t(
        '"{{image}}" has an invalid repository path component "{{component}}" (use lowercase letters and digits, separated by ".", "_", "__" or "-")',
        { image, component: problem.params.component },
      );
    case 'imageNameTooLong':
      return t(
        '"{{image}}" is {{length}} characters long without its tag; at most {{max}} are allowed',
        { image, length: problem.params.length, max: problem.params.max },
      );
  }
};

const moduleNameText = (t: Translate, problem: ModuleNameProblem): string => {
  switch (problem.code) {
    case 'moduleNameInvalid':
      return t(
        '"{{name}}" is not a valid kernel module name: use letters, digits, "_" and "-" only (modprobe treats "-" and "_" alike), without the .ko suffix',
        problem.params,
      );
    case 'moduleNameLeadingDash':
      return t(
        '"{{name}}" must start with a letter, digit or "_": modprobe would read a leading "-" as an option',
        problem.params,
      );
    case 'moduleNameTooLong':
      return t(
        '"{{name}}" is {{length}} characters long; kernel module names have at most {{max}}',
        problem.params,
      );
  }
};

/** A field's problem, as shown under the field (the field's label names the option). */
const fieldProblemText = (t: Translate, field: string, problem: FieldProblem): string => {
  switch (problem.code) {
    case 'required':
      return subjectRequired(t, field);
    case 'notString':
      return subjectNotString(t, field);
    case 'notList':
      return t('must be a list of module names');
    case 'machineConfigNameTooLong':
      return t(
        'is {{length}} characters long; at most {{max}} are allowed, because it prefixes systemd unit names such as "<name>{{suffix}}" (255 characters at most)',
        problem.params,
      );
    case 'machineConfigNameInvalid':
      return t(
        '"{{name}}" is not a valid name: use lowercase letters, digits, "-" and ".", starting and ending with a letter or digit (for example "99-sfc-day1")',
        problem.params,
      );
    case 'machineConfigNameRendered':
      return t(
        'must not start with "rendered-": the Machine Config Operator uses that prefix for the configs it renders',
      );
    case 'poolNameInvalid':
      return t(
        '"{{name}}" is not a valid pool name: use up to {{max}} lowercase letters, digits and "-", starting and ending with a letter or digit (it becomes the label value machineconfiguration.openshift.io/role=<pool>)',
        problem.params,
      );
    case 'moduleNameInvalid':
    case 'moduleNameLeadingDash':
    case 'moduleNameTooLong':
      return moduleNameText(t, problem);
    case 'imageInvalid':
      return imageReferenceText(t, problem.params.image, problem.params.problem);
    case 'imageHasTag':
      return t(
        '"{{image}}" has a tag (":{{tag}}"); give the image without a tag or digest, such as "{{repository}}": each node appends its own kernel version (":$(uname -r)", for example ":5.14.0-284.59.1.el9_2.x86_64")',
        problem.params,
      );
    case 'imageHasDigest':
      return t(
        '"{{image}}" has a digest ("@{{digest}}"); give the image without a tag or digest, such as "{{repository}}": each node appends its own kernel version (":$(uname -r)", for example ":5.14.0-284.59.1.el9_2.x86_64")',
        problem.params,
      );
    case 'firmwarePathTooLong':
      return t('is {{length}} characters long; at most {{max}} are allowed', problem.params);
    case 'firmwarePathControlCharacters':
      return t('must not contain control characters such as newlines or tabs');
    case 'firmwarePathNotAbsolute':
      return t(
        '"{{path}}" must be an absolute path inside the kernel module image, such as "/firmware"',
        problem.params,
      );
    case 'firmwarePathNotNormalised':
      return t(
        '"{{path}}" must be a normalised directory path below "/": no empty, "." or ".." segments and no trailing "/" (for example "/firmware")',
        problem.params,
      );
    case 'inTreeEntryEmpty':
      return t('entry {{entry}} is empty; give a module name or remove the entry', problem.params);
    case 'inTreeEntryInvalid':
      return t('entry {{entry}}: {{problem}}', {
        entry: problem.params.entry,
        problem: moduleNameText(t, problem.params.problem),
      });
    case 'inTreeEntryRepeats':
      return t(
        'entry {{entry}}: "{{name}}" repeats "{{earlier}}" (modprobe treats "-" and "_" alike); list each module once',
        problem.params,
      );
  }
};

/** A problem the producer found with the form's values, translated. */
export const formProblemText = (t: Translate, problem: FormProblem): string => {
  switch (problem.code) {
    case 'poolNameBuiltIn':
      return t(
        '"{{name}}" is a built-in pool; choose a new name for a custom pool',
        problem.params,
      );
    case 'maxUnavailableInvalid':
      return t(
        'maxUnavailable must be a whole number of at least 1, or a percentage from "1%" to "100%"',
      );
    default:
      return fieldProblemText(t, problem.field, problem);
  }
};

/** A warning about options that are valid but will not work as expected, translated. */
// One code so far (imageFromInClusterRegistry); switch on warning.code when there are more.
export const day1WarningText = (t: Translate, warning: Day1Warning): string =>
  t(
    "{{host}} is served by the cluster's own registry, which a node cannot reach before its kubelet starts, when the Day 1 units pull: nodes would boot without the module. Push the image to a registry the nodes reach without the cluster's network (for example quay.io or a mirror registry).",
    warning.params,
  );
