import { forwardRef, useImperativeHandle } from 'react';
import type * as SDK from '@openshift-console/dynamic-plugin-sdk';
import type { CodeEditorRef } from '@openshift-console/dynamic-plugin-sdk';

/** The props the shell honours (console's type extends PF CodeEditor's, which is not installed). */
interface SimpleEditorProps {
  value?: string;
  onChange?: (value: string, event: unknown) => void;
  onSave?: () => void;
  isReadOnly?: boolean;
  minHeight?: string;
  height?: string;
  language?: string;
  toolbarLinks?: unknown[];
}

/**
 * Stands in for console's Monaco-based CodeEditor: a monospace textarea. Ctrl/Cmd+S calls
 * `onSave`; the ref's `editor` and `monaco` are undefined (there is no Monaco here).
 */
export const CodeEditor: typeof SDK.CodeEditor = forwardRef<CodeEditorRef, SDK.CodeEditorProps>(
  (props, ref) => {
    const { value, onChange, onSave, isReadOnly, minHeight, height, language } =
      props as SimpleEditorProps;
    useImperativeHandle(ref, () => ({ editor: undefined, monaco: undefined }) as never, []);
    return (
      <textarea
        className="kmm-shell-code-editor pf-v6-c-form-control"
        data-test="code-editor"
        data-language={language}
        spellCheck={false}
        readOnly={isReadOnly}
        value={value ?? ''}
        style={{ minHeight: minHeight ?? '300px', height }}
        onChange={(e) => onChange?.(e.target.value, e)}
        onKeyDown={(e) => {
          if (onSave && (e.ctrlKey || e.metaKey) && e.key === 's') {
            e.preventDefault();
            onSave();
          }
        }}
      />
    );
  },
);
CodeEditor.displayName = 'CodeEditor';
