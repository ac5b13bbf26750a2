/**
 * The interactive drawing (loaded lazily): Cytoscape with the boxes and routed lines computed at build time,
 * styled from the same encoding as the static SVG and the site's theme colours. The wheel scrolls the page;
 * Ctrl/⌘ + wheel, a pinch or the zoom buttons zoom.
 */
import cytoscape, { type Core, type ElementDefinition, type NodeSingular, type StylesheetJson } from 'cytoscape';
import { ANCHOR_SIZE, DRAWING_MARGIN, LABEL_FONT_SIZE, MAP_FONT, READABLE_ZOOM } from '../graph/drawing.ts';
import { DASH, EDGE_WIDTH, KIND_STYLES, RELATION_STYLES } from '../graph/encoding.ts';
import { CLAIM_KINDS } from '../graph/model.ts';
import type { Point } from '../graph/types.ts';
import { LABEL_WORDS, type Label, type MapData } from './map-data.ts';


export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface MapCanvas {
  /** Mark a claim (and its reference chips) selected; `reveal` pans it into the canvas if it is outside. */
  select(id: string | undefined, reveal: boolean): void;
  /** Pan so a claim sits in the middle of the canvas's top `height` pixels (the part a pinned sheet leaves free). */
  centre(id: string, height: number): void;
  zoom(factor: number): void;
  /** The whole drawing. */
  fit(): void;
  /** The first view: the claims the map is about, at a readable size. */
  home(): void;
  filter(kinds: Set<string>, actor: string | undefined): void;
  highlightChain(id: string): void;
  /** Mark claims (and their reference chips) for the guided tour; an empty list clears the marks. */
  highlight(ids: string[]): void;
  showLabels(labels: Record<string, Label> | undefined): void;
  /** Fit the canvas to the width it has now (after a resize, or when the drawing is shown). */
  resize(): void;
  png(): string;
  /** Where a claim is drawn now, in viewport (client) coordinates; undefined if it is not on the map or hidden. */
  nodeBox(id: string): Box | undefined;
  /** Zoom level, pan, number of claims drawn, selected claims, visible relations per kind. */
  state(): { zoom: number; pan: Point; nodes: number; selected: string[]; highlighted: string[]; visibleRelations: Record<string, number> };
  destroy(): void;
}

const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;
const cssVar = (name: string) => getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#000';

function stylesheet(): StylesheetJson {
  const text = cssVar('--map-text');
  const style: StylesheetJson = [
    {
      selector: 'node.claim, node.ref',
      style: {
        width: 'data(width)',
        height: 'data(height)',
        label: 'data(label)',
        'text-wrap': 'wrap',
        'text-max-width': '1000px',
        'text-valign': 'center',
        'text-halign': 'center',
        'font-size': LABEL_FONT_SIZE,
        'line-height': 1.28,
        'font-family': MAP_FONT,
        color: text,
        'background-color': cssVar('--map-node-bg'),
        'border-color': text,
      },
    },
    { selector: 'node.focus', style: { 'background-color': cssVar('--map-focus-bg') } },
    { selector: 'node.kind-context', style: { 'background-color': cssVar('--map-context-bg') } },
    { selector: 'node.ref', style: { shape: 'round-rectangle', 'border-width': 1, 'border-style': 'dashed' } },
    { selector: 'node.anchor', style: { shape: 'diamond', width: ANCHOR_SIZE, height: ANCHOR_SIZE, 'background-color': cssVar('--map-undercuts'), 'border-width': 0 } },
    // Bends are placed relative to each line's own end points (Cytoscape 3.27+; its type definitions lag behind).
    { selector: 'edge', style: { 'arrow-scale': 1.3, 'target-arrow-fill': 'filled', 'edge-distances': 'endpoints' as 'intersection' } },
    // The guided tour's marks, under the selection's (which comes later and wins where both apply).
    { selector: 'node.tour', style: { 'underlay-color': cssVar('--map-tour'), 'underlay-opacity': 0.5, 'underlay-padding': 9, 'underlay-shape': 'round-rectangle' } },
    { selector: '.selected', style: { 'underlay-color': cssVar('--map-select'), 'underlay-opacity': 0.6, 'underlay-padding': 8, 'underlay-shape': 'round-rectangle' } },
    { selector: 'node.ref.selected', style: { 'underlay-opacity': 0.35 } },
    { selector: '.faded', style: { opacity: 0.22 } },
    { selector: '.hidden', style: { display: 'none' } },
    { selector: 'node.chain', style: { 'underlay-color': cssVar('--map-supports'), 'underlay-opacity': 0.35, 'underlay-padding': 6 } },
  ];
  for (const kind of CLAIM_KINDS) {
    const s = KIND_STYLES[kind];
    style.push({
      selector: `node.claim.kind-${kind}`,
      style: {
        ...(Array.isArray(s.shape) ? { shape: 'polygon', 'shape-polygon-points': s.shape.join(' ') } : { shape: s.shape }),
        'border-width': s.borderWidth,
        'border-style': s.border,
      },
    });
  }
  for (const [kind, s] of Object.entries(RELATION_STYLES)) {
    const colour = cssVar(s.colourVar);
    style.push({
      selector: `edge.rel-${kind}`,
      style: {
        width: EDGE_WIDTH[kind as keyof typeof EDGE_WIDTH],
        'line-color': colour,
        'target-arrow-color': colour,
        'line-style': s.line,
        ...(DASH[s.line] ? { 'line-dash-pattern': DASH[s.line]!.split(' ').map(Number) } : {}),
        'target-arrow-shape': s.arrow,
        ...(s.arrow === 'vee' ? { 'target-arrow-fill': 'hollow' } : {}),
      },
    });
  }
  return style;
}

