import { useState } from 'react';
import type { KeyboardEvent } from 'react';
import {
  Button,
  FormGroup,
  Label,
  LabelGroup,
  TextInputGroup,
  TextInputGroupMain,
  TextInputGroupUtilities,
} from '@patternfly/react-core';
import { TimesIcon } from '@patternfly/react-icons';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import FieldHelper from './FieldHelper';

interface InTreeModulesInputProps {
  fieldId: string;
  modules: string[];
  onChange: (modules: string[]) => void;
  onBlur: () => void;
  errors?: string[];
}

/** Typed text as module names: commas and blanks separate them, as in `-in-tree-modules-to-remove`. */
const splitModules = (text: string): string[] => text.split(/[\s,]+/).filter((name) => name !== '');

/**
 * Several module names as removable labels. Enter, a comma or a space adds what was typed; Backspace
 * in the empty input removes the last one; leaving the input keeps what was typed.
 */
const InTreeModulesInput = ({
  fieldId,
  modules,
  onChange,
  onBlur,
  errors,
}: InTreeModulesInputProps) => {
  const { t } = usePluginTranslation();
  const [text, setText] = useState('');
  const invalid = !!errors && errors.length > 0;

  const commit = (typed: string) => {
    const added = splitModules(typed);
    if (added.length > 0) onChange([...modules, ...added]);
    setText('');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',' || event.key === ' ') {
      // Enter must not submit the form; the separators must not end up in a name.
      event.preventDefault();
      commit(text);
    } else if (event.key === 'Backspace' && text === '' && modules.length > 0) {
      onChange(modules.slice(0, -1));
    }
  };

  return (
    <FormGroup label={t('In-tree modules to remove')} fieldId={fieldId}>
      <TextInputGroup validated={invalid ? 'error' : undefined} data-test={`${fieldId}-group`}>
        <TextInputGroupMain
          inputId={fieldId}
          value={text}
          onChange={(_event, value) => {
            // A pasted list such as "sfc,mdio" becomes labels at once.
            if (/[\s,]/.test(value)) commit(value);
            else setText(value);
          }}
          onBlur={() => {
            commit(text);
            onBlur();
          }}
          placeholder={modules.length === 0 ? t('e.g. sfc, mdio') : undefined}
          aria-label={t('In-tree modules to remove')}
          inputProps={{
            'data-test': fieldId,
            onKeyDown,
            'aria-invalid': invalid,
            'aria-describedby': `${fieldId}-helper`,
            spellCheck: false,
            autoComplete: 'off',
          }}
        >
          <LabelGroup numLabels={20} aria-label={t('In-tree modules to remove')}>
            {modules.map((module, index) => (
              <Label
                // The same name may be listed twice; the validation then says which entry repeats.
                key={`${module}-${String(index)}`}
                variant="outline"
                onClose={() => {
                  onChange(modules.filter((_, i) => i !== index));
                }}
                closeBtnAriaLabel={t('Remove {{module}}', { module })}
                data-test={`${fieldId}-label-${module}`}
              >
                {module}
              </Label>
            ))}
          </LabelGroup>
        </TextInputGroupMain>
        {modules.length > 0 && (
          <TextInputGroupUtilities>
            <Button
              variant="plain"
              icon={<TimesIcon />}
              aria-label={t('Remove every in-tree module')}
              onClick={() => {
                onChange([]);
              }}
            />
          </TextInputGroupUtilities>
        )}
      </TextInputGroup>
      <FieldHelper
        fieldId={fieldId}
        errors={errors}
        helper={t(
          'Loaded in-tree modules to unload before the out-of-tree one loads, such as the in-tree build of the same driver and the modules that depend on it. Press Enter or type a comma after each name.',
        )}
      />
    </FormGroup>
  );
};

export default InTreeModulesInput;
