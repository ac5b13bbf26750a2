/**
 * The static map: the same layout, shapes and relation styles as the interactive map, as SVG markup
 * built at build time, so the map shows without JavaScript. All text is escaped.
 */
import { DASH, EDGE_WIDTH, KIND_STYLES, RELATION_STYLES } from './encoding.ts';
import { ANCHOR_SIZE, DRAWING_MARGIN as MARGIN, LABEL_LINE_HEIGHT } from './drawing.ts';
import type { MapView, ViewNode, ViewRef } from './view-types.ts';

export const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const r = (n: number) => Math.round(n * 10) / 10;

function shapeMarkup(node: ViewNode): string {
  const style = KIND_STYLES[node.kind];
  const { x, y, width: w, height: h } = node;
  const attrs = `class="map-shape" stroke-width="${style.borderWidth}"${DASH[style.border] ? ` stroke-dasharray="${DASH[style.border]}"` : ''}`;
  if (Array.isArray(style.shape)) {
    const points: string[] = [];
    for (let i = 0; i < style.shape.length; i += 2) points.push(`${r(x + (style.shape[i] * w) / 2)},${r(y + (style.shape[i + 1] * h) / 2)}`);
    return `<polygon points="${points.join(' ')}" ${attrs}/>`;
  }
  const rx = style.shape === 'round-rectangle' ? 10 : 0;
  return `<rect x="${r(x - w / 2)}" y="${r(y - h / 2)}" width="${w}" height="${h}" rx="${rx}" ${attrs}/>`;
}

function nodeMarkup(node: ViewNode): string {
  const style = KIND_STYLES[node.kind];
  const top = node.y - node.height / 2;
  const lines = node.lines
    .map((line, i) => `<tspan x="${node.x}" y="${r(top + 30 + i * LABEL_LINE_HEIGHT)}">${escapeXml(line)}</tspan>`)
    .join('');
  const classes = `map-node kind-${node.kind}${node.focus ? ' is-focus' : ''}`;
  return (
    `<g class="${classes}" data-id="${escapeXml(node.id)}">` +
    shapeMarkup(node) +
    // The star marks the claims the map is about, as on the canvas, so the highlight does not rest on colour alone.
    `<text class="map-tag" x="${node.x}" y="${r(top + 13)}">${node.focus ? '★ ' : ''}${style.tag}</text>` +
    `<text class="map-label" x="${node.x}">${lines}</text></g>`
  );
}

export interface SvgOptions {
  /** Accessible name of the drawing. */
  title: string;
  /** Longer description, e.g. pointing at the outline. */
  description: string;
  /** Unique prefix for ids inside this SVG (several maps may share a page). */
  idPrefix: string;
}

export function renderMapSvg(view: MapView, options: SvgOptions): string {
  const width = view.width + MARGIN * 2;
  const height = view.height + MARGIN * 2;
  const p = options.idPrefix;
  const markers = Object.entries(RELATION_STYLES)
    .map(([kind, style]) => {
      const shape = {
        triangle: '<path d="M0,0 L10,5 L0,10 z"/>',
        tee: '<path d="M7,0 H10 V10 H7 z"/>',
        diamond: '<path d="M0,5 L5,0 L10,5 L5,10 z"/>',
        vee: '<path d="M0,0 L10,5 L0,10" fill="none" stroke-width="1.6"/>',
        circle: '<circle cx="5" cy="5" r="4"/>',
      }[style.arrow];
      return `<marker id="${p}-arrow-${kind}" class="map-marker rel-${kind}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">${shape}</marker>`;
    })
    .join('');
  const edges = view.edges
    .map((e) => {
      const style = RELATION_STYLES[e.kind];
      const dash = DASH[style.line] ? ` stroke-dasharray="${DASH[style.line]}"` : '';
      const d = e.points.map((pt, i) => `${i ? 'L' : 'M'}${r(pt.x)},${r(pt.y)}`).join(' ');
      return `<path class="map-edge rel-${e.kind}" d="${d}" stroke-width="${EDGE_WIDTH[e.kind]}"${dash} marker-end="url(#${p}-arrow-${e.kind})"/>`;
    })
    .join('');
  const half = ANCHOR_SIZE / 2;
  const anchors = view.anchors
    .map((a) => `<path class="map-anchor" d="M${a.x},${a.y - half} L${a.x + half},${a.y} L${a.x},${a.y + half} L${a.x - half},${a.y} z"/>`)
    .join('');
  const nodes = view.nodes.map((n) => nodeMarkup(n)).join('');
  const kindOf = new Map(view.nodes.map((n) => [n.id, n.kind]));
  const refs = view.refs.map((ref) => refMarkup(ref, kindOf.get(ref.claim)!)).join('');
  return (
    `<svg class="map-svg" xmlns="http://www.w3.org/2000/svg" viewBox="${-MARGIN} ${-MARGIN} ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${p}-title ${p}-desc">` +
    `<title id="${p}-title">${escapeXml(options.title)}</title><desc id="${p}-desc">${escapeXml(options.description)}</desc>` +
    `<defs>${markers}</defs><g class="map-edges">${edges}</g><g class="map-anchors">${anchors}</g><g class="map-nodes">${nodes}${refs}</g></svg>`
  );
}

/** A reference chip: a thin dashed box with the claim's kind and the start of its label. */
function refMarkup(ref: ViewRef, kind: ViewNode['kind']): string {
  const { x, y, width: w, height: h } = ref;
  const top = y - h / 2;
  const lines = ref.lines.map((line, i) => `<tspan x="${x}" y="${r(top + 30 + i * LABEL_LINE_HEIGHT)}">${escapeXml(line)}</tspan>`).join('');
  return (
    `<g class="map-ref kind-${kind}" data-id="${escapeXml(ref.id)}" data-claim="${escapeXml(ref.claim)}">` +
    `<rect x="${r(x - w / 2)}" y="${r(top)}" width="${w}" height="${h}" rx="4" class="map-shape" stroke-width="1" stroke-dasharray="4 3"/>` +
    `<text class="map-tag" x="${x}" y="${r(top + 13)}">↪ ${KIND_STYLES[kind].tag}${ref.continued ? ' · CONTINUED' : ''}</text>` +
    `<text class="map-label" x="${x}">${lines}</text></g>`
  );
}

/**
 * Where a reader without JavaScript should land in the drawing, in its pixels: a little below the highest claim
 * the map is about (its conclusion, since reasons are drawn below), or its question when it is about everything;
 * among claims at the same height, the one nearest the middle of the group. Undefined when there is none.
 */
export function drawingStart(view: Pick<MapView, 'nodes'>): { x: number; y: number } | undefined {
  const focus = view.nodes.filter((n) => n.focus);
  const around = focus.length ? focus : view.nodes.filter((n) => n.kind === 'question');
  if (around.length === 0) return undefined;
  const middle = (Math.min(...around.map((n) => n.x)) + Math.max(...around.map((n) => n.x))) / 2;
  const [lead] = [...around].sort((a, b) => a.y - b.y || Math.abs(a.x - middle) - Math.abs(b.x - middle));
  // The point is centred in the frame, so the claim sits above the middle with its reasons below it.
  return { x: Math.round(lead.x + MARGIN), y: Math.round(lead.y - lead.height / 2 + START_BELOW_TOP + MARGIN) };
}

/** How far below the leading claim's top edge the no-JavaScript view is centred. */
const START_BELOW_TOP = 140;
