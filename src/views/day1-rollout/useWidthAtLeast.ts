import { useEffect, useState } from 'react';
import type { RefObject } from 'react';
import { getResizeObserver } from '@patternfly/react-core';

/**
 * Whether the element is at least `minWidth` pixels wide, kept up to date as it resizes (the window,
 * the console's navigation opening or closing). False until measured.
 */
export const useWidthAtLeast = (ref: RefObject<HTMLElement | null>, minWidth: number): boolean => {
  const [wide, setWide] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    const measure = () => {
      setWide(element.getBoundingClientRect().width >= minWidth);
    };
    measure();
    return getResizeObserver(element, measure, true);
  }, [ref, minWidth]);
  return wide;
};
