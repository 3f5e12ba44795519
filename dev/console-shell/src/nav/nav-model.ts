/**
 * The admin perspective's navigation as plain data: console's own Compute items plus plugin
 * `console.navigation/*` extensions, placed with console's insertBefore/insertAfter rules and
 * filtered by feature flags and perspective. Pure functions, so the ordering is unit-tested.
 */

export type Position = string | string[] | undefined;

export interface NavFlags {
  required?: string[];
  disallowed?: string[];
}

interface NavEntryBase {
  id: string;
  perspective?: string;
  insertBefore?: Position;
  insertAfter?: Position;
  dataAttributes?: Record<string, string>;
  flags?: NavFlags;
}

export interface NavLinkEntry extends NavEntryBase {
  kind: 'link';
  name: string;
  href: string;
  section?: string;
  startsWith?: string[];
}

export interface NavSeparatorEntry extends NavEntryBase {
  kind: 'separator';
  section?: string;
}

export interface NavSectionEntry extends NavEntryBase {
  kind: 'section';
  name?: string;
}

export type NavEntry = NavLinkEntry | NavSeparatorEntry | NavSectionEntry;

/** A section with its sorted children; top-level links and separators have no children. */
export type NavTreeNode =
  | (NavSectionEntry & { children: (NavLinkEntry | NavSeparatorEntry)[] })
  | NavLinkEntry
  | NavSeparatorEntry;

/** Console's Compute section and the three items the shell implements, in console's ids. */
const CONSOLE_NAV: NavEntry[] = [
  {
    kind: 'section',
    id: 'compute',
    name: 'Compute',
    perspective: 'admin',
    dataAttributes: { 'data-quickstart-id': 'qs-nav-compute' },
    flags: { required: ['CAN_LIST_NODE'] },
  },
  {
    kind: 'link',
    id: 'nodes',
    section: 'compute',
    name: 'Nodes',
    href: '/k8s/cluster/nodes',
    perspective: 'admin',
  },
  {
    kind: 'link',
    id: 'machineconfigs',
    section: 'compute',
    name: 'MachineConfigs',
    href: '/k8s/cluster/machineconfiguration.openshift.io~v1~MachineConfig',
    perspective: 'admin',
    flags: { required: ['MACHINE_CONFIG'] },
  },
  {
    kind: 'link',
    id: 'machineconfigpools',
    section: 'compute',
    name: 'MachineConfigPools',
    href: '/k8s/cluster/machineconfiguration.openshift.io~v1~MachineConfigPool',
    perspective: 'admin',
    insertAfter: 'machineconfigs',
    flags: { required: ['MACHINE_CONFIG'] },
  },
];

/** An extension is in use when all required flags are true and no disallowed flag is. */
export const flagsAllow = (flags: NavFlags | undefined, values: Record<string, boolean>): boolean =>
  (flags?.required ?? []).every((f) => values[f]) &&
  !(flags?.disallowed ?? []).some((f) => values[f]);

const toArray = (value: Position): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** Does `item` ask to be placed relative to `other`? */
const dependsOn = (item: NavEntry, other: NavEntry): boolean =>
  [...toArray(item.insertBefore), ...toArray(item.insertAfter)].includes(other.id);

const isPositioned = (item: NavEntry, all: NavEntry[]): boolean =>
  all.some((other) => dependsOn(item, other));

/**
 * Where an item goes: before the first `insertBefore` id found, else after the first
 * `insertAfter` id found (insertBefore wins, as in console), else -1 (append).
 */
const insertionIndex = (item: NavEntry, current: NavEntry[]): number => {
  for (const id of toArray(item.insertBefore)) {
    const index = current.findIndex((e) => e.id === id);
    if (index >= 0) {
      return index;
    }
  }
  for (const id of toArray(item.insertAfter)) {
    const index = current.findIndex((e) => e.id === id);
    if (index >= 0) {
      return index + 1;
    }
  }
  return -1;
};

const insertPositioned = <T extends NavEntry>(toInsert: T[], current: T[]): void => {
  if (toInsert.length === 0) {
    return;
  }
  const free = toInsert.filter((item) => !isPositioned(item, toInsert));
  const dependent = toInsert.filter((item) => isPositioned(item, toInsert));
  // Items that only depend on each other in a cycle are inserted as they come.
  const now = free.length > 0 ? free : dependent;
  now.forEach((item) => {
    const index = insertionIndex(item, current);
    if (index >= 0) {
      current.splice(index, 0, item);
    } else {
      current.push(item);
    }
  });
  if (free.length > 0) {
    insertPositioned(dependent, current);
  }
};

/**
 * Console's getSortedNavExtensions: items that name no other item of the list keep their order;
 * the others are inserted at their insertBefore/insertAfter position, items that depend on
 * other positioned items last. A target that does not exist leaves the item unpositioned.
 */
export const sortNavEntries = <T extends NavEntry>(entries: T[]): T[] => {
  const sorted = entries.filter((item) => !isPositioned(item, entries));
  insertPositioned(
    entries.filter((item) => isPositioned(item, entries)),
    sorted,
  );
  return sorted;
};

/**
 * The navigation tree for a perspective: console's entries first, then the plugins', filtered
 * by flags and perspective, each level sorted by sortNavEntries. Empty sections are dropped.
 */
export const buildNavTree = (
  pluginEntries: NavEntry[],
  flags: Record<string, boolean>,
  perspective = 'admin',
): NavTreeNode[] => {
  const inUse = [...CONSOLE_NAV, ...pluginEntries].filter(
    (e) => flagsAllow(e.flags, flags) && (!e.perspective || e.perspective === perspective),
  );
  const sectionIds = new Set(inUse.filter((e) => e.kind === 'section').map((e) => e.id));
  const topLevel = inUse.filter((e) => e.kind === 'section' || !e.section);
  return sortNavEntries(topLevel).flatMap((entry): NavTreeNode[] => {
    if (entry.kind !== 'section') {
      return [entry];
    }
    const children = sortNavEntries(
      inUse.filter(
        (e): e is NavLinkEntry | NavSeparatorEntry =>
          e.kind !== 'section' && e.section === entry.id && sectionIds.has(entry.id),
      ),
    );
    return children.some((c) => c.kind === 'link') ? [{ ...entry, children }] : [];
  });
};
