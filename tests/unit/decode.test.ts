/** Bytes → text (`src/graph/decode.ts`): what is decoded, what is refused, and where the refusal points. */
import { describe, expect, it } from 'vitest';
import { decodeText, firstInvalidUtf8, printable } from '../../src/graph/decode.ts';

const bytes = (...parts: (string | number[])[]) => Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'utf8')] : p)));
const utf16 = (text: string, endian: 'le' | 'be') => {
  const le = Buffer.from(text, 'utf16le');
  if (endian === 'be') le.swap16();
  return Uint8Array.from([...(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), ...le]);
};
const refused = (input: Uint8Array) => {
  const decoded = decodeText(input);
  if (decoded.ok) throw new Error(`decoded: ${decoded.text}`);
  return decoded.problem;
};

describe('decodeText', () => {
  it('decodes UTF-8, with or without a byte-order mark', () => {
    expect(decodeText(bytes('[a]: Café – “quoted” 😀\n'))).toEqual({ ok: true, text: '[a]: Café – “quoted” 😀\n', encoding: 'utf-8' });
    expect(decodeText(bytes([0xef, 0xbb, 0xbf], 'x'))).toEqual({ ok: true, text: 'x', encoding: 'utf-8' });
  });

  it('decodes UTF-16 with a byte-order mark, both byte orders', () => {
    expect(decodeText(utf16('[a]: Café 😀\n', 'le'))).toEqual({ ok: true, text: '[a]: Café 😀\n', encoding: 'utf-16le' });
    expect(decodeText(utf16('[a]: Café 😀\n', 'be'))).toEqual({ ok: true, text: '[a]: Café 😀\n', encoding: 'utf-16be' });
  });

  it('refuses Windows-1252 with the line, the byte and the encoding it looks like', () => {
    // “It’s” in Windows-1252 on line 3.
    const p = refused(bytes('Discussion Title: T\n\n1. It', [0x92], 's fine.\n'));
    expect(p).toMatchObject({ line: 3, column: 6, offset: 26 });
    expect(p.message).toBe('not valid UTF-8: byte 0x92 at line 3, byte 6 of the line (byte offset 26 in the file); the file looks like Windows-1252 (or Latin-1), where 0x92 is “’”');
    expect(p.hint).toContain('iconv -f WINDOWS-1252 -t UTF-8');
  });

  it('does not blame Windows-1252 when the file is mostly UTF-8', () => {
    const p = refused(bytes('Café\nna', [0xef], 've\n'));
    expect(p).toMatchObject({ line: 2, column: 3, offset: 8 });
    expect(p.message).toBe('not valid UTF-8: byte 0xEF at line 2, byte 3 of the line (byte offset 8 in the file)');
  });

  it('finds truncated, overlong and surrogate sequences', () => {
    expect(firstInvalidUtf8(bytes('ab', [0xe2, 0x80]))).toEqual({ offset: 2, multibyte: 0 });
    expect(firstInvalidUtf8(bytes('é', [0xc0, 0x80]))).toEqual({ offset: 2, multibyte: 1 });
    expect(firstInvalidUtf8(bytes([0xed, 0xa0, 0x80]))).toEqual({ offset: 0, multibyte: 0 });
    expect(firstInvalidUtf8(bytes([0xf4, 0x90, 0x80, 0x80]))).toEqual({ offset: 0, multibyte: 0 });
    expect(firstInvalidUtf8(bytes('😀é€'))).toEqual({ offset: -1, multibyte: 3 });
  });

  it('names UTF-32, UTF-16 without a byte-order mark, and broken UTF-16', () => {
    expect(refused(bytes([0xff, 0xfe, 0, 0], 'x')).message).toContain('UTF-32');
    expect(refused(Uint8Array.from(Buffer.from('[a]: plain ASCII in UTF-16\n', 'utf16le'))).message).toBe('the file looks like UTF-16 little-endian without a byte-order mark');
    expect(refused(bytes([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00])).message).toContain('not valid UTF-16LE');
  });

  it('says what a binary file is, in one line without its bytes', () => {
    expect(refused(bytes([0x50, 0x4b, 0x03, 0x04, 0x1b, 0x5b, 0x32, 0x4a])).message).toBe('this is not a text file: it looks like a ZIP archive (a .docx, .xlsx or .odt file is one)');
    expect(refused(bytes('%PDF-1.7\n')).message).toContain('a PDF document');
    const p = refused(bytes('abc\n', [0x1b, 0x5b, 0x32, 0x4a, 0x00, 0x07]));
    expect(p).toMatchObject({ line: 2, offset: 8 });
    expect(p.message).toBe('this is not a text file: it contains a zero byte (0x00) at byte offset 8');
  });
});

describe('printable', () => {
  it('shows control characters and direction overrides as escapes, and keeps text, tabs and newlines', () => {
    expect(printable('a\x1b[2Jb\x07\r\tc\nd\u202ee é “x”')).toBe('a\\x1b[2Jb\\x07\\x0d\tc\nd\\u202ee é “x”');
  });
});
