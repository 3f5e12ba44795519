import { Alert, List, ListItem } from '@patternfly/react-core';
import { usePluginTranslation } from './usePluginTranslation';
import { readApiError } from '../../k8s/api-error';

interface ApiErrorAlertProps {
  error: unknown;
  title: string;
  /** What the user tried, for the 403 guidance: verb and plural resource, e.g. delete machineconfigs. */
  verb: string;
  resource: string;
}

/** A failed API call: the server's message, plus what to do about the usual status codes. */
const ApiErrorAlert = ({ error, title, verb, resource }: ApiErrorAlertProps) => {
  const { t } = usePluginTranslation();
  const { code, message, causes } = readApiError(error);
  const guidance =
    code === 403
      ? t(
          'Your user may not {{verb}} {{resource}}. A cluster administrator can do it, or grant you this permission.',
          { verb, resource },
        )
      : code === 409
        ? t('The object changed or already exists. Reload and try again.')
        : code === 422
          ? t('The API server rejected the object as invalid.')
          : code !== undefined && code >= 500
            ? t('The API server failed. Check the current state before you try again.')
            : undefined;
  return (
    <Alert variant="danger" isInline title={title} data-test="api-error">
      <p>{message}</p>
      {causes.length > 0 && (
        <List>
          {causes.map((c) => (
            <ListItem key={`${c.field ?? ''}:${c.message}`}>
              {c.field
                ? t('{{field}}: {{message}}', { field: c.field, message: c.message })
                : c.message}
            </ListItem>
          ))}
        </List>
      )}
      {guidance && <p data-test="api-error-guidance">{guidance}</p>}
    </Alert>
  );
};

export default ApiErrorAlert;
