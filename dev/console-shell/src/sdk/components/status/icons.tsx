import type { ComponentType } from 'react';
import { Icon } from '@patternfly/react-core';
import type * as SDK from '@openshift-console/dynamic-plugin-sdk';
import CheckCircleIcon from '@patternfly/react-icons/dist/js/icons/check-circle-icon';
import ExclamationCircleIcon from '@patternfly/react-icons/dist/js/icons/exclamation-circle-icon';
import ExclamationTriangleIcon from '@patternfly/react-icons/dist/js/icons/exclamation-triangle-icon';
import InfoCircleIcon from '@patternfly/react-icons/dist/js/icons/info-circle-icon';
import type { SVGIconProps } from '@patternfly/react-icons/dist/js/createIcon';

type StatusIconProps = SDK.ColoredIconProps & { dataTest?: string };

/**
 * console's coloured status icons, in the PF status colours. The four exports differ only in
 * their glyph and colour, so one factory makes them.
 */
const coloredIcon = (
  Glyph: ComponentType<SVGIconProps>,
  colorClass: string,
  defaultDataTest?: string,
) => {
  const ColoredIcon = ({ className, title, size, dataTest }: StatusIconProps) => {
    const glyph = (
      <Glyph
        className={[colorClass, className].filter(Boolean).join(' ')}
        title={title}
        data-test={dataTest ?? defaultDataTest}
      />
    );
    return size ? <Icon size={size}>{glyph}</Icon> : glyph;
  };
  return ColoredIcon;
};

export const GreenCheckCircleIcon: typeof SDK.GreenCheckCircleIcon = coloredIcon(
  CheckCircleIcon,
  'dps-icons__green-check-icon',
  'success-icon',
);
export const RedExclamationCircleIcon: typeof SDK.RedExclamationCircleIcon = coloredIcon(
  ExclamationCircleIcon,
  'dps-icons__red-exclamation-icon',
);
export const YellowExclamationTriangleIcon: typeof SDK.YellowExclamationTriangleIcon = coloredIcon(
  ExclamationTriangleIcon,
  'dps-icons__yellow-exclamation-icon',
);
export const BlueInfoCircleIcon: typeof SDK.BlueInfoCircleIcon = coloredIcon(
  InfoCircleIcon,
  'dps-icons__blue-info-icon',
);
