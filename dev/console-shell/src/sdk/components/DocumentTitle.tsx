import { useEffect } from 'react';
import type * as SDK from '@openshift-console/dynamic-plugin-sdk';

/** The product name console appends to page titles. */
const PRODUCT_NAME = 'Red Hat OpenShift';

/** console's DocumentTitle: sets `<title>` to "<children> · Red Hat OpenShift"; renders nothing. */
export const DocumentTitle: typeof SDK.DocumentTitle = ({ children }) => {
  useEffect(() => {
    document.title = `${children} · ${PRODUCT_NAME}`;
  }, [children]);
  return null;
};
