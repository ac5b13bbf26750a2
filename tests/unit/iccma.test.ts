import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeName, encodeName, parseApx, parseExtensionsFile, parseI23, parseTgf, toApx, toTgf } from '../../src/graph/iccma.ts';
import type { Framework } from '../../src/graph/semantics.ts';

// Real instances with known answers, copied into the repository (see tests/fixtures/external/PROVENANCE.md).
const DATA = path.resolve(__dirname, '../fixtures/external/iccma');
const read = (file: string): string => fs.readFileSync(path.join(DATA, file), 'utf8');
const instances = fs
  .readdirSync(DATA)
  .filter((f) => f.endsWith('.apx'))
  .map((f) => f.slice(0, -'.apx'.length))
  .sort();

describe('ICCMA formats', () => {
  it('reads the README example in all three formats', () => {
    const chain: Framework = {
      args: ['a', 'b', 'c'],
      attacks: [
        ['a', 'b'],
        ['b', 'c'],
      ],
    };
    expect(parseApx('arg(a). arg(b). arg(c).\natt(a,b). att(b,c).\n')).toEqual(chain);
    expect(parseTgf('a\nb\nc\n#\na b\nb c\n')).toEqual(chain);
    expect(parseI23('p af 3\n1 2\n2 3\n')).toEqual({
      args: ['1', '2', '3'],
      attacks: [
        ['1', '2'],
        ['2', '3'],
      ],
    });
  });

  it('names i23 arguments from "# k = name" comments where given', () => {
    expect(parseI23('p af 3\n# 2 = b\n1 2\n2 3\n')).toEqual({
      args: ['1', 'b', '3'],
      attacks: [
        ['1', 'b'],
        ['b', '3'],
      ],
    });
  });

  it('rejects attacks on undeclared arguments', () => {
    expect(() => parseApx('arg(a).\natt(a,b).\n')).toThrow(/undeclared argument "b"/);
    expect(() => parseTgf('a\n#\na b\n')).toThrow(/undeclared/);
    expect(() => parseI23('p af 2\n1 3\n')).toThrow(/outside/);
  });

  for (const name of instances) {
    it(`${name}: apx and tgf round trips give the same framework back`, () => {
      const fw = parseApx(read(`${name}.apx`));
      expect(parseApx(toApx(fw))).toEqual(fw);
      expect(parseTgf(toTgf(fw))).toEqual(fw);
      expect(toApx(fw)).toBe(read(`${name}.apx`));
      expect(toTgf(fw)).toBe(read(`${name}.tgf`));
      const i23 = parseI23(read(`${name}.i23`));
      expect(parseTgf(toTgf(i23))).toEqual(fw);
    });
  }

  it('writes unsafe names safely and reads them back', () => {
    const fw: Framework = {
      args: ['blind-spots', 'supports:a->b', 'plain_name', 'a__b', 'Upper Case', 'ünï «x»', 'x.y,z(1)', '#', '%'],
      attacks: [
        ['blind-spots', 'supports:a->b'],
        ['Upper Case', 'ünï «x»'],
        ['#', '%'],
      ],
    };
    const apx = toApx(fw);
    const tgf = toTgf(fw);
    expect(apx).toContain('arg(blind__2dspots).');
    expect(apx).toContain('arg(plain_name).');
    for (const line of apx.trim().split('\n')) expect(line).toMatch(/^(arg\([a-z0-9_]+\)|att\([a-z0-9_]+,[a-z0-9_]+\))\.$/);
    for (const line of tgf.trim().split('\n')) expect(line).toMatch(/^([a-z0-9_]+( [a-z0-9_]+)?|#)$/);
    expect(parseApx(apx)).toEqual(fw);
    expect(parseTgf(tgf)).toEqual(fw);
  });

  it('encodes any name reversibly', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, unit: 'grapheme' }), (name) => {
        const safe = encodeName(name);
        expect(safe).toMatch(/^[a-z0-9_]+$/);
        expect(decodeName(safe)).toBe(name);
      }),
    );
  });

  it('parses extension files', () => {
    expect(parseExtensionsFile('[[a,b],[c]]')).toEqual([['a', 'b'], ['c']]);
    expect(parseExtensionsFile('[]\n')).toEqual([]);
    expect(parseExtensionsFile('[[]]')).toEqual([[]]);
    expect(parseExtensionsFile('[\n  [arg1, arg2],\n  []\n]')).toEqual([['arg1', 'arg2'], []]);
    expect(() => parseExtensionsFile('[[a,b]')).toThrow();
    for (const name of instances) {
      for (const sem of ['CO', 'GR', 'PR', 'ST']) expect(() => parseExtensionsFile(read(`${name}.EE-${sem}`))).not.toThrow();
    }
  });
});
