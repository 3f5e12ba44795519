import { Fragment, useCallback, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { OverlayEntry } from './OverlayContext';
import { OverlayContext } from './OverlayContext';

/** Renders what useOverlay/useModal launch, outside the page content, as console does. */
export const OverlayProvider = ({ children }: { children?: ReactNode }) => {
  const [entries, setEntries] = useState<OverlayEntry[]>([]);
  const open = useCallback((entry: OverlayEntry) => {
    setEntries((current) => [...current.filter((e) => e.id !== entry.id), entry]);
  }, []);
  const close = useCallback((id: string) => {
    setEntries((current) => current.filter((e) => e.id !== id));
  }, []);
  const value = useMemo(() => ({ open, close }), [open, close]);
  return (
    <OverlayContext.Provider value={value}>
      {children}
      <div data-test="overlays">
        {entries.map(({ id, render }) => (
          <Fragment key={id}>
            {render(() => {
              close(id);
            })}
          </Fragment>
        ))}
      </div>
    </OverlayContext.Provider>
  );
};
