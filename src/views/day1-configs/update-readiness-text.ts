/**
 * Update readiness in the console's words. The update-readiness module speaks in codes; the CLI words
 * the same codes in English (src/rollout/update-readiness-english.ts).
 */
import type { ClusterUpdate, ConfigReadiness, PoolReadiness } from '../../rollout';
import { tagCheckText } from '../shared/kernel-coverage-text';
import type { Translate } from '../shared/usePluginTranslation';

/** "Updating to 4.20.3", "Update available: 4.20.3". */
export const clusterUpdateText = (t: Translate, update: ClusterUpdate): string => {
  switch (update.state) {
    case 'none':
      return t('The cluster is not updating and no update is available');
    case 'available':
      return t('OpenShift update available: {{versions}}', {
        versions: update.versions.join(', '),
      });
    case 'updating':
      return update.from === undefined
        ? t('OpenShift is updating to {{version}}', { version: update.version })
        : t('OpenShift is updating from {{from}} to {{version}}', {
            version: update.version,
            from: update.from,
          });
    case 'poolsUpdating':
      return t(
        'OpenShift {{version}}: the control plane is updated; pools still updating: {{pools}}',
        { version: update.version, pools: update.pools.join(', ') },
      );
  }
};

/** What to do for one config. */
export const readinessActionText = (t: Translate, readiness: ConfigReadiness): string => {
  const { action } = readiness;
  switch (action.code) {
    case 'ready':
      return t('Ready: the image has a tag for every new kernel.');
    case 'waitForNewKernel':
      return readiness.note === 'knownWhenUpdateStarts'
        ? t(
            'The new kernel is known once the update starts: the Driver Toolkit image stream declares it before any node reboots.',
          )
        : t(
            'This cluster has no Driver Toolkit image stream that declares kernels, so the check starts when the first node reboots into the new kernel (a control-plane node, first).',
          );
    case 'unknown':
      return t('Cannot tell yet: {{why}}', { why: tagCheckText(t, action.check) });
    case 'pushTagAndPause':
      return t(
        'Push {{references}} before the nodes of {{pools}} update, or pause {{pools}} until the tag exists: without it, its nodes boot the new kernel with the in-tree driver.',
        { references: action.references.join(', '), pools: action.pools.join(', ') },
      );
    case 'pushTag':
      return action.pausedPools.length > 0
        ? t('Push {{references}}, then resume {{pools}}.', {
            references: action.references.join(', '),
            pools: action.pausedPools.join(', '),
          })
        : t(
            'Push {{references}}: the nodes that run that kernel run the in-tree driver until then.',
            {
              references: action.references.join(', '),
            },
          );
    case 'resume':
      return t('The image has the new kernel’s tag now: resume {{pools}}.', {
        pools: action.pools.join(', '),
      });
    case 'waitForOtherConfigs':
      return t(
        'The image has the new kernel’s tag, but {{pools}} also takes {{configs}}: keep it paused until that image has its tag too.',
        { pools: action.pools.join(', '), configs: action.configs.join(', ') },
      );
  }
};

/** What to do with one pool, across every Day 1 config that reaches it. */
export const poolReadinessText = (t: Translate, { pool, action }: PoolReadiness): string => {
  switch (action.code) {
    case 'pause':
      return t(
        '{{pool}}: {{configs}} has no tag for the kernel its nodes would reboot into. Pause the pool until the tag exists.',
        { pool, configs: action.configs.join(', ') },
      );
    case 'keepPaused':
      return t(
        '{{pool}} is paused: keep it paused until {{configs}} has a tag for the kernel its nodes reboot into.',
        { pool, configs: action.configs.join(', ') },
      );
    case 'checking':
      return t('{{pool}} is paused: checking the tags of {{configs}}.', {
        pool,
        configs: action.configs.join(', '),
      });
    case 'resume':
      return t(
        '{{pool}} is paused, and every Day 1 config that reaches it has a tag for the new kernel: it can be resumed.',
        { pool },
      );
  }
};
