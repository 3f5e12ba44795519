import { createElement, useCallback, useContext } from 'react';
import type * as SDK from '@openshift-console/dynamic-plugin-sdk';
import { OverlayContext } from './OverlayContext';

let nextId = 0;

/** console's useOverlay: each launch adds an overlay that receives `closeOverlay`. */
export const useOverlay: typeof SDK.useOverlay = () => {
  const { open } = useContext(OverlayContext);
  return useCallback(
    (component, extraProps) => {
      nextId += 1;
      open({
        id: `overlay-${String(nextId)}`,
        render: (close) => createElement(component, { ...extraProps, closeOverlay: close }),
      });
    },
    [open],
  );
};
