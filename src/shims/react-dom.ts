/**
 * What the plugin build bundles for `react-dom` (webpack.config.ts aliases it here): `createPortal`
 * only. Console does not share react-dom with plugins, and PatternFly's Popper, Modal, AlertGroup and
 * Toolbar import it for `ReactDOM.createPortal` alone. That call only makes a portal element, which
 * console's own react-dom renders; bundling the whole of react-dom for it cost every page about 40 KB
 * of gzipped JS that never ran. The spec checks that this makes the same element as react-dom and that
 * PatternFly uses nothing else from it.
 */
import type { ReactNode, ReactPortal } from 'react';

const REACT_PORTAL_TYPE = Symbol.for('react.portal');

const ELEMENT_NODE = 1;
const DOCUMENT_NODE = 9;
const DOCUMENT_FRAGMENT_NODE = 11;

const isContainer = (node: unknown): boolean => {
  const nodeType = (node as { nodeType?: unknown } | null | undefined)?.nodeType;
  return (
    nodeType === ELEMENT_NODE || nodeType === DOCUMENT_NODE || nodeType === DOCUMENT_FRAGMENT_NODE
  );
};

/** react-dom's createPortal: renders `children` into `container`, outside the parent's DOM node. */
export const createPortal = (
  children: ReactNode,
  container: Element | DocumentFragment,
  key?: string | null,
): ReactPortal => {
  // The same check and message as react-dom, so a wrong target fails as it would there.
  if (!isContainer(container)) throw new Error('Target container is not a DOM element.');
  return {
    $$typeof: REACT_PORTAL_TYPE,
    key: key ?? null,
    children,
    containerInfo: container,
    implementation: null,
  } as unknown as ReactPortal;
};
