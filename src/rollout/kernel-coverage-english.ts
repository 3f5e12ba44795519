/**
 * Kernel coverage in English, for `day1-utility coverage`. The console words the same codes through
 * the translation catalog (src/views/shared/kernel-coverage-text.ts).
 */
import type { ConfigCoverage, TagCheck } from './kernel-coverage';

/** Why a tag's answer is unknown, after "unknown: ". */
const unknownEnglish = (check: TagCheck & { result: 'unknown' }): string => {
  const detail = check.detail === undefined || check.detail === '' ? '' : ` (${check.detail})`;
  switch (check.reason) {
    case 'checking':
      return 'not checked yet';
    case 'noAccess':
      return `you cannot create ImageStreamImports in ${check.namespace ?? 'the namespace'}`;
    case 'unauthorized':
      return `the registry asks for credentials${detail}`;
    case 'unreachable':
      return `the registry cannot be reached${detail}`;
    case 'error':
      return `the check failed${detail}`;
    case 'notChecked':
      return 'not checked (--offline)';
  }
};

/** "has a tag", "NO TAG: nodes with this kernel keep the in-tree driver", "unknown: <why>". */
export const formatTagCheck = (check: TagCheck): string =>
  check.result === 'found'
    ? 'tag found'
    : check.result === 'missing'
      ? 'NO TAG: nodes on this kernel run the in-tree driver'
      : `unknown: ${unknownEnglish(check)}`;

/** "1 of 2 kernels", with what is missing or unknown. */
export const formatCoverageSummary = (coverage: ConfigCoverage): string => {
  if (coverage.state === 'noKernels') return 'no node reports a kernel yet';
  const count = `${String(coverage.covered)} of ${String(coverage.total)} kernels`;
  const notes: string[] = [];
  if (coverage.missing > 0) notes.push(`${String(coverage.missing)} missing`);
  if (coverage.unknown > 0) notes.push(`${String(coverage.unknown)} unknown`);
  return notes.length === 0 ? count : `${count} (${notes.join(', ')})`;
};
