import { Button, Popover, PopoverPosition } from '@patternfly/react-core';
import type * as SDK from '@openshift-console/dynamic-plugin-sdk';

/** console's PopoverStatus: the status as an inline link button that opens a popover. */
export const PopoverStatus: typeof SDK.PopoverStatus = ({
  hideHeader,
  children,
  isVisible,
  shouldClose,
  shouldOpen,
  statusBody,
  title,
  onHide,
  onShow,
}) => (
  <Popover
    position={PopoverPosition.right}
    headerContent={hideHeader ? null : title}
    bodyContent={children}
    aria-label={title}
    onHide={onHide}
    onShow={onShow}
    isVisible={isVisible}
    shouldClose={shouldClose}
    shouldOpen={shouldOpen}
  >
    <Button
      variant="link"
      isInline
      className="co-popover-status-button"
      data-test="popover-status-button"
    >
      {statusBody}
    </Button>
  </Popover>
);
