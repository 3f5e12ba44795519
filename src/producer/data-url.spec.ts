/**
 * @jest-environment node
 */
import { decodeDataUrl } from './data-url';

const base64 = (bytes: string | Uint8Array) => Buffer.from(bytes).toString('base64');

describe('decodeDataUrl', () => {
  it('decodes base64 text, as the producer writes the node scripts', () => {
    const script = '#!/bin/bash\nset -euo pipefail\necho "héllo ✓"\n';
    expect(decodeDataUrl(`data:text/plain;base64,${base64(script)}`)).toEqual({
      kind: 'text',
      text: script,
      mediaType: 'text/plain',
    });
  });

  it('decodes percent-encoded text, with or without a media type', () => {
    expect(decodeDataUrl('data:,echo%20hi%0Aexit%200%0A')).toEqual({
      kind: 'text',
      text: 'echo hi\nexit 0\n',
      mediaType: 'text/plain',
    });
    expect(decodeDataUrl('data:text/plain;charset=utf-8,caf%C3%A9%20%E2%9C%93')).toEqual({
      kind: 'text',
      text: 'café ✓',
      mediaType: 'text/plain;charset=utf-8',
    });
    // Characters that need no escape pass through, including non-ASCII ones.
    expect(decodeDataUrl('data:,a=b&c;d é')).toMatchObject({ text: 'a=b&c;d é' });
  });

  it('accepts base64 that is itself percent-encoded, wrapped, or without padding', () => {
    const text = 'sfc?>>?';
    const encoded = base64(text);
    expect(encoded).toMatch(/[+/]/);
    const escaped = encoded.replace(/\+/g, '%2B').replace(/\//g, '%2F');
    expect(decodeDataUrl(`data:;base64,${escaped}`)).toMatchObject({ kind: 'text', text });
    expect(decodeDataUrl(`data:;BASE64,${encoded.slice(0, 4)}\n${encoded.slice(4)}`)).toMatchObject(
      { text },
    );
    expect(decodeDataUrl('data:;base64,aGk')).toMatchObject({ text: 'hi' });
    expect(decodeDataUrl('data:;base64,')).toMatchObject({ kind: 'text', text: '' });
  });

  it('reports bytes that are not UTF-8 text as binary, with their size', () => {
    const blob = Uint8Array.of(0x7f, 0x45, 0x4c, 0x46, 0xff, 0xfe, 0x00);
    expect(decodeDataUrl(`data:application/octet-stream;base64,${base64(blob)}`)).toEqual({
      kind: 'binary',
      size: 7,
      mediaType: 'application/octet-stream',
    });
    expect(decodeDataUrl('data:,%FF%FE')).toMatchObject({ kind: 'binary', size: 2 });
  });

  it.each([
    ['https://example.com/script.sh', 'not-a-data-url'],
    ['data:text/plain;base64', 'not-a-data-url'],
    ['data:;base64,not base64!', 'bad-base64'],
    ['data:;base64,a', 'bad-base64'],
    ['data:;base64,aG=k', 'bad-base64'],
    ['data:;base64,%E2%9C%93', 'bad-base64'],
    ['data:,100%', 'bad-percent-encoding'],
    ['data:,%zz', 'bad-percent-encoding'],
  ])('rejects %j: %s', (url, reason) => {
    expect(decodeDataUrl(url)).toEqual({ kind: 'invalid', reason });
  });

  it('decodes a large file', () => {
    const large = 'echo line\n'.repeat(200_000);
    expect(decodeDataUrl(`data:;base64,${base64(large)}`)).toMatchObject({ text: large });
    expect(decodeDataUrl(`data:,${encodeURIComponent(large)}`)).toMatchObject({ text: large });
  });
});
