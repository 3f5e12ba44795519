import type { ComponentType } from 'react';
import type { CodeRef } from '@openshift/dynamic-plugin-sdk';
import type { RoutePage } from '@openshift-console/dynamic-plugin-sdk';
import { Route, Routes, useLocation } from 'react-router';
import { codeRefLoading } from '../boot/code-ref-loading';
import { pluginLoadStore } from '../boot/plugin-load-state';
import { CreateResourcePage } from '../pages/CreateResourcePage';
import { HomePage } from '../pages/HomePage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { PluginsLoadingPage } from '../pages/PluginsLoadingPage';
import { ResourceDetailsPage } from '../pages/ResourceDetailsPage';
import { ResourceListPage } from '../pages/ResourceListPage';
import { useResolvedExtensions } from '../sdk/extensions/useResolvedExtensions';
import { useTranslatedExtensions } from '../sdk/extensions/useTranslatedExtensions';
import { useActivePerspective } from '../sdk/hooks/useActivePerspective';
import { useSmallStore } from '../sdk/utils/small-store';
import { PluginErrorBoundary } from './PluginErrorBoundary';
import { LazyPluginRoutePage, PluginRoutePage } from './PluginRoutePage';

const isRoutePage = (e: { type: string }): e is RoutePage => e.type === 'console.page/route';
// Matches no extension: with lazy code references, nothing is resolved up front.
const noRoutePage = (e: { type: string }): e is RoutePage => e.type === '';

/**
 * React Router v7 path(s) of a route extension. Console keeps v5 semantics: without `exact`
 * a path also matches everything below it.
 */
const routePaths = ({ path, exact }: { path: string | string[]; exact?: boolean }): string[] =>
  (Array.isArray(path) ? path : [path]).map((p) => (exact ? p : `${p.replace(/\/$/, '')}/*`));

/** The shell's pages plus the plugin's `console.page/route` pages for the active perspective. */
export const AppRoutes = () => {
  const { lazy } = codeRefLoading;
  const [resolvedRoutes, resolved, errors] = useResolvedExtensions<RoutePage>(
    lazy ? noRoutePage : isRoutePage,
  );
  const unresolved = useTranslatedExtensions(isRoutePage);
  const [perspective] = useActivePerspective();
  const loadState = useSmallStore(pluginLoadStore);
  const { pathname } = useLocation();
  // Until the plugin and its routes are in, an unknown path may still become a plugin page.
  const settled =
    loadState === 'done' &&
    (lazy ||
      (resolved &&
        (errors.length > 0 ||
          unresolved.every((e) => resolvedRoutes.some((r) => r.uid === e.uid)))));
  const routes = lazy ? unresolved : resolvedRoutes;

  return (
    <Routes>
      {routes
        .filter((r) => !r.properties.perspective || r.properties.perspective === perspective)
        .flatMap((r) =>
          routePaths(r.properties).map((path) => (
            <Route
              key={`${r.uid}:${path}`}
              path={path}
              element={
                lazy ? (
                  <LazyPluginRoutePage
                    component={r.properties.component as CodeRef<ComponentType>}
                  />
                ) : (
                  <PluginRoutePage component={r.properties.component as ComponentType} />
                )
              }
            />
          )),
        )}
      <Route path="/" element={<HomePage />} />
      <Route path="/k8s/cluster/:segment" element={<ResourceListPage />} />
      <Route path="/k8s/cluster/:segment/~new" element={<CreateResourcePage />} />
      <Route
        path="/k8s/cluster/:segment/:name/*"
        element={
          <PluginErrorBoundary resetKey={pathname}>
            <ResourceDetailsPage />
          </PluginErrorBoundary>
        }
      />
      <Route path="/k8s/ns/:ns/:segment" element={<ResourceListPage />} />
      <Route path="/k8s/ns/:ns/:segment/~new" element={<CreateResourcePage />} />
      <Route
        path="/k8s/ns/:ns/:segment/:name/*"
        element={
          <PluginErrorBoundary resetKey={pathname}>
            <ResourceDetailsPage />
          </PluginErrorBoundary>
        }
      />
      <Route path="/k8s/all-namespaces/:segment" element={<ResourceListPage />} />
      <Route path="*" element={settled ? <NotFoundPage /> : <PluginsLoadingPage />} />
    </Routes>
  );
};
