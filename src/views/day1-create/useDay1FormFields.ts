import { useMemo, useReducer, useState } from 'react';
import { day1Warnings } from '../../producer';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import { formProblems, formReducer, toDay1Options } from './create-form';
import type { ClusterFacts, CreateFormValues, FormField } from './create-form';
import { day1WarningText, formProblemText } from './validation-text';

/**
 * The Day 1 form's values and what is wrong with them, for the create and the edit page: the values
 * as typed, the producer's problems and warnings under each field (once it is touched, or after a
 * submit), and the options they make.
 */
export const useDay1FormFields = (initial: () => CreateFormValues, facts: ClusterFacts) => {
  const { t } = usePluginTranslation();
  const [values, dispatch] = useReducer(formReducer, undefined, initial);
  const [touched, setTouched] = useState<ReadonlySet<FormField>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const options = useMemo(() => toDay1Options(values), [values]);
  const { pools, machineConfigNames } = facts;
  const problems = useMemo(
    () => formProblems(values, { pools, machineConfigNames }),
    [values, pools, machineConfigNames],
  );
  const errorsFor = (field: FormField): string[] | undefined =>
    submitted || touched.has(field)
      ? problems.errors[field]?.map((problem) => formProblemText(t, problem))
      : undefined;
  const warnings = useMemo(() => day1Warnings(options), [options]);
  const warningsFor = (field: FormField): string[] | undefined => {
    const texts = warnings
      .filter((warning) => warning.field === field)
      .map((warning) => day1WarningText(t, warning));
    return texts.length > 0 ? texts : undefined;
  };
  const inTreeEntryErrors = new Map(
    [...problems.inTreeEntryErrors].map(([index, entryProblems]) => [
      index,
      entryProblems.map((problem) => formProblemText(t, problem)),
    ]),
  );
  const markTouched = (field: FormField) => {
    setTouched((current) => (current.has(field) ? current : new Set([...current, field])));
  };
  return {
    values,
    dispatch,
    options,
    problems,
    errorsFor,
    warningsFor,
    inTreeEntryErrors,
    markTouched,
    /** The field was touched, or the form submitted: its problems show. */
    shows: (field: FormField) => submitted || touched.has(field),
    submitted,
    setSubmitted,
  };
};