/** A routed line as Cytoscape segments: end points relative to their boxes, bends relative to the ends. */
function segments(points: Point[], source: Point, target: Point) {
  const first = points[0];
  const last = points.at(-1)!;
  const end = (p: Point, c: Point) => `${p.x - c.x}px ${p.y - c.y}px`;
  const dx = last.x - first.x;
  const dy = last.y - first.y;
  const len2 = dx * dx + dy * dy || 1;
  const len = Math.sqrt(len2);
  const weights: number[] = [];
  const distances: number[] = [];
  for (const p of points.slice(1, -1)) {
    const px = p.x - first.x;
    const py = p.y - first.y;
    weights.push((px * dx + py * dy) / len2);
    distances.push((px * -dy + py * dx) / len);
  }
  return { sourceEnd: end(first, source), targetEnd: end(last, target), weights, distances };
}

export function createCanvas(host: HTMLElement, data: MapData, onSelect: (id: string | undefined) => void): MapCanvas {
  const { view } = data;
  const nodeById = new Map(view.nodes.map((n) => [n.id, n]));
  const tagOf = (id: string, label?: Label) => {
    const n = nodeById.get(id)!;
    return `${n.focus ? '★ ' : ''}${KIND_STYLES[n.kind].tag}${label ? `  ·  ${LABEL_WORDS[label]}` : ''}`;
  };
  const anchorOf = new Map(view.anchors.map((a, i) => [a.edge, { id: `anchor-${i}`, ...a }]));
  const centre = new Map<string, Point>([...view.nodes, ...view.refs].map((b) => [b.id, { x: b.x, y: b.y }]));
  for (const a of anchorOf.values()) centre.set(a.id, { x: a.x, y: a.y });
  const elements: ElementDefinition[] = [
    ...view.nodes.map((n) => ({
      group: 'nodes' as const,
      data: { id: n.id, label: [tagOf(n.id), ...n.lines].join('\n'), width: n.width, height: n.height, by: n.by ?? '' },
      position: { x: n.x, y: n.y },
      classes: ['claim', `kind-${n.kind}`, n.focus ? 'focus' : ''].join(' '),
    })),
    ...view.refs.map((r) => ({
      group: 'nodes' as const,
      data: { id: r.id, claim: r.claim, label: [`↪ ${KIND_STYLES[nodeById.get(r.claim)!.kind].tag}${r.continued ? ' · CONTINUED' : ''}`, ...r.lines].join('\n'), width: r.width, height: r.height, by: nodeById.get(r.claim)!.by ?? '' },
      position: { x: r.x, y: r.y },
      classes: `ref kind-${nodeById.get(r.claim)!.kind}`,
    })),
    ...[...anchorOf.values()].map((a) => ({ group: 'nodes' as const, data: { id: a.id }, position: { x: a.x, y: a.y }, classes: 'anchor', selectable: false })),
    ...view.edges.map((e) => {
      const target = e.kind === 'undercuts' ? anchorOf.get(e.id)!.id : (e.target ?? e.to);
      const seg = segments(e.points, centre.get(e.source)!, centre.get(target)!);
      const route = seg.weights.length
        ? { 'curve-style': 'segments', 'segment-weights': seg.weights, 'segment-distances': seg.distances }
        : { 'curve-style': 'straight' };
      return {
        group: 'edges' as const,
        data: { id: e.id, source: e.source, target, kind: e.kind, route: { ...route, 'source-endpoint': seg.sourceEnd, 'target-endpoint': seg.targetEnd } },
        classes: `rel-${e.kind}`,
      };
    }),
  ];
  const container = document.createElement('div');
  container.className = 'map-cy';
  host.replaceChildren(container);
  const cy: Core = cytoscape({
    container,
    elements,
    layout: { name: 'preset' },
    style: stylesheet(),
    minZoom: 0.1,
    maxZoom: 3,
    autoungrabify: true,
    boxSelectionEnabled: false,
    selectionType: 'single',
  });
  // Each line's own route, as a per-element style: Cytoscape draws exactly the lines the static SVG draws.
  cy.batch(() => cy.edges().forEach((e) => void e.style(e.data('route'))));
  const fullWidth = view.width + DRAWING_MARGIN * 2;
  const fullHeight = view.height + DRAWING_MARGIN * 2;
  const bounds = { x1: -DRAWING_MARGIN, y1: -DRAWING_MARGIN, x2: view.width + DRAWING_MARGIN, y2: view.height + DRAWING_MARGIN };
  /** The zoom at which the whole width fits; the drawing is never shown bigger than life. */
  const fitZoom = () => Math.min(1, host.clientWidth / fullWidth);
  const readable = () => fitZoom() >= READABLE_ZOOM;

  // The wheel scrolls the page; only Ctrl/⌘ + wheel (and a trackpad pinch, which browsers send as one) zooms,
  // around the pointer. Cytoscape never sees the wheel: its own handler would trap the page's scrolling.
  host.addEventListener(
    'wheel',
    (event) => {
      event.stopPropagation();
      if (!event.ctrlKey && !event.metaKey) return;
      event.preventDefault();
      const pixels = event.deltaMode === 1 ? event.deltaY * 16 : event.deltaMode === 2 ? event.deltaY * innerHeight : event.deltaY;
      const frame = container.getBoundingClientRect();
      const level = Math.min(3, Math.max(minZoom(), cy.zoom() * Math.exp(-pixels / 300)));
      cy.zoom({ level, renderedPosition: { x: event.clientX - frame.left, y: event.clientY - frame.top } });
    },
    { capture: true, passive: false },
  );

  /** Size the canvas: as tall as the drawing at the width's zoom, or a window onto it when that would be unreadable. */
  const size = () => {
    const zoom = readable() ? fitZoom() : READABLE_ZOOM;
    // A window onto the drawing: on a phone it leaves room below for the claim's pinned panel.
    const height = readable() ? fullHeight * zoom : Math.min(fullHeight * zoom, Math.max(320, innerHeight * 0.55));
    host.style.height = `${Math.round(height)}px`;
    cy.resize();
  };
  /** Never smaller than half the first view, so the drawing cannot vanish into a corner. */
  const minZoom = () => Math.min(fitZoom(), READABLE_ZOOM) / 2;

  const focus = cy.nodes('node.claim.focus');
  const home = () => {
    cy.stop(true);
    size();
    if (readable()) {
      cy.zoom(fitZoom());
      cy.pan({ x: (host.clientWidth - view.width * cy.zoom()) / 2, y: DRAWING_MARGIN * cy.zoom() });
    } else {
      // Too narrow to show the width readably: start at a readable size on the highest claim of interest.
      cy.zoom(READABLE_ZOOM);
      const pool = (focus.length ? focus : cy.nodes('.kind-question, .kind-position')).toArray() as NodeSingular[];
      const [top] = pool.sort((a, b) => a.position('y') - b.position('y') || a.position('x') - b.position('x'));
      const at = top ? top.position() : { x: view.width / 2, y: 0 };
      cy.pan({ x: host.clientWidth / 2 - at.x * READABLE_ZOOM, y: DRAWING_MARGIN + (top ? top.height() / 2 : 0) * READABLE_ZOOM - at.y * READABLE_ZOOM + 8 });
    }
  };
  home();
  new ResizeObserver(() => {
    const before = readable();
    size();
    if (readable() || before !== readable()) home();
  }).observe(host.parentElement ?? host);

  const claimOf = (node: NodeSingular) => (node.hasClass('ref') ? (node.data('claim') as string) : node.id());
  cy.on('tap', 'node.claim, node.ref', (event) => onSelect(claimOf(event.target)));
  // A tap on the background, a line or a diamond clears the selection.
  cy.on('tap', (event) => {
    if (event.target === cy || !event.target.is('node.claim, node.ref')) onSelect(undefined);
  });
  // Follow the site's light/dark switch.
  new MutationObserver(() => cy.style(stylesheet())).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });

  let zoomTarget: number | undefined;
  const canvas: MapCanvas = {
    select(id, reveal) {
      cy.elements().removeClass('selected chain faded');
      if (!id) return;
      const drawn = cy.nodes(`#${CSS.escape(id)}, node.ref[claim = "${id.replace(/"/g, '\\"')}"]`);
      drawn.addClass('selected');
      const node = cy.getElementById(id);
      if (!reveal || node.empty()) return;
      const bb = node.renderedBoundingBox({});
      const inside = bb.x1 >= 0 && bb.y1 >= 0 && bb.x2 <= host.clientWidth && bb.y2 <= host.clientHeight;
      if (inside) return;
      if (reducedMotion()) cy.center(node);
      else cy.animate({ center: { eles: node } }, { duration: 250 });
    },
    centre(id, height) {
      const node = cy.getElementById(id);
      if (node.empty()) return;
      const p = node.position();
      const pan = { x: host.clientWidth / 2 - p.x * cy.zoom(), y: Math.min(height, host.clientHeight) / 2 - p.y * cy.zoom() };
      if (reducedMotion()) cy.pan(pan);
      else cy.animate({ pan }, { duration: 250 });
    },
    zoom(factor) {
      // Quick repeated clicks each count in full: start from where a running zoom is heading.
      const from = cy.animated() && zoomTarget !== undefined ? zoomTarget : cy.zoom();
      const level = Math.min(3, Math.max(minZoom(), from * factor));
      zoomTarget = level;
      cy.stop(true);
      const renderedPosition = { x: host.clientWidth / 2, y: Math.min(host.clientHeight, innerHeight) / 2 };
      if (reducedMotion()) cy.zoom({ level, renderedPosition });
      else cy.animate({ zoom: { level, renderedPosition } }, { duration: 200 });
    },
    fit() {
      cy.stop(true);
      cy.viewport({ zoom: Math.min(host.clientWidth / fullWidth, host.clientHeight / fullHeight, 1), pan: { x: 0, y: 0 } });
      const z = cy.zoom();
      cy.pan({ x: (host.clientWidth - (bounds.x2 - bounds.x1) * z) / 2 - bounds.x1 * z, y: (host.clientHeight - (bounds.y2 - bounds.y1) * z) / 2 - bounds.y1 * z });
    },
    home,
    filter(kinds, actor) {
      cy.edges().forEach((e) => {
        e.toggleClass('hidden', !kinds.has(e.data('kind')));
      });
      cy.nodes('node.claim, node.ref').forEach((n) => {
        n.toggleClass('faded', Boolean(actor) && n.data('by') !== actor);
      });
    },
    highlightChain(id) {
      // Every claim that supports this one, directly or through others, down to the evidence.
      let chain = cy.getElementById(id).union(cy.collection());
      let frontier = chain;
      while (frontier.nonempty()) {
        const incoming = frontier.incomers('edge.rel-supports');
        const next = incoming.sources().difference(chain);
        chain = chain.union(incoming).union(next);
        frontier = next;
      }
      cy.elements().addClass('faded').removeClass('chain');
      chain.removeClass('faded').addClass('chain');
    },
    highlight(ids) {
      cy.nodes('.tour').removeClass('tour');
      for (const id of ids) cy.nodes(`#${CSS.escape(id)}, node.ref[claim = "${id.replace(/"/g, '\\"')}"]`).addClass('tour');
    },
    showLabels(labels) {
      for (const n of view.nodes) cy.getElementById(n.id).data('label', [tagOf(n.id, labels?.[n.id]), ...n.lines].join('\n'));
    },
    resize() {
      home();
    },
    png: () => cy.png({ full: true, scale: 2, bg: cssVar('--map-bg') }),
    nodeBox(id) {
      const node = cy.getElementById(id);
      if (node.empty() || !node.visible()) return undefined;
      const bb = node.renderedBoundingBox({ includeLabels: false, includeOverlays: false, includeUnderlays: false });
      const frame = container.getBoundingClientRect();
      return { x: frame.left + bb.x1, y: frame.top + bb.y1, width: bb.w, height: bb.h };
    },
    state() {
      const visibleRelations: Record<string, number> = {};
      cy.edges().forEach((e) => {
        const kind = e.data('kind') as string;
        visibleRelations[kind] = (visibleRelations[kind] ?? 0) + (e.visible() ? 1 : 0);
      });
      const ids = (selector: string) => cy.nodes(selector).map((n) => n.id());
      return { zoom: cy.zoom(), pan: cy.pan(), nodes: cy.nodes('.claim').length, selected: ids('node.claim.selected'), highlighted: ids('node.claim.tour'), visibleRelations };
    },
    destroy: () => cy.destroy(),
  };

  // With the map focused: arrow keys move the view, + and − zoom, 0 returns to the first view.
  // (Claims are chosen with the keyboard in the outline, which the map's label points to.)
  const PAN_STEP = 60;
  const pans: Record<string, Point> = {
    ArrowLeft: { x: PAN_STEP, y: 0 },
    ArrowRight: { x: -PAN_STEP, y: 0 },
    ArrowUp: { x: 0, y: PAN_STEP },
    ArrowDown: { x: 0, y: -PAN_STEP },
  };
  host.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (pans[event.key]) cy.panBy(pans[event.key]);
    else if (event.key === '+' || event.key === '=') canvas.zoom(1.25);
    else if (event.key === '-' || event.key === '−') canvas.zoom(0.8);
    else if (event.key === '0') home();
    else return;
    event.preventDefault();
  });
  return canvas;
}
