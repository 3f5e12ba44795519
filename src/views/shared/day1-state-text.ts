/**
 * The words of a node's Day 1 state, read from its status files: a short label for the table and the
 * pool cards, and a sentence for the hover and the drawer (the node's own error included).
 */
import type { ConfigDay1State, Day1Outcome, Day1State } from '../../rollout';
import { reasonText, statusProblemText } from './rollout-text';
import type { Translate } from './usePluginTranslation';

/**
 * The state in a few words, as `day1-utility rollout`'s DAY 1 column words it (formatDay1State); a
 * failed load says whether the in-tree driver is back.
 */
export const day1StateText = (
  t: Translate,
  state: Day1State,
  inTreeRestored?: boolean | null,
): string => {
  switch (state) {
    case 'WaitingForMCO':
      return t('Waiting for MCO');
    case 'PullingImage':
      return t('Pulling image');
    case 'RebootingForImage':
      return t('Rebooting for the image');
    case 'Loading':
      return t('Loading');
    case 'Loaded':
      return t('Loaded');
    case 'PullFailed':
      return t('Pull failed, in-tree driver kept');
    case 'LoadFailed':
      return inTreeRestored === true
        ? t('Load failed, in-tree driver restored')
        : inTreeRestored === false
          ? t('Load failed, in-tree driver not restored')
          : t('Load failed');
    case 'Refused':
      return t('Refused, in-tree driver unchanged');
    case 'SkippedAfterCrash':
      return t('Skipped after a crash');
    case 'RebootBudgetUsed':
      return t('Reboot budget used');
    case 'Unreachable':
      return t('Unreachable');
    case 'Stale':
      return t('Stale');
    case 'NotReported':
      return t('Not reported');
    case 'Unreadable':
      return t('Unreadable');
    case 'NoAccess':
      return t('No access');
  }
};

/** What a state means for the pool card and the Day 1 filter. */
export const day1OutcomeText = (t: Translate, outcome: Day1Outcome): string => {
  switch (outcome) {
    case 'loaded':
      return t('Loaded');
    case 'failed':
      return t('Failed');
    case 'unreachable':
      return t('Unreachable');
    case 'inProgress':
      return t('In progress');
    case 'unknown':
      return t('Unknown');
  }
};

const withError = (t: Translate, sentence: string, error: string | null | undefined): string =>
  error ? t('{{sentence}} The node says: {{error}}', { sentence, error }) : sentence;

/** One config's state in a sentence, with the node's words or the proxy's error. */
export const day1StateDetail = (t: Translate, config: ConfigDay1State): string => {
  const { status, error } = config;
  const image = status?.kernelModuleImage ?? '';
  const module = status?.kernelModule ?? '';
  switch (config.state) {
    case 'WaitingForMCO':
      return t('The Day 1 units run once MCO has updated the node to the config.');
    case 'PullingImage':
      return t('The node pulls the kernel module image {{image}}.', { image });
    case 'RebootingForImage':
      return t(
        'The node reboots to load the module from the image it pulled, or is back and has not reported yet.',
      );
    case 'Loading':
      return t('The load unit is loading {{module}}.', { module });
    case 'Loaded':
      return status?.loadedAt
        ? t('The out-of-tree {{module}} is loaded (since {{time}}).', {
            module,
            time: status.loadedAt,
          })
        : t('The out-of-tree {{module}} is loaded.', { module });
    case 'PullFailed':
      return withError(
        t,
        t(
          'Pulling {{image}} failed: the node keeps its in-tree driver and tries again at its next boot.',
          { image },
        ),
        error,
      );
    case 'LoadFailed':
      return withError(
        t,
        config.inTreeRestored === true
          ? t('The out-of-tree module did not load; the in-tree driver was loaded again.')
          : config.inTreeRestored === false
            ? t(
                'The out-of-tree module did not load, and the in-tree driver could not be loaded again: the node may have no driver.',
              )
            : t('The out-of-tree module did not load.'),
        error,
      );
    case 'Refused':
      return withError(
        t,
        t('Refused before unloading anything, the in-tree driver is unchanged: {{reason}}.', {
          reason: reasonText(t, config.reason ?? null, status?.blockingModule ?? module),
        }),
        error,
      );
    case 'SkippedAfterCrash':
      return t(
        'The node stopped during the previous boot while loading {{image}}; it keeps the in-tree driver until the image, the kernel or the config changes.',
        { image },
      );
    case 'RebootBudgetUsed':
      return withError(
        t,
        t(
          'The node already made its Day 1 reboot for this image and kernel, and will not reboot again.',
        ),
        error,
      );
    case 'Unreachable':
      return status
        ? t(
            'The API server could not reach the node ({{error}}). Last known: {{phase}}, read at {{time}}.',
            { error: error ?? '', phase: status.phase, time: config.readAt ?? '' },
          )
        : t('The API server could not reach the node ({{error}}).', { error: error ?? '' });
    case 'Stale':
      return t(
        'The only status file is from an earlier boot or another kernel ({{phase}}, written at {{time}}).',
        { phase: status?.phase ?? '', time: status?.updatedAt ?? '' },
      );
    case 'NotReported':
      return t(
        'MCO is done, and the node has not written a status file from its current boot yet.',
      );
    case 'Unreadable':
      return t('The status file is malformed: {{problems}}.', {
        problems: (config.problems ?? [])
          .map((problem) => statusProblemText(t, problem))
          .join('; '),
      });
    case 'NoAccess':
      return t(
        'You may not read files on nodes through the API server (get nodes/proxy). Verify runs a pod on the node instead.',
      );
  }
};
