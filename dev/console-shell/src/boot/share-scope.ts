import * as React from 'react';
import * as ReactI18next from 'react-i18next';
import * as ReactRouter from 'react-router';
import * as PluginSDK from '@openshift/dynamic-plugin-sdk';
import pluginSdkPackage from '@openshift/dynamic-plugin-sdk/package.json';
import reactPackage from 'react/package.json';
import reactI18nextPackage from 'react-i18next/package.json';
import reactRouterPackage from 'react-router/package.json';
import * as ConsoleSDK from '../sdk';
import { CONSOLE_VERSION } from './plugin-info';

/** webpack's share scope: package → version → how to get the module (a factory, as webpack expects). */
export type ShareScope = Record<
  string,
  Record<string, { get: () => Promise<() => unknown>; loaded: 1; from: string; eager: boolean }>
>;

const provide = (version: string, module: unknown) => ({
  [version]: {
    get: () => Promise.resolve(() => module),
    // `loaded` pins the shell's copy so that a plugin's own fallback never replaces it.
    loaded: 1 as const,
    from: 'kmm-day1-console-shell',
    eager: false,
  },
});

/**
 * The modules console shares with plugins as singletons (the plugin build marks them
 * `import: false`, so the plugin has no copy of its own): React, React Router v7 (the
 * deprecated react-router-dom names alias it, as in console 4.22), react-i18next, the plugin
 * runtime, and the console SDK, here the shell's implementation.
 */
export const createShareScope = (omit: string[] = []): ShareScope => {
  const scope: ShareScope = {
    react: provide(reactPackage.version, React),
    'react-router': provide(reactRouterPackage.version, ReactRouter),
    'react-router-dom': provide(reactRouterPackage.version, ReactRouter),
    'react-router-dom-v5-compat': provide(reactRouterPackage.version, ReactRouter),
    'react-i18next': provide(reactI18nextPackage.version, ReactI18next),
    '@openshift/dynamic-plugin-sdk': provide(pluginSdkPackage.version, PluginSDK),
    '@openshift-console/dynamic-plugin-sdk': provide(CONSOLE_VERSION, ConsoleSDK),
  };
  return Object.fromEntries(Object.entries(scope).filter(([name]) => !omit.includes(name)));
};
