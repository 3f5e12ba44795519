/**
 * Query parameters that change how the shell boots, for tests:
 * - `omitSharedModule=react-i18next[,…]`: leave modules out of the share scope, to check the
 *   error a plugin gets when console does not provide a module it needs;
 * - `disableFlag=MACHINE_CONFIG[,…]`: set console feature flags to false;
 * - `theme=dark|light`;
 * - `codeRefs=lazy`: resolve a plugin's code references only when a page renders them, as console
 *   does, so that a page loads only its own chunks (the bench measures this); by default the shell
 *   resolves them all at start, to show every resolution error at once;
 * - `reconnectGraceMs=N`: how long a dropped watch may fail to re-list before hooks report its error
 *   (60 s by default), so that fault tests need not wait a minute.
 */
const listParam = (params: URLSearchParams, name: string): string[] =>
  params
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);

const nonNegative = (value: string | null): number | undefined => {
  const n = value === null || value === '' ? NaN : Number(value);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
};

export interface BootOptions {
  omitSharedModules: string[];
  disabledFlags: string[];
  theme: string | null;
  lazyCodeRefs: boolean;
  reconnectGraceMs?: number;
}

export const readBootOptions = (search: string): BootOptions => {
  const params = new URLSearchParams(search);
  return {
    omitSharedModules: listParam(params, 'omitSharedModule'),
    disabledFlags: listParam(params, 'disableFlag'),
    theme: params.get('theme'),
    lazyCodeRefs: params.get('codeRefs') === 'lazy',
    reconnectGraceMs: nonNegative(params.get('reconnectGraceMs')),
  };
};
