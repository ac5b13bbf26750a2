/**
 * The interactive canvas (loaded lazily): Cytoscape with the positions computed at build time
 * (`preset` layout), styled from the same encoding as the static SVG and the site's theme colours.
 */
import cytoscape, { type Core, type ElementDefinition, type StylesheetJson } from 'cytoscape';
import { DASH, EDGE_WIDTH, KIND_STYLES, RELATION_STYLES } from '../graph/encoding.ts';
import { CLAIM_KINDS } from '../graph/model.ts';
import type { MapView } from '../graph/view.ts';
import { LABEL_WORDS, type Label } from './map-data.ts';

export interface MapCanvas {
  select(id: string | undefined, centre: boolean): void;
  zoom(factor: number): void;
  fit(): void;
  filter(kinds: Set<string>, actor: string | undefined): void;
  highlightChain(id: string): void;
  showLabels(labels: Record<string, Label> | undefined): void;
  png(): string;
  /** Where a claim is drawn now, in viewport (client) coordinates; undefined if it is not on the map. */
  nodeBox(id: string): { x: number; y: number; width: number; height: number } | undefined;
  /** What the canvas shows now: zoom level, number of claims drawn, selected claims, visible relations per kind. */
  state(): { zoom: number; pan: { x: number; y: number }; nodes: number; selected: string[]; visibleRelations: Record<string, number> };
}

/** Below this zoom the 12.5 px labels get too small to read; the first view never goes below it. */
const READABLE_ZOOM = 0.9;

const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;
const cssVar = (name: string) => getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#000';

function labelFor(view: MapView, id: string, label?: Label): string {
  const node = view.nodes.find((n) => n.id === id)!;
  const tag = `${node.focus ? '★ ' : ''}${KIND_STYLES[node.kind].tag}${label ? `  ·  ${LABEL_WORDS[label]}` : ''}`;
  return [tag, ...node.lines].join('\n');
}

