import { NavItem } from '@patternfly/react-core';
import { Link, useLocation } from 'react-router';
import type { NavLinkEntry } from './nav-model';
import { isHrefActive } from './extension-to-nav-entry';

/**
 * A nav link as console renders it: `data-test="nav"` plus the item's dataAttributes. The
 * shell adds `data-nav-id` (the extension id) so tests can check the order.
 */
export const NavLinkItem = ({ entry }: { entry: NavLinkEntry }) => {
  const { pathname } = useLocation();
  return (
    <NavItem isActive={isHrefActive(pathname, entry.href, entry.startsWith)}>
      <Link data-test="nav" data-nav-id={entry.id} {...entry.dataAttributes} to={entry.href}>
        {entry.name}
      </Link>
    </NavItem>
  );
};
