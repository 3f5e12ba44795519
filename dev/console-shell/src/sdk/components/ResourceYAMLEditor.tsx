import { useState } from 'react';
import { ActionGroup, Alert, Button, Title } from '@patternfly/react-core';
import type * as SDK from '@openshift-console/dynamic-plugin-sdk';
import type { K8sResourceKind } from '@openshift-console/dynamic-plugin-sdk';
import { dump, load } from 'js-yaml';
import { getGroupVersionKindForResource } from '../k8s-ref';
import { k8sCreate, k8sUpdate } from '../k8s-resource';
import { findModel } from '../models';
import { CodeEditor } from './CodeEditor';

const toYAML = (obj: unknown): string => dump(obj, { lineWidth: -1 });

/**
 * A plain-text stand-in for console's ResourceYAMLEditor. Without `onSave` it creates or
 * updates the resource itself, as console does; errors show inline. While the text is unedited
 * it follows `initialResource` (a watched object stays current).
 */
export const ResourceYAMLEditor: typeof SDK.ResourceYAMLEditor = ({
  initialResource,
  header,
  onSave,
  readOnly,
  create,
  onChange,
  hideHeader,
}) => {
  const [edited, setEdited] = useState<string | undefined>();
  const [result, setResult] = useState<{ ok: boolean; message: string } | undefined>();
  const text = edited ?? toYAML(initialResource);

  const save = async () => {
    if (onSave) {
      onSave(text);
      return;
    }
    try {
      const data = load(text) as K8sResourceKind;
      const model = findModel(getGroupVersionKindForResource(data));
      if (!model) {
        throw new Error(`No model for ${data.apiVersion ?? ''} ${data.kind ?? ''}`);
      }
      const saved = create ? await k8sCreate({ model, data }) : await k8sUpdate({ model, data });
      setEdited(undefined);
      setResult({
        ok: true,
        message: `${saved.metadata?.name ?? ''} has been ${create ? 'created' : 'updated'} to version ${
          saved.metadata?.resourceVersion ?? ''
        }`,
      });
    } catch (e) {
      setResult({ ok: false, message: e instanceof Error ? e.message : String(e) });
    }
  };

  return (
    <div className="kmm-shell-yaml-editor" data-test="yaml-editor">
      {!hideHeader && (
        <Title headingLevel="h2" className="pf-v6-u-mb-md">
          {header ?? (create ? 'Create resource' : 'YAML')}
        </Title>
      )}
      <CodeEditor
        value={text}
        language="yaml"
        isReadOnly={readOnly}
        minHeight="400px"
        onChange={(value: string) => {
          setEdited(value);
          onChange?.(value);
        }}
        onSave={() => {
          void save();
        }}
      />
      {result && (
        <Alert
          isInline
          variant={result.ok ? 'success' : 'danger'}
          title={result.ok ? result.message : 'Error'}
          className="pf-v6-u-mt-md"
          data-test={result.ok ? 'yaml-save-success' : 'yaml-save-error'}
        >
          {result.ok ? null : result.message}
        </Alert>
      )}
      {!readOnly && (
        <ActionGroup className="pf-v6-u-mt-md">
          <Button variant="primary" data-test="save-changes" onClick={() => void save()}>
            {create ? 'Create' : 'Save'}
          </Button>
          <Button
            variant="secondary"
            data-test="reload-object"
            onClick={() => {
              setEdited(undefined);
              setResult(undefined);
            }}
          >
            Reload
          </Button>
        </ActionGroup>
      )}
    </div>
  );
};
