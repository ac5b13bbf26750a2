/** "Download": the drawing as an SVG file (with its colours inlined) or as a PNG from the canvas. */
import { el } from '../map-data.ts';

const fileName = () => `argument-map-${document.title.split('|')[0].trim().toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;

function save(href: string, ext: string) {
  const a = el('a', { href, download: `${fileName()}.${ext}` });
  document.body.append(a);
  a.click();
  a.remove();
}

export function downloadPng(dataUrl: string) {
  save(dataUrl, 'png');
}

export function downloadSvg(root: HTMLElement) {
  const original = root.querySelector<SVGSVGElement>('[data-static] svg')!;
  const svg = original.cloneNode(true) as SVGSVGElement;
  inlineStyles(original, svg);
  const blob = new Blob([new XMLSerializer().serializeToString(svg)], { type: 'image/svg+xml' });
  const url = URL.createObjectURL(blob);
  save(url, 'svg');
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Copy the computed colours into the clone, so the downloaded SVG looks the same outside the site. */
function inlineStyles(source: Element, clone: Element) {
  const holder = source.parentElement as HTMLElement;
  const wasHidden = holder.hidden;
  holder.hidden = false;
  const from = [source, ...source.querySelectorAll('*')];
  const to = [clone, ...clone.querySelectorAll('*')];
  from.forEach((node, i) => {
    const cs = getComputedStyle(node);
    const style = ['fill', 'stroke', 'font-family', 'font-size', 'font-weight', 'text-anchor', 'opacity'].map((p) => `${p}:${cs.getPropertyValue(p)}`).join(';');
    to[i].setAttribute('style', style);
  });
  holder.hidden = wasHidden;
}
