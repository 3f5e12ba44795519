import { createSmallStore } from '../sdk/utils/small-store';

/** Problems found while booting (manifest or locale file missing), shown by PluginErrors. */
export const bootErrorStore = createSmallStore<string[]>([]);

export const reportBootError = (message: string): void => {
  console.error(message);
  bootErrorStore.set([...bootErrorStore.get(), message]);
};
