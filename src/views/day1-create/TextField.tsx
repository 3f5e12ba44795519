import type { ReactNode } from 'react';
import { FormGroup, TextInput } from '@patternfly/react-core';
import FieldHelper from './FieldHelper';

interface TextFieldProps {
  /** The input's id and data-test. */
  fieldId: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  errors?: string[];
  /** Valid but risky input, shown under the field until there are errors to show. */
  warnings?: string[];
  helper?: ReactNode;
  /** A way to fix the problems, shown under them. */
  errorAction?: ReactNode;
  placeholder?: string;
  isRequired?: boolean;
  isDisabled?: boolean;
  /** Shown, focusable and copyable, but fixed (the name of a config being edited). */
  readOnly?: boolean;
}

/** A labelled text input with the producer's messages under it. */
const TextField = ({
  fieldId,
  label,
  value,
  onChange,
  onBlur,
  errors,
  warnings,
  helper,
  errorAction,
  placeholder,
  isRequired,
  isDisabled,
  readOnly,
}: TextFieldProps) => {
  const invalid = !!errors && errors.length > 0;
  const warned = !invalid && !!warnings && warnings.length > 0;
  return (
    <FormGroup label={label} fieldId={fieldId} isRequired={isRequired}>
      <TextInput
        id={fieldId}
        data-test={fieldId}
        value={value}
        onChange={(_event, next) => {
          onChange(next);
        }}
        onBlur={onBlur}
        placeholder={placeholder}
        isRequired={isRequired}
        isDisabled={isDisabled}
        readOnlyVariant={readOnly ? 'default' : undefined}
        validated={invalid ? 'error' : warned ? 'warning' : 'default'}
        aria-invalid={invalid}
        aria-describedby={invalid || warned || helper ? `${fieldId}-helper` : undefined}
        spellCheck={false}
        autoComplete="off"
      />
      <FieldHelper
        fieldId={fieldId}
        errors={errors}
        warnings={warnings}
        helper={helper}
        errorAction={errorAction}
      />
    </FormGroup>
  );
};

export default TextField;
