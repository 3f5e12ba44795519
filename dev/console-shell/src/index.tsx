/**
 * Boots the local console shell the way console boots: PatternFly CSS, the theme, console's
 * feature flags, i18next with the plugin's catalog, a PluginStore with console's share scope,
 * then the app. The plugin loads while the chrome renders.
 */
import '@patternfly/patternfly/patternfly.css';
import '@patternfly/patternfly/patternfly-addons.css';
import './shell.css';
import { Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { initTheme } from './app/theme';
import { codeRefLoading } from './boot/code-ref-loading';
import { initI18n } from './boot/i18n';
import { createPluginStore, loadPlugin } from './boot/plugin-store';
import { readBootOptions } from './boot/query-options';
import { createShareScope } from './boot/share-scope';
import { defaultFlags, flagStore } from './sdk/flags';
import { defaultWatchStore } from './sdk/watch/watch-store';

declare global {
  interface Window {
    /** For debugging and tests: the shell's plugin store and watch status. */
    __KMM_DAY1_SHELL__?: Record<string, unknown>;
  }
}

const boot = async () => {
  const options = readBootOptions(window.location.search);
  initTheme(options.theme);
  codeRefLoading.lazy = options.lazyCodeRefs;
  if (options.reconnectGraceMs !== undefined) {
    defaultWatchStore.setTimings({ reconnectGraceMs: options.reconnectGraceMs });
  }
  flagStore.set({
    ...defaultFlags(),
    ...Object.fromEntries(options.disabledFlags.map((flag) => [flag, false])),
  });
  await initI18n();

  const sharedScope = createShareScope(options.omitSharedModules);
  const pluginStore = createPluginStore(sharedScope);
  window.__KMM_DAY1_SHELL__ = {
    pluginStore,
    sharedScope,
    watchStatus: () => defaultWatchStore.getStatus(),
  };
  loadPlugin(pluginStore);

  const container = document.getElementById('app');
  if (container) {
    createRoot(container).render(
      <Suspense fallback={null}>
        <App pluginStore={pluginStore} />
      </Suspense>,
    );
  }
};

void boot();
