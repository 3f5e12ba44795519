/**
 * Reapplying an edit on top of a newer version of the config (the save was refused with a 409: someone
 * changed it after the user opened it). A three-way merge of the Day 1 parameters: `original` is the
 * version the user started from, `mine` the form, `theirs` the version in the cluster now. A parameter
 * the user changed keeps the user's value; one the user left alone takes the newer version's value, so
 * that the other person's change is not reverted. A parameter both changed, to different values, is a
 * conflict: the user's value is kept, and the view says so, with both values, before the user saves.
 */
import { DEFAULT_WORKER_IMAGE } from '../producer';
import type { Day1Options } from '../producer';
import type { EditableField } from './config-change';

/** A parameter's value as the merge compares it: an absent optional value is its default. */
type EditableValue = string | readonly string[];

export interface ReapplyConflict {
  field: EditableField;
  /** The user's value, which the merge keeps. */
  mine: EditableValue;
  /** The newer version's value. */
  theirs: EditableValue;
}

export interface Reapplied {
  /** The parameters to save: the user's where the user changed them, else the newer version's. */
  options: Day1Options;
  /** The parameters only the other change touched, taken from the newer version, in the form's order. */
  fromTheirs: EditableField[];
  /** The parameters both changed to different values (the user's value is kept), in the form's order. */
  conflicts: ReapplyConflict[];
}

const FIELDS: readonly EditableField[] = [
  'kernelModuleImage',
  'kernelModuleName',
  'inTreeModulesToRemove',
  'workerImage',
  'firmwareFilesPath',
];

const valueOf = (options: Day1Options, field: EditableField): EditableValue => {
  switch (field) {
    case 'kernelModuleImage':
    case 'kernelModuleName':
      return options[field];
    case 'inTreeModulesToRemove':
      return options.inTreeModulesToRemove ?? [];
    case 'workerImage':
      return options.workerImage ?? DEFAULT_WORKER_IMAGE;
    case 'firmwareFilesPath':
      return options.firmwareFilesPath ?? '';
  }
};

// The in-tree modules are unloaded in the listed order: another order is another value.
const sameValue = (a: EditableValue, b: EditableValue): boolean =>
  typeof a === 'string' || typeof b === 'string'
    ? a === b
    : a.length === b.length && a.every((value, i) => value === b[i]);

/** `options` with `field` as `from` has it. */
const withFieldOf = (options: Day1Options, from: Day1Options, field: EditableField): Day1Options =>
  field === 'inTreeModulesToRemove'
    ? { ...options, inTreeModulesToRemove: from.inTreeModulesToRemove?.slice() }
    : { ...options, [field]: from[field] };

/**
 * The user's edit (`mine`, against `original`) reapplied on top of `theirs`. The name and pool are the
 * user's (an edit cannot change them).
 */
export const reapplyOnTop = (
  original: Day1Options,
  mine: Day1Options,
  theirs: Day1Options,
): Reapplied => {
  let options: Day1Options = { ...mine };
  const fromTheirs: EditableField[] = [];
  const conflicts: ReapplyConflict[] = [];
  for (const field of FIELDS) {
    const before = valueOf(original, field);
    const mineValue = valueOf(mine, field);
    const theirsValue = valueOf(theirs, field);
    const iChanged = !sameValue(before, mineValue);
    const theyChanged = !sameValue(before, theirsValue);
    if (theyChanged && !iChanged) {
      options = withFieldOf(options, theirs, field);
      fromTheirs.push(field);
    } else if (theyChanged && iChanged && !sameValue(mineValue, theirsValue)) {
      conflicts.push({ field, mine: mineValue, theirs: theirsValue });
    }
  }
  return { options, fromTheirs, conflicts };
};
