import { useState } from 'react';
import { NavExpandable, NavItemSeparator } from '@patternfly/react-core';
import { useLocation } from 'react-router';
import type { NavLinkEntry, NavSectionEntry, NavSeparatorEntry } from './nav-model';
import { isHrefActive } from './extension-to-nav-entry';
import { NavLinkItem } from './NavLinkItem';

interface NavSectionItemProps {
  section: NavSectionEntry;
  items: (NavLinkEntry | NavSeparatorEntry)[];
}

/**
 * A collapsible section like console's NavSection: `data-test="nav"` on the item and the
 * section's dataAttributes (e.g. `data-quickstart-id="qs-nav-compute"`) on its button.
 * Collapsed unless one of its links is the current page, as in console.
 */
export const NavSectionItem = ({ section, items }: NavSectionItemProps) => {
  const { pathname } = useLocation();
  const isActive = items.some(
    (i) => i.kind === 'link' && isHrefActive(pathname, i.href, i.startsWith),
  );
  const [expanded, setExpanded] = useState(isActive);
  // Navigating into the section opens it (state derived from the previous render).
  const [wasActive, setWasActive] = useState(isActive);
  if (isActive !== wasActive) {
    setWasActive(isActive);
    if (isActive) {
      setExpanded(true);
    }
  }
  return (
    <NavExpandable
      title={section.name ?? section.id}
      isActive={isActive}
      isExpanded={expanded}
      onExpand={(_event, value) => {
        setExpanded(value);
      }}
      data-test="nav"
      data-nav-id={section.id}
      buttonProps={{ ...section.dataAttributes, 'data-test': `nav-section-${section.id}` }}
    >
      {items.map((item) =>
        item.kind === 'link' ? (
          <NavLinkItem key={item.id} entry={item} />
        ) : (
          <NavItemSeparator key={item.id} role="presentation" {...item.dataAttributes} />
        ),
      )}
    </NavExpandable>
  );
};
