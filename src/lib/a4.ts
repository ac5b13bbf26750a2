/**
 * Sizing a drawing for A4 landscape, and the PNG chunk that tells printers its size. Pure functions.
 *
 * The numbers: A4 landscape is 297 × 210 mm; with 10 mm margins 277 × 190 mm is printable. A drawing 1,000 units
 * wide set 277 mm wide gives 0.277 mm a unit, so a 12.5-unit label is 3.46 mm, 9.8 pt (1 pt = 25.4 / 72 mm), and a
 * 10-unit tag 7.9 pt. So that no text prints under 9 pt (3.175 mm), smaller text is raised to 9 pt's worth of units
 * (11.5 units at 0.277 mm), and a drawing too wide for 9 pt labels on 277 mm (over 1,090 units) is made wider
 * than the page instead of smaller.
 */

export const A4_LANDSCAPE = { width: 297, height: 210 } as const;
/** Margin on every side, mm. */
export const PRINT_MARGIN = 10;
/** The least size of any text once printed, pt. */
export const MIN_TEXT_PT = 9;
export const MM_PER_PT = 25.4 / 72;
/** Pixels per inch of the PNG download: crisp 9 pt text, and a whole-map PNG of about 17 million pixels. */
export const PNG_DPI = 200;

export interface PrintSize {
  /** Printed width and height, mm. */
  width: number;
  height: number;
  /** mm per drawing unit. */
  scale: number;
  /** The least font size, in drawing units, that prints at 9 pt. */
  minTextUnits: number;
  /** How many A4 landscape pages tall the drawing prints at this size. */
  pages: number;
}

/** The printed size of a drawing `width` × `height` units: A4 landscape's printable width, unless text would fall under 9 pt. */
export function printSize(width: number, height: number, labelUnits: number): PrintSize {
  const printable = A4_LANDSCAPE.width - 2 * PRINT_MARGIN;
  const scale = Math.max(printable / width, (MIN_TEXT_PT * MM_PER_PT) / labelUnits);
  const pageHeight = A4_LANDSCAPE.height - 2 * PRINT_MARGIN;
  return { width: width * scale, height: height * scale, scale, minTextUnits: (MIN_TEXT_PT * MM_PER_PT) / scale, pages: Math.ceil((height * scale) / pageHeight - 1e-9) };
}

/** The point size text `units` high prints at, at `scale` mm per unit. */
export const printedPt = (units: number, scale: number) => (units * scale) / MM_PER_PT;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * The PNG with its pixel density set (a `pHYs` chunk, pixels per metre, replacing any there was), so that an
 * image viewer or a printer at 100 % prints it at its intended size.
 */
export function withDensity(png: Uint8Array, dpi: number): Uint8Array<ArrayBuffer> {
  const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];
  if (SIGNATURE.some((b, i) => png[i] !== b)) throw new Error('not a PNG file');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunks: Uint8Array[] = [png.subarray(0, 8)];
  const perMetre = Math.round(dpi / 0.0254);
  const phys = new Uint8Array(21);
  const pv = new DataView(phys.buffer);
  pv.setUint32(0, 9);
  phys.set([0x70, 0x48, 0x59, 0x73], 4); // "pHYs"
  pv.setUint32(8, perMetre);
  pv.setUint32(12, perMetre);
  phys[16] = 1; // unit: the metre
  pv.setUint32(17, crc32(phys.subarray(4, 17)));
  for (let at = 8; at < png.length; ) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    const end = at + 12 + length;
    if (type !== 'pHYs') chunks.push(png.subarray(at, end));
    if (type === 'IHDR') chunks.push(phys);
    at = end;
  }
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}

/** A PNG's width and height in pixels and its density in dots per inch (undefined without a `pHYs` chunk). */
export function pngInfo(png: Uint8Array): { width: number; height: number; dpi?: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const info: { width: number; height: number; dpi?: number } = { width: view.getUint32(16), height: view.getUint32(20) };
  for (let at = 8; at < png.length; ) {
    const length = view.getUint32(at);
    if (String.fromCharCode(...png.subarray(at + 4, at + 8)) === 'pHYs' && png[at + 16] === 1) info.dpi = view.getUint32(at + 8) * 0.0254;
    at += 12 + length;
  }
  return info;
}
