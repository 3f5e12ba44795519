import { createContext } from 'react';
import type { ReactNode } from 'react';

export interface OverlayEntry {
  id: string;
  /** Renders the launched component with its close callback. */
  render: (close: () => void) => ReactNode;
}

export interface OverlayContextValue {
  open: (entry: OverlayEntry) => void;
  close: (id: string) => void;
}

/** Filled by the shell's OverlayProvider; a no-op outside it (unit tests without the shell). */
export const OverlayContext = createContext<OverlayContextValue>({
  open: () => undefined,
  close: () => undefined,
});
