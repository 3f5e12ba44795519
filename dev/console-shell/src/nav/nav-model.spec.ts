/** @jest-environment node */
import type { NavEntry, NavLinkEntry, NavTreeNode } from './nav-model';
import { buildNavTree, flagsAllow, sortNavEntries } from './nav-model';

const FLAGS = { CAN_LIST_NODE: true, MACHINE_CONFIG: true };

const link = (id: string, extra: Partial<NavLinkEntry> = {}): NavLinkEntry => ({
  kind: 'link',
  id,
  name: id,
  href: `/${id}`,
  section: 'compute',
  perspective: 'admin',
  ...extra,
});

/** The ids of the Compute section, in order. */
const computeIds = (tree: NavTreeNode[]): string[] => {
  const compute = tree.find((n) => n.kind === 'section' && n.id === 'compute');
  return compute?.kind === 'section' ? compute.children.map((c) => c.id) : [];
};

describe('console nav ordering', () => {
  it('has console ids for the Compute items, the section gated by CAN_LIST_NODE', () => {
    const tree = buildNavTree([], FLAGS);
    expect(computeIds(tree)).toEqual(['nodes', 'machineconfigs', 'machineconfigpools']);
    expect(tree[0]).toMatchObject({
      kind: 'section',
      id: 'compute',
      name: 'Compute',
      dataAttributes: { 'data-quickstart-id': 'qs-nav-compute' },
    });
    expect(buildNavTree([], { MACHINE_CONFIG: true })).toEqual([]);
    expect(computeIds(buildNavTree([], { CAN_LIST_NODE: true }))).toEqual(['nodes']);
  });

  it('puts the plugin item right after MachineConfigPools (insertAfter)', () => {
    const tree = buildNavTree(
      [link('day1-kernel-modules', { insertAfter: 'machineconfigpools' })],
      FLAGS,
    );
    expect(computeIds(tree)).toEqual([
      'nodes',
      'machineconfigs',
      'machineconfigpools',
      'day1-kernel-modules',
    ]);
  });

  it('honours insertBefore, which wins over insertAfter', () => {
    const tree = buildNavTree(
      [link('x', { insertBefore: 'machineconfigs', insertAfter: 'machineconfigpools' })],
      FLAGS,
    );
    expect(computeIds(tree)).toEqual(['nodes', 'x', 'machineconfigs', 'machineconfigpools']);
  });

  it('takes the first id of a list that exists', () => {
    const tree = buildNavTree(
      [link('x', { insertAfter: ['machinesets', 'nodes', 'machineconfigs'] })],
      FLAGS,
    );
    expect(computeIds(tree)).toEqual(['nodes', 'x', 'machineconfigs', 'machineconfigpools']);
  });

  it('falls back when the preferred target is gated off by its flags', () => {
    const tree = buildNavTree([link('x', { insertAfter: ['machineconfigpools', 'nodes'] })], {
      CAN_LIST_NODE: true,
    });
    expect(computeIds(tree)).toEqual(['nodes', 'x']);
  });

  it('appends items whose targets do not exist, in extension order', () => {
    const tree = buildNavTree([link('a', { insertAfter: 'nope' }), link('b')], FLAGS);
    expect(computeIds(tree)).toEqual(['nodes', 'machineconfigs', 'machineconfigpools', 'a', 'b']);
  });

  it('places items that depend on other plugin items after them', () => {
    const tree = buildNavTree(
      [link('second', { insertAfter: 'first' }), link('first', { insertAfter: 'nodes' })],
      FLAGS,
    );
    expect(computeIds(tree)).toEqual([
      'nodes',
      'first',
      'second',
      'machineconfigs',
      'machineconfigpools',
    ]);
  });

  it('survives circular positions', () => {
    const entries = [link('a', { insertAfter: 'b' }), link('b', { insertAfter: 'a' })];
    expect(
      sortNavEntries(entries)
        .map((e) => e.id)
        .sort(),
    ).toEqual(['a', 'b']);
  });

  it('drops items whose required flags are off or disallowed flags are on', () => {
    const tree = buildNavTree(
      [
        link('needs-mc', { flags: { required: ['MACHINE_CONFIG'] } }),
        link('needs-capi', { flags: { required: ['CLUSTER_API'] } }),
        link('not-on-openshift', { flags: { disallowed: ['MACHINE_CONFIG'] } }),
        link('not-on-capi', { flags: { disallowed: ['CLUSTER_API'] } }),
      ],
      FLAGS,
    );
    expect(computeIds(tree)).toEqual([
      'nodes',
      'machineconfigs',
      'machineconfigpools',
      'needs-mc',
      'not-on-capi',
    ]);
    expect(flagsAllow(undefined, {})).toBe(true);
  });

  it('keeps only the active perspective and known sections; top-level items stay top level', () => {
    const entries: NavEntry[] = [
      link('dev-only', { perspective: 'dev' }),
      link('orphan', { section: 'no-such-section' }),
      { kind: 'link', id: 'top', name: 'Top', href: '/top', insertBefore: 'compute' },
      { kind: 'section', id: 'mine', name: 'Mine', insertAfter: 'compute' },
      link('in-mine', { section: 'mine' }),
    ];
    const tree = buildNavTree(entries, FLAGS);
    expect(tree.map((n) => n.id)).toEqual(['top', 'compute', 'mine']);
    expect(computeIds(tree)).toEqual(['nodes', 'machineconfigs', 'machineconfigpools']);
  });
});
