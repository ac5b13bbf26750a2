/**
 * The interactive canvas (loaded lazily): Cytoscape with the positions computed at build time
 * (`preset` layout), styled from the same encoding as the static SVG and the site's theme colours.
 */
import cytoscape, { type Core, type ElementDefinition, type StylesheetJson } from 'cytoscape';
import { DASH, EDGE_WIDTH, KIND_STYLES, RELATION_STYLES } from '../graph/encoding.ts';
import { CLAIM_KINDS } from '../graph/schema.ts';
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
}

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
  const focus = cy.nodes('.focus');
  const fitFocus = () => {
    cy.fit(focus.length ? focus.closedNeighborhood() : cy.elements(), 30);
    // Never so far out that labels cannot be read, nor bigger than life.
    if (cy.zoom() > 1) cy.zoom(1);
    if (cy.zoom() < 0.65) cy.zoom(0.65);
    cy.center(focus.length ? focus : cy.nodes('.kind-question, .kind-position'));
  };
  fitFocus();
  cy.on('tap', 'node.claim', (event) => onSelect(event.target.id()));
  cy.on('tap', (event) => {
    if (event.target === cy) onSelect(undefined);
  });
  // Follow the site's light/dark switch.
  new MutationObserver(() => cy.style(stylesheet())).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });

  const animate = (opts: cytoscape.AnimationOptions & { zoom?: cytoscape.ZoomOptions; center?: cytoscape.CenterOptions }) =>
    reducedMotion() ? cy.viewport({ zoom: (opts.zoom as { level?: number } | undefined)?.level ?? cy.zoom() }) : cy.animate(opts, { duration: 200 });

  return {
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
      const level = Math.min(3, Math.max(0.15, cy.zoom() * factor));
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
  };
}
