/**
 * Bytes → text for every file the tools read (imports, content pages, registries, source texts). UTF-8 (with or
 * without a byte-order mark) and UTF-16 with a byte-order mark are decoded; anything else is refused with where
 * the problem is and what to do, so a wrongly encoded file never turns into text full of U+FFFD. Pure: no Node.
 */

/** Why bytes are not text, and where. */
export interface DecodeProblem {
  /** 1-based line of the first bad byte (counting LF bytes before it); 1 for whole-file problems. */
  line: number;
  /** 1-based byte of that line. */
  column: number;
  /** 0-based byte offset in the file. */
  offset: number;
  /** One line, naming the problem; never contains the file's bytes. */
  message: string;
  hint: string;
}

export type Decoded = { ok: true; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' } | { ok: false; problem: DecodeProblem };

const TO_UTF8 = 'Convert the file to UTF-8 (most editors offer it under "Save with encoding"; or `iconv -f <encoding> -t UTF-8`).';

/** Signatures of binary formats people try to import by mistake. */
const SIGNATURES: [bytes: number[], name: string][] = [
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive (a .docx, .xlsx or .odt file is one)'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x1f, 0x8b], 'a gzip archive'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Microsoft Office file (.doc, .xls)'],
  [[0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], 'an SQLite database'],
  [[0x7f, 0x45, 0x4c, 0x46], 'a program (ELF)'],
];

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b);
const hex = (b: number) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;

/** Line and byte-of-line of a byte offset. */
function where(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function problem(bytes: Uint8Array, offset: number, message: string, hint: string): Decoded {
  return { ok: false, problem: { ...where(bytes, offset), offset, message, hint } };
}

/**
 * Offset of the first byte that is not part of a well-formed UTF-8 sequence (no overlongs, no surrogates, nothing
 * above U+10FFFF), or -1; also counts the well-formed multi-byte sequences before it.
 */
export function firstInvalidUtf8(bytes: Uint8Array): { offset: number; multibyte: number } {
  let multibyte = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min = 0x80;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) min = 0xa0;
      if (b === 0xed) max = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) min = 0x90;
      if (b === 0xf4) max = 0x8f;
    } else return { offset: i, multibyte };
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      const lo = k === 1 ? min : 0x80;
      const hi = k === 1 ? max : 0xbf;
      if (c === undefined || c < lo || c > hi) return { offset: i, multibyte };
    }
    multibyte++;
    i += need + 1;
  }
  return { offset: -1, multibyte };
}

/** Decode a file's bytes, or say precisely why they are not text this project reads. */
export function decodeText(bytes: Uint8Array): Decoded {
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    return problem(bytes, 0, 'the file is UTF-32 (it starts with a UTF-32 byte-order mark), which is not supported', TO_UTF8);
  }
  for (const [bom, encoding] of [
    [[0xff, 0xfe], 'utf-16le'],
    [[0xfe, 0xff], 'utf-16be'],
  ] as const) {
    if (!startsWith(bytes, [...bom])) continue;
    try {
      return { ok: true, text: new TextDecoder(encoding, { fatal: true }).decode(bytes), encoding };
    } catch {
      return problem(bytes, 0, `the file starts with a ${encoding.toUpperCase()} byte-order mark but is not valid ${encoding.toUpperCase()}`, TO_UTF8);
    }
  }
  for (const [signature, name] of SIGNATURES) {
    if (startsWith(bytes, signature)) return problem(bytes, 0, `this is not a text file: it looks like ${name}`, 'Export the map from its tool as Argdown, AIF JSON or a Kialo text export, and import that file.');
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    // ASCII text in UTF-16 without a byte-order mark has a zero byte beside every letter.
    const sample = bytes.subarray(0, 4096);
    let evenZeros = 0;
    let oddZeros = 0;
    sample.forEach((b, i) => b === 0 && (i % 2 ? oddZeros++ : evenZeros++));
    const half = sample.length / 2;
    if (oddZeros > half * 0.6 || evenZeros > half * 0.6) {
      return problem(bytes, nul, `the file looks like UTF-16 ${oddZeros > evenZeros ? 'little' : 'big'}-endian without a byte-order mark`, `${TO_UTF8} Saving it as "UTF-16 with BOM" also works.`);
    }
    return problem(bytes, nul, `this is not a text file: it contains a zero byte (${hex(0)}) at byte offset ${nul}`, 'Import a text export (Argdown, AIF JSON or Kialo .txt), not a binary file.');
  }
  const bom = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(bom)), encoding: 'utf-8' };
  } catch {
    // Fall through: find where, and guess what the file is.
  }
  const { offset, multibyte } = firstInvalidUtf8(bytes.subarray(bom));
  const at = offset + bom;
  const byte = bytes[at];
  const { line, column } = where(bytes, at);
  const base = `not valid UTF-8: byte ${hex(byte)} at line ${line}, byte ${column} of the line (byte offset ${at} in the file)`;
  if (multibyte === 0 && byte >= 0x80) {
    const shown = new TextDecoder('windows-1252').decode(Uint8Array.of(byte));
    return problem(bytes, at, `${base}; the file looks like Windows-1252 (or Latin-1), where ${hex(byte)} is “${shown}”`, 'Convert the file to UTF-8, e.g. `iconv -f WINDOWS-1252 -t UTF-8 in.txt > out.txt`, or save it again from your editor as UTF-8.');
  }
  return problem(bytes, at, base, TO_UTF8);
}

/** Text safe to print on a terminal: control characters (escape sequences, bells, carriage returns) shown as `\xNN`. */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
