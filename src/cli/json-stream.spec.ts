/**
 * @jest-environment node
 */
import { JsonStreamError, looksLikeJson, parseJsonStream } from './json-stream';

const errorOf = (text: string): JsonStreamError => {
  try {
    parseJsonStream(text);
  } catch (error) {
    if (error instanceof JsonStreamError) return error;
    throw error;
  }
  throw new Error(`no error for ${text}`);
};

describe('parseJsonStream', () => {
  it('reads one document, as JSON.parse does', () => {
    const list = { kind: 'List', items: [{ kind: 'Node', metadata: { name: 'a' } }] };
    expect(parseJsonStream(JSON.stringify(list, null, 4))).toEqual([list]);
  });

  it('reads documents printed one after the other, with or without blanks between', () => {
    const pools = { kind: 'List', items: [{ kind: 'MachineConfigPool' }] };
    const nodes = { kind: 'List', items: [{ kind: 'Node' }] };
    const printed = `${JSON.stringify(pools, null, 4)}\n${JSON.stringify(nodes, null, 4)}\n`;
    expect(parseJsonStream(printed)).toEqual([pools, nodes]);
    expect(parseJsonStream(`${JSON.stringify(pools)}${JSON.stringify(nodes)}`)).toEqual([
      pools,
      nodes,
    ]);
    expect(parseJsonStream(`\uFEFF [1]\r\n\t{"a":2}  `)).toEqual([[1], { a: 2 }]);
  });

  it('is not misled by brackets, quotes and backslashes inside strings', () => {
    const tricky = { message: 'a "}" and a \\ then ] {', path: 'C:\\\\' };
    expect(parseJsonStream(`${JSON.stringify(tricky)} ${JSON.stringify(tricky)}`)).toEqual([
      tricky,
      tricky,
    ]);
  });

  it('reads nothing from blank text', () => {
    expect(parseJsonStream('')).toEqual([]);
    expect(parseJsonStream(' \n ')).toEqual([]);
  });

  it('names the document, line and column of a syntax error', () => {
    const error = errorOf('{"kind": "List"}\n{\n  "kind": "List",\n  "items": [1,]\n}\n');
    expect(error.document).toBe(2);
    expect(error.line).toBe(4);
    expect(error.column).toBe(15);
    expect(error.message).toMatch(/^document 2: .+ \(line 4, column 15\)$/);
    expect(error.reason).not.toMatch(/position/);
  });

  it.each([
    ['a trailing comma', '{"a": [1,]}', 10, 'expected a value, found "]"'],
    ['a missing colon', '{"a" 1}', 6, 'expected ":" after a property name, found "1"'],
    ['an unquoted name', '{a: 1}', 2, 'expected a property name in double quotes, found "a"'],
    [
      'a missing comma',
      '{"a": 1 "b": 2}',
      9,
      'expected "," or "}" after a property value, found "\\""',
    ],
    ['a missing comma in a list', '[1 2]', 4, 'expected "," or "]" after an item, found "2"'],
    ['an unknown escape', '{"a": "\\q"}', 8, 'an unknown escape "\\\\q"'],
    ['a newline inside a string', '{"a": "x\ny"}', 9, 'a control character inside a string'],
    ['a bare word', '{"a": yes}', 7, 'expected a value, found "y"'],
    ['a mismatched bracket', '{"a": [1}', 9, 'expected "," or "]" after an item, found "}"'],
  ])('words %s the same on every Node release', (_what, text, column, reason) => {
    const error = errorOf(text);
    expect([error.document, error.line, error.column]).toEqual([1, 1, column]);
    expect(error.reason).toBe(reason);
  });

  it('says when the input ends inside a document, where that document starts', () => {
    const error = errorOf('{"kind": "List"}\n\n  {"kind": "List", "items": [');
    expect(error.document).toBe(2);
    expect([error.line, error.column]).toEqual([3, 3]);
    expect(error.reason).toBe('the input ends before this document\'s closing "}"');
  });

  it('says when something that is not a document follows one', () => {
    const error = errorOf('{"kind": "List"}\n---\n{"kind": "List"}');
    expect(error.document).toBe(2);
    expect([error.line, error.column]).toEqual([2, 1]);
    expect(error.reason).toBe('expected "{" or "[" to start a JSON document, found "-"');
  });
});

describe('looksLikeJson', () => {
  it.each([
    ['{"kind":"List"}', true],
    ['\n  [1]', true],
    ['kind: List', false],
    ['---\n{"kind":"List"}', false],
    ['', false],
  ])('%j: %s', (text, expected) => {
    expect(looksLikeJson(text)).toBe(expected);
  });
});
