/**
 * The words of the preflight: the preflight module speaks codes with parameters; these are what the
 * panel, its reboot summary and the create confirmation show, from the same notes.
 */
import type { Translate } from '../shared/usePluginTranslation';
import type { PoolNote, RebootNote } from '../../preflight';

const list = (names: readonly string[]): string => names.join(', ');

export const poolNoteText = (t: Translate, note: PoolNote): string => {
  switch (note.code) {
    case 'inheriting-pools':
      return t(
        'Configs for {{pool}} also reach the nodes of these pools, which inherit its configs: {{pools}}.',
        { pool: note.pool, pools: list(note.pools) },
      );
    case 'nodes-leave-pool':
      return t('These nodes leave the {{from}} pool for {{pool}}: {{nodes}}.', {
        count: note.nodes.length,
        from: note.from,
        pool: note.pool,
        nodes: list(note.nodes),
        defaultValue_one: 'This node leaves the {{from}} pool for {{pool}}: {{nodes}}.',
      });
    case 'keeps-inherited-configs':
      return t(
        '{{pool}} inherits the configs for {{from}}: these nodes keep them, and get the configs for {{pool}} as well.',
        { pool: note.pool, from: note.from },
      );
    case 'loses-configs':
      return t('{{pool}} does not take the configs for {{from}}: these nodes stop getting them.', {
        pool: note.pool,
        from: note.from,
      });
    case 'unmanaged-nodes-join':
      return t(
        'These nodes are in no pool yet; the Machine Config Operator starts managing them in {{pool}}: {{nodes}}.',
        {
          count: note.nodes.length,
          pool: note.pool,
          nodes: list(note.nodes),
          defaultValue_one:
            'This node is in no pool yet; the Machine Config Operator starts managing it in {{pool}}: {{nodes}}.',
        },
      );
  }
};

export const rebootNoteText = (t: Translate, note: RebootNote): string => {
  switch (note.code) {
    case 'no-nodes':
      return t('No node is in pool {{pool}}: nodes load the module when they join it.', {
        pool: note.pool,
      });
    case 'reboots':
      return t('{{count}} nodes of pool {{pool}} will reboot.', {
        count: note.nodeCount,
        pool: note.pool,
        defaultValue_one: '{{count}} node of pool {{pool}} will reboot.',
      });
    case 'rounds':
      return t(
        'The Machine Config Operator reboots each node to apply the config, {{maxUnavailable}} at a time: {{count}} rounds.',
        {
          count: note.batches,
          maxUnavailable: note.maxUnavailable,
          defaultValue_one:
            'The Machine Config Operator reboots each node to apply the config, {{maxUnavailable}} at a time: {{count}} round.',
        },
      );
    case 'reboot-twice':
      return t(
        'On first apply these nodes reboot a second time, after pulling the kernel module image: {{nodes}}.',
        {
          count: note.nodes.length,
          nodes: list(note.nodes),
          defaultValue_one:
            'On first apply this node reboots a second time, after pulling the kernel module image: {{nodes}}.',
        },
      );
    case 'pull-new-image':
      return t('These nodes then pull the new image and reboot a second time: {{nodes}}.', {
        count: note.nodes.length,
        nodes: list(note.nodes),
        defaultValue_one:
          'This node then pulls the new image and reboots a second time: {{nodes}}.',
      });
    case 'reboot-once':
      return t(
        'These nodes reboot once: the images they load the module from are already on them: {{nodes}}.',
        {
          count: note.nodes.length,
          nodes: list(note.nodes),
          defaultValue_one:
            'This node reboots once: the images it loads the module from are already on it: {{nodes}}.',
        },
      );
    case 'lose-module':
      return t(
        'The new image has no tag for the kernel of these nodes: they reboot once and come back on the in-tree driver, without the module they load now: {{nodes}}.',
        {
          count: note.nodes.length,
          nodes: list(note.nodes),
          defaultValue_one:
            'The new image has no tag for the kernel of this node: it reboots once and comes back on the in-tree driver, without the module it loads now: {{nodes}}.',
        },
      );
    case 'no-change':
      return t('Nothing has changed: saving would change nothing, and no node reboots.');
    case 'keep-in-tree':
      return t(
        'No image exists for the kernel of these nodes: they reboot once and boot on the in-tree driver, without the module: {{nodes}}.',
        {
          count: note.nodes.length,
          nodes: list(note.nodes),
          defaultValue_one:
            'No image exists for the kernel of this node: it reboots once and boots on the in-tree driver, without the module: {{nodes}}.',
        },
      );
    case 'not-checked':
      return t(
        'Not checked: {{nodes}}. They reboot once, and a second time if their image exists.',
        {
          count: note.nodes.length,
          nodes: list(note.nodes),
          defaultValue_one:
            'Not checked: {{nodes}}. It reboots once, and a second time if its image exists.',
        },
      );
    case 'not-checked-yet':
      return t(
        'Images not checked yet: {{nodes}} reboot once, and a second time if their image exists.',
        {
          count: note.nodes.length,
          nodes: list(note.nodes),
          defaultValue_one:
            'Image not checked yet: {{nodes}} reboots once, and a second time if its image exists.',
        },
      );
    case 'estimate':
      return t(
        'About {{low}} to {{high}} minutes until every node is done, at max unavailable {{maxUnavailable}}.',
        { low: note.low, high: note.high, maxUnavailable: note.maxUnavailable },
      );
    case 'paused':
      return t('The pool is paused: no node reboots until you resume it.');
  }
};

/** The data-test name of a reboot note, prefixed by where it is shown. */
export const rebootNoteTestId = (prefix: string, note: RebootNote): string => {
  switch (note.code) {
    case 'not-checked':
    case 'not-checked-yet':
      return `${prefix}-unchecked`;
    default:
      return `${prefix}-${note.code}`;
  }
};
