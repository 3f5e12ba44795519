import { Page, PageSidebar, PageSidebarBody } from '@patternfly/react-core';
import { PluginStoreProvider } from '@openshift/dynamic-plugin-sdk';
import type { PluginStore } from '@openshift/dynamic-plugin-sdk';
import { BrowserRouter } from 'react-router';
import { ShellNav } from '../nav/ShellNav';
import { OverlayProvider } from '../sdk/overlay/OverlayProvider';
import { AppRoutes } from './AppRoutes';
import { PluginErrors } from './PluginErrors';
import { ShellMasthead } from './ShellMasthead';

/** The console chrome: masthead, admin navigation, plugin errors, and the routed page. */
export const App = ({ pluginStore }: { pluginStore: PluginStore }) => (
  <PluginStoreProvider store={pluginStore}>
    <BrowserRouter>
      <OverlayProvider>
        <Page
          isManagedSidebar
          masthead={<ShellMasthead />}
          sidebar={
            <PageSidebar>
              <PageSidebarBody>
                <ShellNav />
              </PageSidebarBody>
            </PageSidebar>
          }
          data-test="shell-page"
        >
          <PluginErrors />
          <AppRoutes />
        </Page>
      </OverlayProvider>
    </BrowserRouter>
  </PluginStoreProvider>
);
