/**
 * Go-style flag parsing, as KMM's day1-utility uses Go's `flag` package: `-name value`, `-name=value`,
 * and the same with `--`. Boolean flags take no value. Parsing stops at `--`.
 */

export interface FlagSpec {
  name: string;
  /** Other names accepted for the same flag (older KMM spellings). */
  aliases?: string[];
  boolean?: boolean;
  valueName?: string;
  usage: string;
}

export interface ParsedFlags {
  values: Map<string, string[]>;
  positional: string[];
}

export class UsageError extends Error {}

export const parseFlags = (specs: FlagSpec[], argv: string[]): ParsedFlags => {
  const byName = new Map<string, FlagSpec>();
  for (const spec of specs) {
    byName.set(spec.name, spec);
    for (const alias of spec.aliases ?? []) byName.set(alias, spec);
  }
  const values = new Map<string, string[]>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const body = arg.replace(/^--?/, '');
    const eq = body.indexOf('=');
    const name = eq >= 0 ? body.slice(0, eq) : body;
    const spec = byName.get(name);
    if (!spec) throw new UsageError(`flag provided but not defined: -${name}`);
    let value: string;
    if (spec.boolean) {
      if (eq >= 0) throw new UsageError(`flag -${name} takes no value`);
      value = 'true';
    } else if (eq >= 0) {
      value = body.slice(eq + 1);
    } else if (i + 1 < argv.length) {
      value = argv[++i];
    } else {
      throw new UsageError(`flag needs an argument: -${name}`);
    }
    values.set(spec.name, [...(values.get(spec.name) ?? []), value]);
  }
  return { values, positional };
};

export const formatUsage = (synopsis: string, specs: FlagSpec[]): string => {
  const lines = specs.map((spec) => {
    const names = [spec.name, ...(spec.aliases ?? [])].map((n) => `-${n}`).join(', ');
    const value = spec.boolean ? '' : ` ${spec.valueName ?? 'string'}`;
    return `  ${names}${value}\n    \t${spec.usage}`;
  });
  return `${synopsis}\n\nFlags:\n${lines.join('\n')}\n`;
};
