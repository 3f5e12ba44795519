/**
 * Kernel coverage in the console's words. The kernel-coverage module speaks in codes; the CLI words
 * the same codes in English (src/rollout/kernel-coverage-english.ts).
 */
import type { ConfigCoverage, TagCheck } from '../../rollout';
import type { Translate } from './usePluginTranslation';

/** Why a tag's answer is not known. */
const unknownText = (t: Translate, check: TagCheck & { result: 'unknown' }): string => {
  switch (check.reason) {
    case 'checking':
      return t('Checking…');
    case 'noAccess':
      return t(
        'You cannot create ImageStreamImports in {{namespace}}, so the image tags are not checked.',
        { namespace: check.namespace },
      );
    case 'unauthorized':
      return t('The registry asks for credentials that the pull secrets do not hold.');
    case 'unreachable':
      return t('The registry cannot be reached.');
    case 'error':
      return check.detail
        ? t('The check failed: {{detail}}', { detail: check.detail })
        : t('The check failed.');
    case 'notChecked':
      return t('Not checked.');
  }
};

/** "Tag found", "No tag", or why it is not known. */
export const tagCheckText = (t: Translate, check: TagCheck): string =>
  check.result === 'found'
    ? t('Tag found')
    : check.result === 'missing'
      ? t('No tag: nodes on this kernel run the in-tree driver')
      : unknownText(t, check);

/** "Images: N of M kernels". */
export const coverageCountText = (t: Translate, coverage: ConfigCoverage): string =>
  t('Images: {{covered}} of {{count}} kernels', {
    covered: coverage.covered,
    count: coverage.total,
    defaultValue_one: 'Images: {{covered}} of {{count}} kernel',
  });

/** Why the coverage is unknown, when one reason explains it. */
export const coverageUnknownText = (t: Translate, coverage: ConfigCoverage): string | undefined =>
  coverage.unknownReason === undefined ? undefined : unknownText(t, coverage.unknownReason);
