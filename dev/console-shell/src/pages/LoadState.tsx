import type { ReactNode } from 'react';
import { Alert, Bullseye, Spinner } from '@patternfly/react-core';

/** Watch errors are HttpErrors in practice, but typed `any`: show whatever message there is. */
const errorMessage = (error: unknown): string =>
  error instanceof Error
    ? error.message
    : typeof error === 'string'
      ? error
      : JSON.stringify(error);

interface LoadStateProps {
  loaded: boolean;
  loadError: unknown;
  what: string;
  children: ReactNode;
}

/** Spinner until loaded, an alert on error (console keeps data, so an error wins), else content. */
export const LoadState = ({ loaded, loadError, what, children }: LoadStateProps) => {
  if (loadError) {
    return (
      <Alert variant="danger" isInline title={`Could not load ${what}`} data-test="load-error">
        {errorMessage(loadError)}
      </Alert>
    );
  }
  if (!loaded) {
    return (
      <Bullseye>
        <Spinner aria-label={`Loading ${what}`} data-test="loading" />
      </Bullseye>
    );
  }
  return <>{children}</>;
};
