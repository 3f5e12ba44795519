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
  /** The problems of single entries, by index: those entries are marked while `errors` shows. */
  entryErrors?: ReadonlyMap<number, string[]>;
}

/**
 * Typed text as module names: commas and blanks separate them. `-in-tree-modules-to-remove` takes
 * commas only, but no module name holds a blank, so a pasted "sfc mdio" means two modules here.
 */
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
  entryErrors,
}: InTreeModulesInputProps) => {
  const { t } = usePluginTranslation();
  const [text, setText] = useState('');
  const invalid = !!errors && errors.length > 0;
  /** The ids of an entry's messages under the field (FieldHelper numbers them in order). */
  const entryErrorIds = (index: number): string | undefined => {
    const own = entryErrors?.get(index);
    if (!errors || errors.length === 0 || !own || own.length === 0) return undefined;
    return errors
      .flatMap((message, position) =>
        own.includes(message) ? [`${fieldId}-error-${String(position)}`] : [],
      )
      .join(' ');
  };

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
            {modules.map((module, index) => {
              const problemIds = entryErrorIds(index);
              return (
                <Label
                  // The same name may be listed twice; the validation then says which entry repeats.
                  key={`${module}-${String(index)}`}
                  variant="outline"
                  status={problemIds ? 'danger' : undefined}
                  onClose={() => {
                    onChange(modules.filter((_, i) => i !== index));
                  }}
                  closeBtnAriaLabel={t('Remove {{module}}', { module })}
                  // The close button is the entry's only focusable part: it carries the entry's problem.
                  closeBtnProps={problemIds ? { 'aria-describedby': problemIds } : undefined}
                  data-test={`${fieldId}-label-${module}`}
                  data-invalid={problemIds ? 'true' : undefined}
                >
                  {module}
                  {problemIds && (
                    // The status icon is only seen; this says it to screen readers.
                    <span className="pf-v6-screen-reader"> {t('(invalid)')}</span>
                  )}
                </Label>
              );
            })}
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
          'Loaded in-tree modules to unload before the out-of-tree one loads, such as the in-tree build of the same driver and the modules that depend on it. Commas and spaces separate names; Enter also adds the name typed.',
        )}
      />
    </FormGroup>
  );
};

export default InTreeModulesInput;
