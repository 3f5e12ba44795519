/**
 * A stream of JSON documents one after the other, as `oc get a -o json; oc get b -o json` prints them:
 * whitespace or nothing between them, no separator line. JSON.parse takes one document only, and YAML
 * rejects a second top-level JSON value, so the stream is split here before each document is parsed.
 */

/** Where a JSON stream cannot be read: the document (1-based) and its line and column in the text. */
export class JsonStreamError extends Error {
  readonly document: number;
  readonly line: number;
  readonly column: number;
  readonly reason: string;

  constructor(document: number, offset: number, text: string, reason: string) {
    const { line, column } = positionOf(text, offset);
    super(
      `document ${String(document)}: ${reason} (line ${String(line)}, column ${String(column)})`,
    );
    this.name = 'JsonStreamError';
    this.document = document;
    this.line = line;
    this.column = column;
    this.reason = reason;
  }
}

/** 1-based line and column of a character offset. */
const positionOf = (text: string, offset: number): { line: number; column: number } => {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
};

const isBlank = (char: string) => char === ' ' || char === '\t' || char === '\n' || char === '\r';

/** The first character that is not JSON whitespace (or a byte order mark), from `from`. */
const skipBlanks = (text: string, from: number): number => {
  let at = from;
  while (at < text.length && (isBlank(text[at]) || text[at] === '\uFEFF')) at += 1;
  return at;
};

/** True when the text starts, after blanks, like a JSON object or array. */
export const looksLikeJson = (text: string): boolean => {
  const first = text[skipBlanks(text, 0)];
  return first === '{' || first === '[';
};

/**
 * The offset just past the object or array that starts at `start`, found by counting brackets outside
 * strings; undefined when the text ends first. Whether the brackets pair up is JSON.parse's to say.
 */
const endOfValue = (text: string, start: number): number | undefined => {
  let depth = 0;
  let inString = false;
  for (let at = start; at < text.length; at += 1) {
    const char = text[at];
    if (inString) {
      if (char === '\\') at += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
    } else if (char === '{' || char === '[') {
      depth += 1;
    } else if (char === '}' || char === ']') {
      depth -= 1;
      if (depth === 0) return at + 1;
    }
  }
  return undefined;
};

/** A syntax error at `offset` of the text being checked. */
class SyntaxAt extends Error {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = '"\\/bfnrt';

/**
 * Where a JSON value that JSON.parse rejected goes wrong, and why. JSON.parse's own message gives no
 * position for some mistakes (a trailing comma) and words them differently in each Node release, so
 * the document is walked again, only when it failed, to name the first mistake the same way always.
 */
const locateSyntaxError = (source: string): SyntaxAt | undefined => {
  let at = 0;
  const found = (char: string | undefined) =>
    char === undefined ? 'the end of the input' : JSON.stringify(char);
  const blanks = () => {
    while (at < source.length && isBlank(source[at])) at += 1;
  };
  const expect = (char: string, what: string) => {
    blanks();
    if (source[at] !== char) throw new SyntaxAt(at, `expected ${what}, found ${found(source[at])}`);
    at += 1;
  };
  const string = () => {
    at += 1;
    for (;;) {
      const char = source[at] as string | undefined;
      if (char === undefined) throw new SyntaxAt(at, 'a string is not closed');
      if (char === '"') break;
      if (char < ' ') throw new SyntaxAt(at, 'a control character inside a string');
      if (char === '\\') {
        const escaped = source[at + 1] as string | undefined;
        if (escaped === 'u' && /^[0-9a-fA-F]{4}$/.test(source.slice(at + 2, at + 6))) at += 4;
        else if (escaped === undefined || !ESCAPES.includes(escaped))
          throw new SyntaxAt(at, `an unknown escape ${found(`\\${escaped ?? ''}`)}`);
        at += 1;
      }
      at += 1;
    }
    at += 1;
  };
  const value = (): void => {
    blanks();
    const char = source[at] as string | undefined;
    if (char === '{') {
      at += 1;
      blanks();
      if (source[at] === '}') {
        at += 1;
        return;
      }
      for (;;) {
        blanks();
        if (source[at] !== '"') {
          throw new SyntaxAt(
            at,
            `expected a property name in double quotes, found ${found(source[at])}`,
          );
        }
        string();
        expect(':', '":" after a property name');
        value();
        blanks();
        if (source[at] === '}') break;
        expect(',', '"," or "}" after a property value');
      }
      at += 1;
    } else if (char === '[') {
      at += 1;
      blanks();
      if (source[at] === ']') {
        at += 1;
        return;
      }
      for (;;) {
        value();
        blanks();
        if (source[at] === ']') break;
        expect(',', '"," or "]" after an item');
      }
      at += 1;
    } else if (char === '"') {
      string();
    } else {
      const literal = ['true', 'false', 'null'].find((word) => source.startsWith(word, at));
      NUMBER.lastIndex = at;
      const number = NUMBER.exec(source);
      if (literal !== undefined) at += literal.length;
      else if (number !== null) at += number[0].length;
      else throw new SyntaxAt(at, `expected a value, found ${found(char)}`);
    }
  };
  try {
    value();
    blanks();
    if (at < source.length)
      throw new SyntaxAt(at, `unexpected ${found(source[at])} after the document`);
  } catch (error) {
    if (error instanceof SyntaxAt) return error;
    throw error;
  }
  return undefined;
};

/**
 * Parses every JSON object or array in `text`, in order. Throws JsonStreamError naming the document
 * and the line and column of the first problem: something that does not start a document, a document
 * that does not parse, or one the text ends inside.
 */
export const parseJsonStream = (text: string): unknown[] => {
  const documents: unknown[] = [];
  let at = skipBlanks(text, 0);
  while (at < text.length) {
    const number = documents.length + 1;
    const char = text[at];
    if (char !== '{' && char !== '[') {
      throw new JsonStreamError(
        number,
        at,
        text,
        `expected "{" or "[" to start a JSON document, found ${JSON.stringify(char)}`,
      );
    }
    const end = endOfValue(text, at);
    const source = text.slice(at, end);
    try {
      documents.push(JSON.parse(source));
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
      const mistake = locateSyntaxError(source);
      // Brackets that never close are a truncated document, unless there is a mistake before the end.
      if (end === undefined && (mistake === undefined || mistake.offset >= source.length)) {
        throw new JsonStreamError(
          number,
          at,
          text,
          `the input ends before this document's closing "${char === '{' ? '}' : ']'}"`,
        );
      }
      throw new JsonStreamError(
        number,
        at + (mistake?.offset ?? 0),
        text,
        mistake?.reason ?? error.message,
      );
    }
    if (end === undefined) break;
    at = skipBlanks(text, end);
  }
  return documents;
};
