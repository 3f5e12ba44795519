/**
 * Reading the few systemd unit constructs we use, as systemd does (./systemd-write writes them):
 * systemd first expands `%` specifiers on the whole line, then splits it into words, removing quotes
 * and C escapes. The pages read every Day 1 config this way; only the producer writes units.
 */

/**
 * The words of every `<directive>=` line of a unit's `[Unit]` section (systemd's space-separated list
 * directives, such as `Before=`), in order. Blank assignments reset the list, as in systemd.
 */
export const readUnitList = (unitContents: string, directive: string): string[] => {
  let words: string[] = [];
  let section = '';
  for (const line of unitContents.split('\n')) {
    const header = /^\s*\[([^\]]+)\]\s*$/.exec(line);
    if (header) {
      section = header[1];
      continue;
    }
    if (section !== 'Unit') continue;
    const eq = line.indexOf('=');
    if (eq < 0 || line.slice(0, eq).trim() !== directive) continue;
    const value = line.slice(eq + 1).trim();
    words = value === '' ? [] : [...words, ...value.split(/\s+/)];
  }
  return words;
};

const C_ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '\\': '\\',
  '"': '"',
  "'": "'",
  s: ' ',
};

/**
 * Reads the assignments of every `Environment=` line of a unit, as systemd would, for the forms produced
 * by this module and by KMM (quoted or bare words, `%%`, `\\`, `\"`). Later assignments win.
 */
export const readEnvironment = (unitContents: string): Record<string, string | undefined> => {
  const environment: Record<string, string | undefined> = {};
  for (const line of unitContents.split('\n')) {
    const match = /^\s*Environment\s*=(.*)$/.exec(line);
    if (!match) continue;
    const text = match[1].replace(/%%/g, '%');
    let word = '';
    let inWord = false;
    let quote: string | null = null;
    const flush = () => {
      const eq = word.indexOf('=');
      if (inWord && eq > 0) environment[word.slice(0, eq)] = word.slice(eq + 1);
      word = '';
      inWord = false;
    };
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (c === '\\' && i + 1 < text.length) {
        const next = text[++i];
        word += C_ESCAPES[next] ?? next;
        inWord = true;
      } else if (quote !== null) {
        if (c === quote) quote = null;
        else word += c;
      } else if (c === '"' || c === "'") {
        quote = c;
        inWord = true;
      } else if (/\s/.test(c)) {
        flush();
      } else {
        word += c;
        inWord = true;
      }
    }
    flush();
  }
  return environment;
};
