/**
 * "Download": the drawing sized for A4 landscape (`../../lib/a4.ts`), in print colours whatever the theme, as an
 * SVG with its width and height in millimetres and a line saying its scale, or as a PNG made from that SVG at
 * 200 dpi with its density recorded, so that printing at 100 % gives labels of 9 pt or more.
 */
import { PNG_DPI, printedPt, printSize, withDensity, type PrintSize } from '../../lib/a4.ts';
import { LABEL_FONT_SIZE } from '../../graph/drawing.ts';
import { el } from '../map-data.ts';

const fileName = () => `argument-map-${document.title.split('|')[0].trim().toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;

function save(href: string, ext: string) {
  const a = el('a', { href, download: `${fileName()}.${ext}` });
  document.body.append(a);
  a.click();
  a.remove();
}

function saveBlob(blob: Blob, ext: string) {
  const url = URL.createObjectURL(blob);
  save(url, ext);
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadSvg(root: HTMLElement) {
  saveBlob(new Blob([new XMLSerializer().serializeToString(printableSvg(root).svg)], { type: 'image/svg+xml' }), 'svg');
}

/** The same drawing as a PNG, drawn from the printable SVG at 200 dpi. */
export async function downloadPng(root: HTMLElement) {
  const { svg, size } = printableSvg(root);
  const image = new Image();
  const url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(svg)], { type: 'image/svg+xml' }));
  image.src = url;
  await image.decode();
  const pxPerMm = PNG_DPI / 25.4;
  const canvas = el('canvas', { width: Math.round(size.width * pxPerMm), height: Math.round(size.height * pxPerMm) });
  canvas.getContext('2d')!.drawImage(image, 0, 0, canvas.width, canvas.height);
  URL.revokeObjectURL(url);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('the browser could not make a PNG of the map');
  saveBlob(new Blob([withDensity(new Uint8Array(await blob.arrayBuffer()), PNG_DPI)], { type: 'image/png' }), 'png');
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * A copy of the page's static drawing that stands alone: colours inlined (the light theme's, for paper), on a
 * background, no text under 9 pt at its printed size, a line at the foot giving the scale and the page, and a
 * physical width and height in millimetres.
 */
export function printableSvg(root: HTMLElement): { svg: SVGSVGElement; size: PrintSize } {
  const original = root.querySelector<SVGSVGElement>('[data-static] svg')!;
  const svg = original.cloneNode(true) as SVGSVGElement;
  inlineStyles(original, svg);
  for (const selected of svg.querySelectorAll('.is-selected, .is-highlighted')) selected.classList.remove('is-selected', 'is-highlighted');
  const [x, y, width, height] = (svg.getAttribute('viewBox') ?? '').split(/\s+/).map(Number);
  const size0 = printSize(width, height, LABEL_FONT_SIZE);
  const minText = Math.ceil(size0.minTextUnits * 10) / 10;
  for (const text of svg.querySelectorAll<SVGTextElement>('text')) {
    if (parseFloat(text.style.fontSize) < minText) text.style.fontSize = `${minText}px`;
  }
  // The note at the foot: two lines of the least text size, under the drawing.
  const foot = minText * 3.2;
  const size = printSize(width, height + foot, LABEL_FONT_SIZE);
  const note = document.createElementNS(SVG_NS, 'text');
  note.setAttribute('x', String(x + 4));
  note.setAttribute('y', String(y + height + minText * 1.3));
  const ink = svg.querySelector<SVGTextElement>('.map-label')?.style.fill || '#000';
  note.setAttribute('style', `font-family:${getComputedStyle(original).fontFamily};font-size:${minText}px;fill:${ink}`);
  const line = (text: string, dy: number) => {
    const span = document.createElementNS(SVG_NS, 'tspan');
    span.setAttribute('x', String(x + 4));
    span.setAttribute('dy', String(dy));
    span.textContent = text;
    note.append(span);
  };
  const label = printedPt(LABEL_FONT_SIZE, size.scale).toFixed(1);
  line(
    `Scale: ${Math.round(size.width)} mm wide, for A4 landscape (${size.pages} page${size.pages === 1 ? '' : 's'} tall at this size): 1 unit = ${size.scale.toFixed(3)} mm, labels ${label} pt, no text under 9 pt.`,
    0,
  );
  line(`From ${location.origin}${location.pathname}`, minText * 1.35);
  svg.append(note);
  const background = document.createElementNS(SVG_NS, 'rect');
  for (const [k, v] of Object.entries({ x, y, width, height: height + foot })) background.setAttribute(k, String(v));
  background.setAttribute('style', `fill:${svg.dataset.background ?? '#fff'}`);
  svg.prepend(background);
  delete svg.dataset.background;
  svg.setAttribute('viewBox', `${x} ${y} ${width} ${height + foot}`);
  svg.setAttribute('width', `${size.width.toFixed(1)}mm`);
  svg.setAttribute('height', `${size.height.toFixed(1)}mm`);
  return { svg, size };
}

/**
 * Copy the computed colours into the clone, so the downloaded SVG looks the same outside the site. They are read
 * in the light theme (the drawing is for paper): the theme is switched and switched back within this one task,
 * so the page never paints in between.
 */
function inlineStyles(source: SVGSVGElement, clone: SVGSVGElement) {
  const holder = source.parentElement as HTMLElement;
  const wasHidden = holder.hidden;
  const theme = document.documentElement.dataset.theme;
  holder.hidden = false;
  document.documentElement.dataset.theme = 'light';
  try {
    const from = [source, ...source.querySelectorAll('*')];
    const to = [clone, ...clone.querySelectorAll('*')];
    from.forEach((node, i) => {
      const cs = getComputedStyle(node);
      const style = ['fill', 'stroke', 'font-family', 'font-size', 'font-weight', 'text-anchor', 'opacity', 'letter-spacing'].map((p) => `${p}:${cs.getPropertyValue(p)}`).join(';');
      to[i].setAttribute('style', style);
    });
    clone.dataset.background = getComputedStyle(document.documentElement).getPropertyValue('--map-bg').trim() || '#fff';
  } finally {
    if (theme === undefined) delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
    holder.hidden = wasHidden;
  }
}
