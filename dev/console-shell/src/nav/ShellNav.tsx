import { useMemo } from 'react';
import { Nav, NavItemSeparator, NavList } from '@patternfly/react-core';
import { useTranslatedExtensions } from '../sdk/extensions/useTranslatedExtensions';
import { flagStore } from '../sdk/flags';
import { useActivePerspective } from '../sdk/hooks/useActivePerspective';
import { useSmallStore } from '../sdk/utils/small-store';
import { isNavExtension, navEntryFromExtension } from './extension-to-nav-entry';
import type { NavEntry } from './nav-model';
import { buildNavTree } from './nav-model';
import { NavLinkItem } from './NavLinkItem';
import { NavSectionItem } from './NavSectionItem';

/** The perspective's navigation: console's entries with the plugins' merged in. */
export const ShellNav = () => {
  const extensions = useTranslatedExtensions(isNavExtension);
  const flags = useSmallStore(flagStore);
  const [perspective] = useActivePerspective();
  const tree = useMemo(
    () =>
      buildNavTree(
        extensions.map(navEntryFromExtension).filter((e): e is NavEntry => !!e),
        flags,
        perspective,
      ),
    [extensions, flags, perspective],
  );
  return (
    <Nav aria-label="Navigation" data-test="shell-nav">
      <NavList>
        {tree.map((node) => {
          switch (node.kind) {
            case 'section':
              return <NavSectionItem key={node.id} section={node} items={node.children} />;
            case 'link':
              return <NavLinkItem key={node.id} entry={node} />;
            default:
              return <NavItemSeparator key={node.id} role="presentation" />;
          }
        })}
      </NavList>
    </Nav>
  );
};
