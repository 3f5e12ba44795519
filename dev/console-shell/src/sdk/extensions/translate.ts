/**
 * Console translates every `%namespace~key%` string in extension properties (such as a nav
 * item's `name: "%plugin__kmm-day1-console-plugin~Day 1 kernel modules%"`) with i18next, whose
 * namespace separator is `~`. Other values, code references included, pass through unchanged.
 */
const isTranslatable = (value: string): boolean =>
  value.length > 2 && value.startsWith('%') && value.endsWith('%');

export const translateValue = (value: unknown, t: (key: string) => string): unknown => {
  if (typeof value === 'string') {
    return isTranslatable(value) ? t(value.slice(1, -1)) : value;
  }
  if (Array.isArray(value)) {
    return value.map((v) => translateValue(v, t));
  }
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, translateValue(v, t)]),
    );
  }
  return value;
};
