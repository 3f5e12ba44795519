import { createContext, useContext } from 'react';
import type { WatchStore } from './watch-store';
import { defaultWatchStore } from './watch-store';

/** Which store the watch hooks use: the browser-wide one unless a test provides its own. */
export const WatchStoreContext = createContext<WatchStore>(defaultWatchStore);

export const useWatchStore = (): WatchStore => useContext(WatchStoreContext);
