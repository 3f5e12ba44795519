import { createElement, useCallback, useContext } from 'react';
import type * as SDK from '@openshift-console/dynamic-plugin-sdk';
import { OverlayContext } from './OverlayContext';

/**
 * console's deprecated useModal: a modal receives `closeModal`; launching again with the same id
 * (one shared default id when none is given) replaces the open modal.
 */
// eslint-disable-next-line @typescript-eslint/no-deprecated -- plugins may still use it
export const useModal: typeof SDK.useModal = () => {
  const { open } = useContext(OverlayContext);
  return useCallback(
    (component, extraProps, id) => {
      open({
        id: `modal-${id ?? 'default'}`,
        render: (close) => createElement(component, { ...extraProps, closeModal: close }),
      });
    },
    [open],
  );
};
