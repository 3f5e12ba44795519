import type { AnchorHTMLAttributes } from 'react';
import {
  Masthead,
  MastheadBrand,
  MastheadContent,
  MastheadLogo,
  MastheadMain,
  MastheadToggle,
  PageToggleButton,
  Toolbar,
  ToolbarContent,
  ToolbarGroup,
  ToolbarItem,
} from '@patternfly/react-core';
import BarsIcon from '@patternfly/react-icons/dist/js/icons/bars-icon';
import { Link } from 'react-router';
import { ThemeToggle } from './ThemeToggle';
import { UserSwitcher } from './UserSwitcher';
import { WatchStatusIndicator } from './WatchStatusIndicator';

/** The logo links home through the router (no page reload). */
const HomeLink = (props: AnchorHTMLAttributes<HTMLAnchorElement>) => (
  <Link {...props} to="/" className={`${props.className ?? ''} kmm-shell-brand-link`} />
);

/** The masthead: product name, watch status, theme toggle and user switcher. */
export const ShellMasthead = () => (
  <Masthead data-test="masthead">
    <MastheadMain>
      <MastheadToggle>
        <PageToggleButton variant="plain" aria-label="Global navigation">
          <BarsIcon />
        </PageToggleButton>
      </MastheadToggle>
      <MastheadBrand>
        <MastheadLogo component={HomeLink} data-test="masthead-logo">
          <span className="kmm-shell-brand">
            <strong>Red Hat OpenShift</strong>
            <span className="kmm-shell-brand-note">local console shell</span>
          </span>
        </MastheadLogo>
      </MastheadBrand>
    </MastheadMain>
    <MastheadContent>
      <Toolbar isFullHeight isStatic>
        <ToolbarContent>
          <ToolbarGroup align={{ default: 'alignEnd' }} alignItems="center">
            <ToolbarItem>
              <WatchStatusIndicator />
            </ToolbarItem>
            <ToolbarItem>
              <ThemeToggle />
            </ToolbarItem>
            <ToolbarItem>
              <UserSwitcher />
            </ToolbarItem>
          </ToolbarGroup>
        </ToolbarContent>
      </Toolbar>
    </MastheadContent>
  </Masthead>
);
