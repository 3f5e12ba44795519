import { PluginStore } from '@openshift/dynamic-plugin-sdk';
import { flagStore } from '../sdk/flags';
import { reportBootError } from './boot-errors';
import { pluginLoadStore } from './plugin-load-state';
import { CONSOLE_VERSION, PLUGIN_MANIFEST_URL } from './plugin-info';
import type { ShareScope } from './share-scope';

/**
 * The PluginStore as console sets it up: plugins register through `__load_plugin_entry__`,
 * their `@console/pluginAPI` dependency resolves to the console version, and extensions are
 * gated by console's feature flags.
 */
export const createPluginStore = (sharedScope: ShareScope): PluginStore => {
  const store = new PluginStore({
    loaderOptions: {
      sharedScope,
      customDependencyResolutions: { '@console/pluginAPI': CONSOLE_VERSION },
      entryCallbackSettings: { name: '__load_plugin_entry__' },
    },
  });
  store.setFeatureFlags(flagStore.get());
  flagStore.subscribe(() => {
    store.setFeatureFlags(flagStore.get());
  });
  return store;
};

/** Starts loading the plugin; a manifest that cannot be fetched is reported, not thrown. */
export const loadPlugin = (store: PluginStore): void => {
  store
    .loadPlugin(PLUGIN_MANIFEST_URL)
    .catch((e: unknown) => {
      reportBootError(
        `Could not load the plugin manifest ${PLUGIN_MANIFEST_URL}: ${e instanceof Error ? e.message : String(e)}`,
      );
    })
    .finally(() => {
      pluginLoadStore.set('done');
    });
};
