import type { ReactNode } from 'react';
import { FormHelperText, HelperText, HelperTextItem } from '@patternfly/react-core';

interface FieldHelperProps {
  /** The field's id: the helper is `<id>-helper`, for the input's aria-describedby. */
  fieldId: string;
  /** Problems to show instead of the help text; they are the producer's own words. */
  errors?: string[];
  helper?: ReactNode;
  /** Valid but risky input: shown with the help text, as warnings. */
  warnings?: string[];
  /** Shown under the problems: a way to fix them, such as a button that fills in a free name. */
  errorAction?: ReactNode;
}

/** A field's problems, or its help text. */
const FieldHelper = ({ fieldId, errors, helper, warnings, errorAction }: FieldHelperProps) => {
  if (errors && errors.length > 0) {
    return (
      <FormHelperText>
        <HelperText id={`${fieldId}-helper`} data-test={`${fieldId}-error`} aria-live="polite">
          {errors.map((message, position) => (
            // Numbered ids, so a part of the field (an in-tree module's label) can point at its own.
            <HelperTextItem
              key={message}
              id={`${fieldId}-error-${String(position)}`}
              variant="error"
            >
              {message}
            </HelperTextItem>
          ))}
        </HelperText>
        {errorAction}
      </FormHelperText>
    );
  }
  const warningList = warnings ?? [];
  if (!helper && warningList.length === 0) return null;
  return (
    <FormHelperText>
      <HelperText
        id={`${fieldId}-helper`}
        aria-live={warningList.length > 0 ? 'polite' : undefined}
      >
        {warningList.map((message) => (
          <HelperTextItem key={message} variant="warning" data-test={`${fieldId}-warning`}>
            {message}
          </HelperTextItem>
        ))}
        {helper && <HelperTextItem>{helper}</HelperTextItem>}
      </HelperText>
    </FormHelperText>
  );
};

export default FieldHelper;