function stylesheet(): StylesheetJson {
  const text = cssVar('--map-text');
  const style: StylesheetJson = [
    {
      selector: 'node.claim',
      style: {
        width: 'data(width)',
        height: 'data(height)',
        label: 'data(label)',
        'text-wrap': 'wrap',
        'text-max-width': '400px',
        'text-valign': 'center',
        'text-halign': 'center',
        'font-size': 12.5,
        'line-height': 1.28,
        'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
        color: text,
        'background-color': cssVar('--map-node-bg'),
        'border-color': text,
      },
    },
    { selector: 'node.focus', style: { 'background-color': cssVar('--map-focus-bg') } },
    { selector: 'node.kind-context', style: { 'background-color': cssVar('--map-context-bg') } },
    { selector: 'node.anchor', style: { shape: 'diamond', width: 14, height: 14, 'background-color': cssVar('--map-undercuts'), 'border-width': 0 } },
    {
      selector: 'edge',
      style: { 'curve-style': 'straight', 'arrow-scale': 1.3, 'target-arrow-fill': 'filled' },
    },
    { selector: 'edge.first-half', style: { 'target-arrow-shape': 'none' } },
    { selector: ':selected, .selected', style: { 'underlay-color': cssVar('--map-select'), 'underlay-opacity': 0.55, 'underlay-padding': 8 } },
    { selector: '.faded', style: { opacity: 0.22 } },
    { selector: '.hidden', style: { display: 'none' } },
    { selector: 'node.chain', style: { 'underlay-color': cssVar('--map-supports'), 'underlay-opacity': 0.35, 'underlay-padding': 6 } },
  ];
  for (const kind of CLAIM_KINDS) {
    const s = KIND_STYLES[kind];
    style.push({
      selector: `node.kind-${kind}`,
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
  // Keep the first half of an undercut relation free of arrowheads after the per-kind rules.
  style.push({ selector: 'edge.first-half', style: { 'target-arrow-shape': 'none' } });
  return style;
}

export function createCanvas(host: HTMLElement, view: MapView, onSelect: (id: string | undefined) => void): MapCanvas {
  const elements: ElementDefinition[] = [
    ...view.nodes.map((n) => ({
      group: 'nodes' as const,
      data: { id: n.id, label: labelFor(view, n.id), width: n.width, height: n.height, by: n.by ?? '' },
      position: { x: n.x, y: n.y },
      classes: ['claim', `kind-${n.kind}`, n.focus ? 'focus' : ''].join(' '),
    })),
    ...view.anchors.map((a) => ({ group: 'nodes' as const, data: { id: a.id }, position: { x: a.x, y: a.y }, classes: 'anchor', selectable: false })),
    ...view.edges.map((e) => ({
      group: 'edges' as const,
      data: { id: e.id, source: e.source, target: e.target, kind: e.kind },
      classes: `rel-${e.kind}${e.id.endsWith('#1') ? ' first-half' : ''}`,
    })),
  ];
  const cy: Core = cytoscape({
    container: host,
    elements,
    layout: { name: 'preset' },
    style: stylesheet(),
    minZoom: 0.15,
    maxZoom: 3,
    autoungrabify: true,
    boxSelectionEnabled: false,
    selectionType: 'single',
  });
  // Cytoscape only notices window resizes; the drawing also changes size when it is folded and opened again.
  new ResizeObserver(() => cy.resize()).observe(host);
  const focus = cy.nodes('.focus');
  const fitFocus = () => {
    cy.stop(true);
    const wanted = focus.length ? focus.closedNeighborhood() : cy.elements();
    cy.fit(wanted, 30);
    // Never bigger than life.
    if (cy.zoom() > 1) cy.zoom(1);
    if (cy.zoom() >= READABLE_ZOOM) {
      cy.center(wanted);
      return;
    }
    // Too big to fit readably: show the top of the argument (conclusions sit above their reasons) at a
    // readable size, starting from the highest claim of interest, and let the reader pan from there.
    cy.zoom(1);
    const anchors = focus.length ? focus : cy.nodes('.kind-question, .kind-position');
    const pool = (anchors.length ? anchors : cy.nodes('.claim')).toArray() as cytoscape.NodeSingular[];
    const middle = (pool.reduce((sum, n) => sum + n.position('x'), 0) / pool.length) || 0;
    // The highest of them; among equals, the one nearest the middle.
    const [top] = pool.sort((a, b) => a.position('y') - b.position('y') || Math.abs(a.position('x') - middle) - Math.abs(b.position('x') - middle));
    if (!top) return;
    cy.pan({ x: host.clientWidth / 2 - top.position('x'), y: 24 + top.height() / 2 - top.position('y') });
  };
  fitFocus();
  let zoomTarget: number | undefined;
  cy.on('tap', 'node.claim', (event) => onSelect(event.target.id()));
  cy.on('tap', (event) => {
    if (event.target === cy) onSelect(undefined);
  });
  // Follow the site's light/dark switch.
  new MutationObserver(() => cy.style(stylesheet())).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });

  const animate = (opts: cytoscape.AnimationOptions & { zoom?: cytoscape.ZoomOptions; center?: cytoscape.CenterOptions }) =>
    reducedMotion() ? cy.zoom(opts.zoom ?? cy.zoom()) : cy.animate(opts, { duration: 200 });

  const canvas: MapCanvas = {
    select(id, centre) {
      cy.elements().removeClass('selected').unselect();
      cy.elements().removeClass('chain faded');
      if (!id) return;
      const node = cy.getElementById(id);
      node.addClass('selected').select();
      if (centre && node.nonempty()) {
        if (reducedMotion()) cy.center(node);
        else cy.animate({ center: { eles: node } }, { duration: 250 });
      }
    },
    zoom(factor) {
      // Quick repeated clicks each count in full: start from where a running zoom is heading.
      const from = cy.animated() && zoomTarget !== undefined ? zoomTarget : cy.zoom();
      const level = Math.min(3, Math.max(0.15, from * factor));
      zoomTarget = level;
      cy.stop(true);
      const renderedPosition = { x: host.clientWidth / 2, y: host.clientHeight / 2 };
      if (reducedMotion()) cy.zoom({ level, renderedPosition });
      else animate({ zoom: { level, renderedPosition } });
    },
    fit: fitFocus,
    filter(kinds, actor) {
      cy.edges().forEach((e) => {
        e.toggleClass('hidden', !kinds.has(e.data('kind')));
      });
      cy.nodes('.claim').forEach((n) => {
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
      cy.fit(chain, 40);
    },
    showLabels(labels) {
      for (const n of view.nodes) cy.getElementById(n.id).data('label', labelFor(view, n.id, labels?.[n.id]));
    },
    png: () => cy.png({ full: true, scale: 2, bg: cssVar('--map-bg') }),
    nodeBox(id) {
      const node = cy.getElementById(id);
      if (node.empty() || !node.visible()) return undefined;
      const bb = node.renderedBoundingBox({ includeLabels: false, includeOverlays: false, includeUnderlays: false });
      const frame = host.getBoundingClientRect();
      return { x: frame.left + bb.x1, y: frame.top + bb.y1, width: bb.w, height: bb.h };
    },
    state() {
      const visibleRelations: Record<string, number> = {};
      cy.edges().forEach((e) => {
        if (e.id().endsWith('#1')) return;
        const kind = e.data('kind') as string;
        visibleRelations[kind] = (visibleRelations[kind] ?? 0) + (e.visible() ? 1 : 0);
      });
      return { zoom: cy.zoom(), pan: cy.pan(), nodes: cy.nodes('.claim').length, selected: cy.nodes(':selected').map((n) => n.id()), visibleRelations };
    },
  };

  // With the map focused: arrow keys move the view, + and − zoom, 0 returns to the first view.
  // (Claims are chosen with the keyboard in the outline, which the map's label points to.)
  const PAN_STEP = 60;
  const pans: Record<string, { x: number; y: number }> = {
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
    else if (event.key === '0') fitFocus();
    else return;
    event.preventDefault();
  });
  return canvas;
}
