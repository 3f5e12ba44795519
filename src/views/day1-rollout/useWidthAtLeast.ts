import { useEffect, useState } from 'react';
import { getResizeObserver } from '@patternfly/react-core';

/**
 * Whether the element is at least `minWidth` pixels wide, kept up to date as it resizes (the window,
 * the console's navigation opening or closing). False until measured, and without an element.
 */
export const useWidthAtLeast = (element: HTMLElement | null, minWidth: number): boolean => {
  const [wide, setWide] = useState(false);
  useEffect(() => {
    if (!element) return undefined;
    const measure = () => {
      setWide(element.getBoundingClientRect().width >= minWidth);
    };
    measure();
    return getResizeObserver(element, measure, true);
  }, [element, minWidth]);
  return wide;
};
