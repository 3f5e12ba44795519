import { useMemo } from 'react';
import type { ComponentType } from 'react';
import { Alert, PageSection, Tab, TabTitleText, Tabs } from '@patternfly/react-core';
import type * as SDK from '@openshift-console/dynamic-plugin-sdk';
import type {
  HorizontalNavTab,
  NavPage,
  PageComponentProps,
} from '@openshift-console/dynamic-plugin-sdk';
import { useLocation, useNavigate, useParams } from 'react-router';
import { useResolvedExtensions } from '../extensions/useResolvedExtensions';
import { getReference } from '../k8s-ref';
import { getGroupVersionKindForResource } from '../k8s-ref';

const isHorizontalNavTab = (e: { type: string }): e is HorizontalNavTab =>
  e.type === 'console.tab/horizontalNav';

/** A page's path element: `href` ('' for the first, default page), or the older `path`. */
const pageHref = (page: NavPage): string => page.href ?? page.path ?? '';

/**
 * The plugin tabs for a resource's kind, as console merges them: `console.tab/horizontalNav`
 * extensions whose model matches the resource's group~version~kind, sorted by name.
 */
const usePluginTabs = (resource: SDK.K8sResourceCommon | undefined): [NavPage[], unknown[]] => {
  const [extensions, , errors] = useResolvedExtensions<HorizontalNavTab>(isHorizontalNavTab);
  const gvk = resource ? getGroupVersionKindForResource(resource) : undefined;
  const reference = gvk ? getReference(gvk) : undefined;
  const pages = useMemo(
    () =>
      extensions
        .filter((e) => reference && getReference(e.properties.model) === reference)
        .map((e) => ({
          href: e.properties.page.href,
          name: e.properties.page.name,
          component: e.properties.component as ComponentType,
        }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    [extensions, reference],
  );
  return [pages, errors];
};

/**
 * console's HorizontalNav: tabs for `pages` plus matching plugin tabs, routed relative to the
 * parent route (which must end in `/*`): the first path element after it selects the tab.
 * Tab components get `obj` (the resource), `customData` and the route `params`.
 */
export const HorizontalNav: typeof SDK.HorizontalNav = ({ resource, pages, customData }) => {
  const [pluginPages, errors] = usePluginTabs(resource);
  const allPages = useMemo(() => [...pages, ...pluginPages], [pages, pluginPages]);
  const params = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const splat = params['*'] ?? '';
  const basePath = location.pathname
    .slice(0, location.pathname.length - splat.length)
    .replace(/\/$/, '');
  const active = decodeURIComponent(splat.split('/')[0] ?? '');
  const activePage = allPages.find((page) => pageHref(page) === active);
  const Component = activePage?.component as ComponentType<PageComponentProps> | undefined;

  return (
    <>
      <Tabs
        activeKey={activePage ? pageHref(activePage) : -1}
        onSelect={(_event, key) => {
          const href = String(key);
          void navigate(href ? `${basePath}/${encodeURIComponent(href)}` : basePath);
        }}
        className="pf-v6-u-px-lg"
        data-test="horizontal-nav"
      >
        {allPages.map((page) => (
          <Tab
            key={pageHref(page) || '__details'}
            eventKey={pageHref(page)}
            title={<TabTitleText>{page.name}</TabTitleText>}
            data-test-id={`horizontal-link-${page.name}`}
            data-test={`horizontal-tab-${pageHref(page) || 'details'}`}
          />
        ))}
      </Tabs>
      {errors.length > 0 && (
        <Alert
          variant="danger"
          isInline
          title="Could not load plugin tabs"
          data-test="plugin-tab-error"
        >
          {errors.map((e) => (e instanceof Error ? e.message : String(e))).join('; ')}
        </Alert>
      )}
      {Component ? (
        <Component obj={resource} customData={customData} params={params} />
      ) : (
        <PageSection data-test="horizontal-nav-not-found">
          <Alert variant="warning" isInline title="Page not found">
            No tab &quot;{active}&quot; on this page.
          </Alert>
        </PageSection>
      )}
    </>
  );
};
