/**
 * An independent reading of `Environment=` lines as systemd 252 does it (load-fragment.c
 * config_parse_environ): specifiers are expanded on the whole value first (we only accept `%%`; any other
 * specifier is reported), then words are extracted with EXTRACT_CUNESCAPE | EXTRACT_UNQUOTE, and each word
 * must be a valid KEY=value assignment. Used to check what the node scripts will really receive.
 */

const C_ESCAPES: Record<string, string> = {
  a: '\u0007',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  '"': '"',
  "'": "'",
  s: ' ',
};

export interface ParsedEnvironment {
  variables: Record<string, string>;
  problems: string[];
}

const expandSpecifiers = (value: string, problems: string[]): string =>
  value.replace(/%(.)/g, (whole, c: string) => {
    if (c === '%') return '%';
    problems.push(`unexpected specifier ${whole}`);
    return whole;
  });

const extractWords = (text: string, problems: string[]): string[] => {
  const words: string[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && /[ \t\n\r]/.test(text[i])) i++;
    if (i >= text.length) break;
    let word = '';
    let quote: string | null = null;
    for (; i < text.length; i++) {
      const c = text[i];
      if (c === '\\') {
        if (i + 1 >= text.length) {
          problems.push('trailing backslash');
          break;
        }
        const next = text[i + 1];
        if (!(next in C_ESCAPES)) problems.push(`unsupported escape \\${next}`);
        word += C_ESCAPES[next] ?? next;
        i++;
      } else if (quote) {
        if (c === quote) quote = null;
        else word += c;
      } else if (c === '"' || c === "'") {
        quote = c;
      } else if (/[ \t\n\r]/.test(c)) {
        break;
      } else {
        word += c;
      }
    }
    if (quote) problems.push('unterminated quote');
    words.push(word);
  }
  return words;
};

export const parseUnitEnvironment = (unit: string): ParsedEnvironment => {
  const variables: Record<string, string> = {};
  const problems: string[] = [];
  for (const line of unit.split('\n')) {
    const match = /^Environment=(.*)$/.exec(line);
    if (!match) continue;
    for (const word of extractWords(expandSpecifiers(match[1], problems), problems)) {
      const eq = word.indexOf('=');
      if (eq <= 0 || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(word.slice(0, eq))) {
        problems.push(`invalid assignment ${JSON.stringify(word)}`);
        continue;
      }
      // eslint-disable-next-line no-control-regex -- systemd rejects control characters in values
      if (/[\u0000-\u0008\u000b-\u001f\u007f]/.test(word))
        problems.push(`control character in ${word}`);
      variables[word.slice(0, eq)] = word.slice(eq + 1);
    }
  }
  return { variables, problems };
};

/** The directive values of a unit, e.g. `directives(unit, 'ExecStart')`. */
export const directives = (unit: string, name: string): string[] =>
  unit
    .split('\n')
    .filter((line) => line.startsWith(`${name}=`))
    .map((line) => line.slice(name.length + 1));
