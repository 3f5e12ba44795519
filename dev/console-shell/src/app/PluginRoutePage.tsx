import { Suspense, lazy, useMemo } from 'react';
import type { ComponentType } from 'react';
import type { CodeRef } from '@openshift/dynamic-plugin-sdk';
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

/** A route page whose code reference is resolved when it first renders, as console does. */
export const LazyPluginRoutePage = ({ component }: { component: CodeRef<ComponentType> }) => {
  const Page = useMemo(() => lazy(async () => ({ default: await component() })), [component]);
  return <PluginRoutePage component={Page} />;
};
