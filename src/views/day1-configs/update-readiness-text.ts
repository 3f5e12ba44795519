/**
 * Update readiness in the console's words. The update-readiness module speaks in codes; the CLI words
 * the same codes in English (src/rollout/update-readiness-english.ts).
 */
import type { ClusterUpdate, ConfigReadiness } from '../../rollout';
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
  }
};
