import { memo } from 'react';
import {
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
} from '@patternfly/react-core';
import type { ReactNode } from 'react';

interface PoolCardItemProps {
  term: string;
  children: ReactNode;
  test?: string;
}

/** A term and its value in a pool card's description lists. Memoised: most values are numbers. */
const PoolCardItem = ({ term, children, test }: PoolCardItemProps) => (
  <DescriptionListGroup>
    <DescriptionListTerm>{term}</DescriptionListTerm>
    <DescriptionListDescription data-test={test}>{children}</DescriptionListDescription>
  </DescriptionListGroup>
);

export default memo(PoolCardItem);
