import { Fragment } from 'react';
import type * as SDK from '@openshift-console/dynamic-plugin-sdk';

/**
 * console's CamelCaseWrap: the text with a line-break opportunity before each capital (runs of
 * capitals stay together), so that `MachineConfigNode` can wrap in a narrow cell; "-" without text.
 */
export const CamelCaseWrap: typeof SDK.CamelCaseWrap = ({ value, dataTest }) => {
  if (!value) {
    return <>-</>;
  }
  const words = value.match(/[A-Z]+[^A-Z]*|[^A-Z]+/g) ?? [value];
  return (
    <span data-test={dataTest}>
      {words.map((word, index) => (
        <Fragment key={index}>
          {word}
          {index !== words.length - 1 && <wbr />}
        </Fragment>
      ))}
    </span>
  );
};
