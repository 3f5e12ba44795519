/**
 * Reading the data: URLs that Ignition file contents are given as (RFC 2397), so that a person can
 * review a file before it is written to a node. Strict where Ignition is strict: a malformed URL is
 * reported, not guessed at.
 */

/** What a data: URL holds: text, or why it cannot be shown as text. Codes for the views to word. */
export type DataUrlContents =
  | { kind: 'text'; text: string; mediaType: string }
  /** Bytes that are not UTF-8 text, such as a firmware blob. */
  | { kind: 'binary'; size: number; mediaType: string }
  | { kind: 'invalid'; reason: 'not-a-data-url' | 'bad-base64' | 'bad-percent-encoding' };

const DATA_URL = /^data:([^,]*),(.*)$/is;
const HEX_PAIR = /^[0-9a-fA-F]{2}$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The bytes of a URL body: %XX escapes decoded, other characters as UTF-8. Undefined if an escape is broken. */
const percentDecode = (body: string): Uint8Array | undefined => {
  const encoder = new TextEncoder();
  // UTF-8 takes at most 3 bytes per UTF-16 code unit; an escape takes 3 characters for 1 byte.
  const bytes = new Uint8Array(body.length * 3);
  let length = 0;
  let from = 0;
  const copy = (until: number) => {
    length += encoder.encodeInto(body.slice(from, until), bytes.subarray(length)).written;
  };
  for (let at = body.indexOf('%'); at !== -1; at = body.indexOf('%', from)) {
    const hex = body.slice(at + 1, at + 3);
    if (!HEX_PAIR.test(hex)) return undefined;
    copy(at);
    bytes[length] = parseInt(hex, 16);
    length += 1;
    from = at + 3;
  }
  copy(body.length);
  return bytes.subarray(0, length);
};

/** Bytes as a string of the same char codes, in chunks: spreading a large array overflows the stack. */
const binaryString = (bytes: Uint8Array): string => {
  let text = '';
  for (let at = 0; at < bytes.length; at += 8192) {
    text += String.fromCharCode(...bytes.subarray(at, at + 8192));
  }
  return text;
};

/** Base64 (whitespace allowed, padding optional) to bytes; undefined when it is not base64. */
const base64Decode = (encoded: string): Uint8Array | undefined => {
  const compact = encoded.replace(/[\t\n\f\r ]/g, '');
  if (!BASE64.test(compact) || compact.replace(/=+$/, '').length % 4 === 1) return undefined;
  if (compact.length % 4 !== 0 && compact.endsWith('=')) return undefined;
  const binary = atob(compact.padEnd(Math.ceil(compact.length / 4) * 4, '='));
  const bytes = new Uint8Array(binary.length);
  for (let at = 0; at < binary.length; at += 1) bytes[at] = binary.charCodeAt(at);
  return bytes;
};

const toText = (bytes: Uint8Array): string | undefined => {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
};

/**
 * Decodes a data: URL, base64 (`data:text/plain;base64,…`) or percent-encoded (`data:,echo%20hi`),
 * to its text. Bytes that are not UTF-8 come back as binary, with their size.
 */
export const decodeDataUrl = (url: string): DataUrlContents => {
  const match = DATA_URL.exec(url);
  if (!match) return { kind: 'invalid', reason: 'not-a-data-url' };
  const parameters = match[1].split(';').map((part) => part.trim());
  const isBase64 =
    parameters.length > 1 && parameters[parameters.length - 1].toLowerCase() === 'base64';
  const mediaType = (isBase64 ? parameters.slice(0, -1) : parameters).join(';') || 'text/plain';
  // Base64 without escapes, as Ignition configs carry it, needs no percent-decoding first.
  const escaped = match[2].includes('%');
  const body = escaped ? percentDecode(match[2]) : undefined;
  if (escaped && body === undefined) return { kind: 'invalid', reason: 'bad-percent-encoding' };
  let bytes: Uint8Array;
  if (isBase64) {
    // Any byte outside base64's alphabet makes base64Decode reject the body.
    const decoded = base64Decode(body ? binaryString(body) : match[2]);
    if (decoded === undefined) return { kind: 'invalid', reason: 'bad-base64' };
    bytes = decoded;
  } else {
    bytes = body ?? new TextEncoder().encode(match[2]);
  }
  const text = toText(bytes);
  return text === undefined
    ? { kind: 'binary', size: bytes.length, mediaType }
    : { kind: 'text', text, mediaType };
};
