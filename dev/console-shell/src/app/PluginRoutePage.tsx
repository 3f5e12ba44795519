import { Suspense } from 'react';
import type { ComponentType } from 'react';
import { Bullseye, Spinner } from '@patternfly/react-core';
import { useLocation } from 'react-router';
import { PluginErrorBoundary } from './PluginErrorBoundary';

/** A plugin's `console.page/route` component, isolated so that a crash shows its error. */
export const PluginRoutePage = ({ component: Component }: { component: ComponentType }) => {
  const { pathname } = useLocation();
  return (
    <PluginErrorBoundary resetKey={pathname}>
      <Suspense
        fallback={
          <Bullseye>
            <Spinner aria-label="Loading" />
          </Bullseye>
        }
      >
        <Component />
      </Suspense>
    </PluginErrorBoundary>
  );
};
