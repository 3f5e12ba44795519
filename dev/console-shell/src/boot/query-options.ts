/**
 * Query parameters that change how the shell boots, for tests:
 * - `omitSharedModule=react-i18next[,…]`: leave modules out of the share scope, to check the
 *   error a plugin gets when console does not provide a module it needs;
 * - `disableFlag=MACHINE_CONFIG[,…]`: set console feature flags to false;
 * - `theme=dark|light`.
 */
const listParam = (params: URLSearchParams, name: string): string[] =>
  params
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);

export interface BootOptions {
  omitSharedModules: string[];
  disabledFlags: string[];
  theme: string | null;
}

export const readBootOptions = (search: string): BootOptions => {
  const params = new URLSearchParams(search);
  return {
    omitSharedModules: listParam(params, 'omitSharedModule'),
    disabledFlags: listParam(params, 'disableFlag'),
    theme: params.get('theme'),
  };
};
