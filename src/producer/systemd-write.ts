/**
 * Writing the few systemd unit constructs we use (./systemd reads them). systemd first expands `%`
 * specifiers on the whole line, then splits it into words, removing quotes and C escapes; we escape for
 * both steps.
 */

/** One `[Section]` of a unit file: directive/value pairs, in order (a directive may repeat). */
export type UnitSection = [string, [directive: string, value: string][]];

/** Doubles `%` so systemd does not expand it as a specifier (`%n`, `%h`, ...). */
export const escapeSpecifiers = (text: string): string => text.replace(/%/g, '%%');

/**
 * An `Environment=` value assigning `value` to `key` as a single word: double-quoted, with `\` and `"`
 * escaped for systemd's unquoting and `%` doubled for its specifier expansion.
 */
export const environmentAssignment = (key: string, value: string): string =>
  `"${escapeSpecifiers(`${key}=${value}`.replace(/[\\"]/g, (c) => `\\${c}`))}"`;

export const renderUnit = (sections: UnitSection[]): string =>
  sections
    .map(([name, lines]) =>
      [`[${name}]`, ...lines.map(([directive, value]) => `${directive}=${value}`)].join('\n'),
    )
    .join('\n\n') + '\n';
