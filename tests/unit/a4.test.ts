/** Sizing the map downloads for A4 landscape, and the PNG density chunk that carries the size. */
import { crc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MIN_TEXT_PT, MM_PER_PT, pngInfo, printedPt, printSize, withDensity } from '../../src/lib/a4.ts';

describe('printSize', () => {
  it('sets a 1,000-unit drawing 277 mm wide, where its 12.5-unit labels print at 9.8 pt and its 10-unit tags need raising', () => {
    const size = printSize(1000, 600, 12.5);
    expect(size.width).toBeCloseTo(277, 6);
    expect(size.scale).toBeCloseTo(0.277, 6);
    expect(printedPt(12.5, size.scale)).toBeCloseTo(9.8, 1);
    expect(printedPt(10, size.scale)).toBeLessThan(MIN_TEXT_PT);
    expect(printedPt(size.minTextUnits, size.scale)).toBeCloseTo(MIN_TEXT_PT, 9);
    expect(size.minTextUnits).toBeCloseTo(11.46, 2);
    expect(size.height).toBeCloseTo(166.2, 6);
    expect(size.pages).toBe(1);
  });

  it('counts the A4 landscape pages a tall drawing spans (190 mm of each)', () => {
    expect(printSize(1000, 3700, 12.5).pages).toBe(Math.ceil((3700 * 0.277) / 190));
    expect(printSize(1000, 190 / 0.277, 12.5).pages).toBe(1);
  });

  it('makes a drawing too wide for 9 pt labels on 277 mm wider than the page instead of smaller', () => {
    const size = printSize(1500, 800, 12.5);
    expect(size.width).toBeGreaterThan(277);
    expect(printedPt(12.5, size.scale)).toBeCloseTo(MIN_TEXT_PT, 9);
    expect(size.scale).toBeCloseTo((9 * MM_PER_PT) / 12.5, 9);
  });
});

/** A valid PNG of `width` × `height` grey pixels, with optional extra chunks after IHDR. */
function png(width: number, height: number, extra: Buffer[] = []): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8);
  const rows = Buffer.alloc((width + 1) * height, 0x80);
  for (let r = 0; r < height; r++) rows[r * (width + 1)] = 0;
  const phys = extra.map((data) => chunk('pHYs', data));
  return new Uint8Array(Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), ...phys, chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]));
}

/** Every chunk of a PNG: type and whether its CRC is right. */
function chunks(bytes: Uint8Array): { type: string; crcOk: boolean }[] {
  const buf = Buffer.from(bytes);
  const out: { type: string; crcOk: boolean }[] = [];
  for (let at = 8; at < buf.length; ) {
    const length = buf.readUInt32BE(at);
    out.push({ type: buf.toString('latin1', at + 4, at + 8), crcOk: crc32(buf.subarray(at + 4, at + 8 + length)) === buf.readUInt32BE(at + 8 + length) });
    at += 12 + length;
  }
  return out;
}

describe('withDensity', () => {
  it('adds a pHYs chunk after IHDR with a correct CRC, so the PNG says 200 dpi', () => {
    const before = png(3, 2);
    expect(pngInfo(before)).toEqual({ width: 3, height: 2 });
    const after = withDensity(before, 200);
    expect(chunks(after)).toEqual([
      { type: 'IHDR', crcOk: true },
      { type: 'pHYs', crcOk: true },
      { type: 'IDAT', crcOk: true },
      { type: 'IEND', crcOk: true },
    ]);
    expect(pngInfo(after).dpi).toBeCloseTo(200, 1);
    expect(pngInfo(after)).toMatchObject({ width: 3, height: 2 });
  });

  it('replaces a density that was there, and refuses what is not a PNG', () => {
    const old = Buffer.alloc(9);
    old.writeUInt32BE(2835, 0);
    old.writeUInt32BE(2835, 4);
    old[8] = 1;
    const after = withDensity(png(1, 1, [old]), 300);
    expect(chunks(after).filter((c) => c.type === 'pHYs')).toHaveLength(1);
    expect(pngInfo(after).dpi).toBeCloseTo(300, 1);
    expect(() => withDensity(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9]), 200)).toThrow(/not a PNG/);
  });
});
