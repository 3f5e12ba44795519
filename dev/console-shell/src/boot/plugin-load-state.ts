import { createSmallStore } from '../sdk/utils/small-store';

/** 'loading' until the PluginStore's loadPlugin settles (loaded or failed). */
export const pluginLoadStore = createSmallStore<'loading' | 'done'>('loading');
