/**
 * The map layout candidates, measured on the site's own maps: every page map (`pageView`) and the whole map
 * (`fullView`), each laid out by
 *   - the old layout: dagre (cytoscape-dagre, bottom to top) with straight centre-to-centre lines clipped at the boxes,
 *   - ELK layered (elkjs), upward, orthogonal routes: on the raw graph, and with the width bounded
 *     (Coffman–Graham layering with a layer bound, simple node placement, nodes in reading order),
 *   - the new layout (`layoutMap`, what the site draws),
 * on the same claims, relations and box sizes, and measured with the same `measureDrawing`. Every drawing is
 * deterministic; only the times vary between runs (CPU time, the median of `--runs` timed runs after the measured one).
 *
 * `node scripts/bench/layouts.ts [--runs 3] [--layer-bound 3] [--json] [--svg DIR]` (`--svg` writes a bare sketch of
 * every drawing, to look at what a row measured); `scripts/bench.ts` adds the same table to its report.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import cytoscape from 'cytoscape';
import dagre from 'cytoscape-dagre';
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode, LayoutOptions } from 'elkjs/lib/elk-api';
import { ANCHOR_SIZE, GAP_X, MAP_MAX_WIDTH, TRACK } from '../../src/graph/drawing.ts';
import { measureDrawing, type DrawingMetrics } from '../../src/graph/drawing-metrics.ts';
import { buildForest, walkForest } from '../../src/graph/forest.ts';
import { compileSite } from '../../src/graph/index.ts';
import { layoutMap, normalise } from '../../src/graph/layout.ts';
import type { CompiledGraph, GraphEdge, GraphNode, Layout, Point } from '../../src/graph/types.ts';
import { fullView, pageView, type MapView, type ViewEdge } from '../../src/graph/view.ts';

cytoscape.use(dagre);

/** One map of the site, with what its layout was given. */
interface SiteMap {
  name: string;
  view: MapView;
  nodes: GraphNode[];
  edges: GraphEdge[];
  focus: string[];
  compact: Set<string>;
}

/** Where a candidate put things; `drawing` turns it into a MapView-shaped drawing. */
interface Placement {
  centres: Map<string, Point>;
  routes: Map<string, Point[]>;
  anchors: Map<string, Point>;
}

interface Candidate {
  key: string;
  label: string;
  run: (map: SiteMap) => Promise<Placement | MapView>;
}

export interface LayoutResult {
  map: string;
  candidate: string;
  label: string;
  metrics: DrawingMetrics;
  /** Median length of the lines measured as straight segments (differs from `medianLength` only for diagonal lines). */
  straightMedian: number;
  /** The longest line, measured like `medianLength`. */
  longest: number;
  /** Median CPU time of a layout over the timed runs, in ms; undefined when no timed run was asked for. */
  ms?: number;
}

// ---------------------------------------------------------------------------------------------------------
// The site's maps
// ---------------------------------------------------------------------------------------------------------

function siteMaps(graph: CompiledGraph): SiteMap[] {
  const nodeById = new Map(graph.nodes.map((n) => [n.id, n]));
  const edgeById = new Map(graph.edges.map((e) => [e.id, e]));
  const maps: SiteMap[] = [];
  for (const page of graph.pages) {
    const view = pageView(graph, page.slug);
    if (!view) continue;
    const own = new Set(page.focus);
    maps.push({
      name: `/${page.slug}${page.slug ? '/' : ''}`,
      view,
      // What `buildView` gives `layoutMap`: the map's claims and relations in graph order.
      nodes: view.nodes.map((n) => nodeById.get(n.id)!),
      edges: view.edges.map((e) => edgeById.get(e.id)!),
      focus: page.focus,
      compact: new Set(view.nodes.filter((n) => !own.has(n.id)).map((n) => n.id)),
    });
  }
  maps.sort((a, b) => a.name.localeCompare(b.name));
  const view = fullView(graph);
  maps.push({ name: '/map/', view, nodes: graph.nodes, edges: graph.edges, focus: [], compact: new Set() });
  return maps;
}

// ---------------------------------------------------------------------------------------------------------
// Drawing helpers shared by the candidates
// ---------------------------------------------------------------------------------------------------------

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where the segment from `from` to the centre of `to` leaves `to`'s box (as the old static SVG clipped its lines). */
function clip(from: Point, to: Rect): Point {
  const dx = from.x - to.x;
  const dy = from.y - to.y;
  if (dx === 0 && dy === 0) return { x: to.x, y: to.y };
  const s = Math.min(dx === 0 ? Infinity : to.width / 2 / Math.abs(dx), dy === 0 ? Infinity : to.height / 2 / Math.abs(dy), 1);
  return { x: to.x + dx * s, y: to.y + dy * s };
}

/** The relations some relation on this map undercuts: each is drawn through an anchor. */
const undercutLinks = (edges: GraphEdge[]) => {
  const ids = new Set(edges.filter((e) => e.kind !== 'undercuts').map((e) => e.id));
  return new Set(edges.filter((e) => e.kind === 'undercuts' && ids.has(e.to)).map((e) => e.to));
};

/** A placement drawn on the view's own claims (same boxes), shifted to the origin and measured as the layout does. */
function drawing(map: SiteMap, placed: Placement): MapView {
  const { view } = map;
  const { boxes, routes, anchors, bounds } = normalise(
    Object.fromEntries(view.nodes.map((n) => [n.id, { ...placed.centres.get(n.id)!, width: n.width, height: n.height }])),
    Object.fromEntries(placed.routes),
    Object.fromEntries(placed.anchors),
  );
  return {
    ...view,
    nodes: view.nodes.map((n) => ({ ...n, x: boxes[n.id].x, y: boxes[n.id].y })),
    refs: [],
    edges: map.edges.map((e): ViewEdge => ({ ...e, source: e.from, points: routes[e.id] })),
    anchors: Object.entries(anchors).map(([edge, p]) => ({ edge, ...p })),
    width: bounds.width,
    height: bounds.height,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Candidate 1: the old layout (dagre via cytoscape-dagre, straight lines), as in commit c9bca9b
// ---------------------------------------------------------------------------------------------------------

let cy: cytoscape.Core | undefined;

async function oldDagre(map: SiteMap): Promise<Placement> {
  const size = new Map<string, Rect>(map.view.nodes.map((n) => [n.id, n]));
  const anchored = undercutLinks(map.edges);
  const elements: cytoscape.ElementDefinition[] = map.view.nodes.map((n) => ({ data: { id: n.id, width: n.width, height: n.height } }));
  // Node and edge ids share one namespace in Cytoscape: links get their own prefix, anchors the edge's id.
  const link = (id: string, source: string, target: string) => elements.push({ data: { id: `l:${id}`, source, target } });
  for (const e of map.edges) {
    if (e.kind === 'undercuts') continue;
    if (anchored.has(e.id)) {
      elements.push({ data: { id: e.id, width: ANCHOR_SIZE, height: ANCHOR_SIZE } });
      link(`${e.id}#1`, e.from, e.id);
      link(`${e.id}#2`, e.id, e.to);
    } else link(e.id, e.from, e.to);
  }
  for (const e of map.edges) if (e.kind === 'undercuts' && anchored.has(e.to)) link(e.id, e.from, e.to);

  cy ??= cytoscape({ headless: true, styleEnabled: true, style: [{ selector: 'node', style: { width: 'data(width)', height: 'data(height)', shape: 'rectangle' } }] });
  cy.add(elements);
  cy.layout({ name: 'dagre', rankDir: 'BT', nodeSep: 28, rankSep: 56, edgeSep: 12, animate: false, fit: false } as cytoscape.LayoutOptions).run();
  const centres = new Map<string, Point>();
  cy.nodes().forEach((n) => void centres.set(n.id(), { ...n.position() }));
  cy.elements().remove();

  const anchors = new Map<string, Point>();
  for (const id of anchored) anchors.set(id, centres.get(id)!);
  const box = (id: string): Rect => size.get(id) ?? { ...centres.get(id)!, width: ANCHOR_SIZE, height: ANCHOR_SIZE };
  const at = (id: string): Rect => ({ ...box(id), ...centres.get(id)! });
  const straight = (from: string, to: string) => [clip(at(to), at(from)), clip(at(from), at(to))];
  const routes = new Map<string, Point[]>();
  for (const e of map.edges) {
    if (e.kind === 'undercuts') routes.set(e.id, straight(e.from, e.to));
    else if (anchored.has(e.id)) routes.set(e.id, [...straight(e.from, e.id), ...straight(e.id, e.to)]);
    else routes.set(e.id, straight(e.from, e.to));
  }
  return { centres, routes, anchors };
}

// ---------------------------------------------------------------------------------------------------------
// Candidate 2: ELK layered, upward, orthogonal routes (elkjs)
// ---------------------------------------------------------------------------------------------------------

const elk = new ELK();
const elkVersion: string = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('elkjs/package.json'), 'utf8')).version;

const ELK_COMMON: LayoutOptions = {
  'elk.algorithm': 'layered',
  // Relations point from reason to conclusion: conclusions above.
  'elk.direction': 'UP',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.layered.crossingMinimization.strategy': 'LAYER_SWEEP',
  // The new layout's spacing, so that sizes compare: boxes GAP_X apart, parallel lines TRACK apart.
  'elk.spacing.nodeNode': String(GAP_X),
  'elk.layered.spacing.nodeNodeBetweenLayers': String(GAP_X),
  'elk.spacing.edgeEdge': String(TRACK),
  'elk.layered.spacing.edgeEdgeBetweenLayers': String(TRACK),
  'elk.spacing.edgeNode': '12',
  'elk.layered.spacing.edgeNodeBetweenLayers': '12',
  'elk.padding': '[top=0,left=0,bottom=0,right=0]',
  // ELK's default seed, stated: the same graph always gets the same drawing.
  'elk.randomSeed': '1',
};

/** Coffman–Graham's bound on boxes per layer: 3, the spike's best (4 also fits the width; `--layer-bound 4`). */
export const ELK_LAYER_BOUND = 3;

const elkBounded = (layerBound: number): LayoutOptions => ({
  ...ELK_COMMON,
  'elk.layered.layering.strategy': 'COFFMAN_GRAHAM',
  'elk.layered.layering.coffmanGraham.layerBound': String(layerBound),
  'elk.layered.nodePlacement.strategy': 'SIMPLE',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
});

/** The claims in the argument forest's reading order: each conclusion followed by its reasons, so each side stays together. */
function readingOrder(map: SiteMap): string[] {
  const forest = buildForest(map.nodes, map.edges, map.focus);
  const seen = new Set<string>();
  for (const { id } of walkForest(forest)) seen.add(forest.items.get(id)!.claim);
  return [...seen];
}

async function elkLayered(map: SiteMap, options: LayoutOptions, order: string[]): Promise<Placement> {
  const size = new Map(map.view.nodes.map((n) => [n.id, n]));
  const anchored = undercutLinks(map.edges);
  const children: ElkNode[] = order.map((id) => ({ id, width: size.get(id)!.width, height: size.get(id)!.height }));
  const edges: ElkExtendedEdge[] = [];
  const anchorId = (edge: string) => `a:${edge}`;
  for (const e of map.edges) {
    if (e.kind === 'undercuts') continue;
    if (anchored.has(e.id)) {
      children.push({ id: anchorId(e.id), width: ANCHOR_SIZE, height: ANCHOR_SIZE });
      edges.push({ id: `e:${e.id}#1`, sources: [e.from], targets: [anchorId(e.id)] }, { id: `e:${e.id}#2`, sources: [anchorId(e.id)], targets: [e.to] });
    } else edges.push({ id: `e:${e.id}`, sources: [e.from], targets: [e.to] });
  }
  for (const e of map.edges) if (e.kind === 'undercuts' && anchored.has(e.to)) edges.push({ id: `e:${e.id}`, sources: [e.from], targets: [anchorId(e.to)] });

  const laid = await elk.layout({ id: 'root', layoutOptions: options, children, edges });
  const centres = new Map<string, Point>();
  for (const c of laid.children ?? []) centres.set(c.id, { x: c.x! + c.width! / 2, y: c.y! + c.height! / 2 });
  const line = new Map<string, Point[]>();
  for (const e of laid.edges ?? []) {
    line.set(e.id, (e.sections ?? []).flatMap((s) => [s.startPoint, ...(s.bendPoints ?? []), s.endPoint].map(({ x, y }) => ({ x, y }))));
  }
  const anchors = new Map<string, Point>();
  const routes = new Map<string, Point[]>();
  for (const e of map.edges) {
    if (anchored.has(e.id) && e.kind !== 'undercuts') {
      anchors.set(e.id, centres.get(anchorId(e.id))!);
      // The two halves meet inside the anchor (a short joining segment there): one line through it.
      routes.set(e.id, [...line.get(`e:${e.id}#1`)!, ...line.get(`e:${e.id}#2`)!]);
    } else routes.set(e.id, line.get(`e:${e.id}`)!);
  }
  return { centres, routes, anchors };
}

// ---------------------------------------------------------------------------------------------------------
// Candidate 3: the new layout, as the site draws it
// ---------------------------------------------------------------------------------------------------------

/** `layoutMap` with what `pageView` / `fullView` give it; the drawing measured is the site's own view. */
const newLayout = (map: SiteMap): Layout =>
  map.name === '/map/' ? layoutMap(map.nodes, map.edges) : layoutMap(map.nodes, map.edges, { focus: map.focus, compact: map.compact });

/** The layout timed here must be the one the site's view drew. */
function assertSameAsView(map: SiteMap, layout: Layout): void {
  for (const n of [...map.view.nodes, ...map.view.refs]) {
    const b = layout.boxes[n.id];
    if (!b || b.x !== n.x || b.y !== n.y) throw new Error(`${map.name}: layoutMap placed ${n.id} elsewhere than the view`);
  }
  for (const e of map.view.edges) {
    if (JSON.stringify(layout.routes[e.id]) !== JSON.stringify(e.points)) throw new Error(`${map.name}: layoutMap routed ${e.id} differently from the view`);
  }
}

export const candidates = (layerBound = ELK_LAYER_BOUND): Candidate[] => [
  { key: 'old', label: 'old: dagre, straight lines', run: oldDagre },
  { key: 'elk', label: 'ELK layered, raw graph', run: (map) => elkLayered(map, ELK_COMMON, map.view.nodes.map((n) => n.id)) },
  { key: 'elk-bounded', label: `ELK layered, width-bounded (${layerBound} per layer)`, run: (map) => elkLayered(map, elkBounded(layerBound), readingOrder(map)) },
  {
    key: 'new',
    label: 'new: argument forest in columns',
    run: async (map) => {
      assertSameAsView(map, newLayout(map));
      return map.view;
    },
  },
];

// ---------------------------------------------------------------------------------------------------------
// Measuring
// ---------------------------------------------------------------------------------------------------------

/** Line lengths the way `measureDrawing` takes its median (|dx| + |dy| per segment), or as straight segments. */
const lengths = (view: MapView, straight: boolean) =>
  view.edges
    .map((e) => e.points.slice(1).reduce((sum, p, i) => sum + (straight ? Math.hypot(p.x - e.points[i].x, p.y - e.points[i].y) : Math.abs(p.x - e.points[i].x) + Math.abs(p.y - e.points[i].y)), 0))
    .sort((a, b) => a - b);
const straightMedian = (view: MapView) => {
  const ls = lengths(view, true);
  return ls.length ? Math.round(ls[Math.floor(ls.length / 2)]) : 0;
};

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export interface BenchOptions {
  /** The project root: its `content/` is laid out. */
  root: string;
  /** Timed runs per map and candidate, after the one that is measured; 0 times nothing. */
  runs?: number;
  layerBound?: number;
  log?: (line: string) => void;
  /** Called with every drawing, e.g. to write it out for a look. */
  onDrawing?: (map: string, candidate: string, view: MapView) => void;
}

/** Lay out every map of the site with every candidate and measure each drawing. */
export async function benchLayouts({ root, runs = 3, layerBound = ELK_LAYER_BOUND, log = () => {}, onDrawing }: BenchOptions): Promise<LayoutResult[]> {
  const compiled = await compileSite({ contentRoot: path.join(root, 'content'), cwd: root });
  if (!compiled.ok) throw new Error('the site content does not compile: run `npm run graph` for the errors');
  const maps = siteMaps(compiled.graph);
  const results: LayoutResult[] = [];
  try {
    for (const map of maps) {
      for (const candidate of candidates(layerBound)) {
        const placed = await candidate.run(map);
        const view = 'nodes' in placed ? placed : drawing(map, placed);
        const times: number[] = [];
        for (let i = 0; i < runs; i++) {
          // CPU time of this process: on a shared machine wall time mostly measures the other processes.
          const started = process.cpuUsage();
          if (candidate.key === 'new') newLayout(map);
          else await candidate.run(map);
          const used = process.cpuUsage(started);
          times.push((used.user + used.system) / 1000);
        }
        const metrics = measureDrawing(view);
        results.push({ map: map.name, candidate: candidate.key, label: candidate.label, metrics, straightMedian: straightMedian(view), longest: Math.round(lengths(view, false).at(-1) ?? 0), ...(runs ? { ms: median(times) } : {}) });
        onDrawing?.(map.name, candidate.key, view);
        log(`${map.name} · ${candidate.label}: ${metrics.width} × ${metrics.height}, ${metrics.crossings} crossings, ${metrics.throughBoxes} through boxes`);
      }
    }
  } finally {
    cy?.destroy();
    cy = undefined;
  }
  return results;
}

/** A bare SVG of a drawing (boxes, ids, lines, anchors), to look at what a row of the table measured. */
export function sketch(view: MapView): string {
  const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const boxes = [...view.nodes.map((b) => ({ ...b, label: b.id, ref: false })), ...view.refs.map((b) => ({ ...b, label: `↪ ${b.claim}`, ref: true }))];
  const pad = 12;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${-pad} ${-pad} ${view.width + 2 * pad} ${view.height + 2 * pad}" width="${view.width + 2 * pad}" height="${view.height + 2 * pad}" font-family="sans-serif" font-size="11">`,
    `<rect x="${-pad}" y="${-pad}" width="${view.width + 2 * pad}" height="${view.height + 2 * pad}" fill="#fff"/>`,
    ...view.edges.map((e) => `<polyline fill="none" stroke="${e.kind === 'attacks' ? '#c33' : e.kind === 'undercuts' ? '#b60' : '#36c'}" stroke-width="1.5" points="${e.points.map((p) => `${p.x},${p.y}`).join(' ')}"/>`),
    ...view.anchors.map((a) => `<rect x="${a.x - 5}" y="${a.y - 5}" width="10" height="10" fill="#b60" transform="rotate(45 ${a.x} ${a.y})"/>`),
    ...boxes.map(
      (b) =>
        `<rect x="${b.x - b.width / 2}" y="${b.y - b.height / 2}" width="${b.width}" height="${b.height}" fill="${b.ref ? '#eee' : '#fff'}" fill-opacity="0.85" stroke="#333"/>` +
        `<text x="${b.x}" y="${b.y + 4}" text-anchor="middle">${esc(b.label)}</text>`,
    ),
    '</svg>',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------------------

const n = (x: number) => Math.round(x).toLocaleString('en');
const pct = (part: number, whole: number) => (whole ? `${Math.round((part / whole) * 100)} %` : '–');
const time = (ms?: number) => (ms === undefined ? '–' : ms < 10 ? `${ms.toFixed(1)} ms` : `${n(ms)} ms`);

/** The results as Markdown: one row per map and candidate, then a summary per candidate. */
export function layoutTable(results: LayoutResult[]): string {
  const L: string[] = [];
  const row = (cells: (string | number)[]) => L.push(`| ${cells.join(' | ')} |`);
  row(['map', 'layout', 'boxes', 'relations', 'width × height', 'crossings (% of relations)', 'through boxes', 'median line', 'longest line', 'layout time (CPU)']);
  row(['---', '---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:']);
  for (const r of results) {
    const m = r.metrics;
    const line = r.straightMedian < m.medianLength ? `${n(m.medianLength)} (${n(r.straightMedian)} straight)` : n(m.medianLength);
    const wide = m.width > MAP_MAX_WIDTH ? ' ⟷' : '';
    row([r.map, r.label, m.boxes, m.edges, `${n(m.width)} × ${n(m.height)}${wide}`, `${m.crossings} (${pct(m.crossings, m.edges)})`, m.throughBoxes, line, n(r.longest), time(r.ms)]);
  }
  L.push('', `⟷ wider than the ${n(MAP_MAX_WIDTH)} drawing units a map may take (its column at 1280 × 800 with labels at 11 px).`, '');
  row(['layout', 'maps within the width', 'widest', 'tallest', 'crossings, worst map', 'crossings, all maps', 'through boxes, all maps', 'median line, per map', 'longest line', 'layout time (CPU), all maps']);
  row(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:']);
  for (const label of new Set(results.map((r) => r.label))) {
    const rs = results.filter((r) => r.label === label);
    const share = (r: LayoutResult) => r.metrics.crossings / Math.max(1, r.metrics.edges);
    const worst = [...rs].sort((a, b) => share(b) - share(a))[0];
    const crossings = rs.reduce((s, r) => s + r.metrics.crossings, 0);
    const edges = rs.reduce((s, r) => s + r.metrics.edges, 0);
    const lines = rs.map((r) => r.metrics.medianLength);
    const total = rs.every((r) => r.ms !== undefined) ? rs.reduce((s, r) => s + r.ms!, 0) : undefined;
    row([
      label,
      `${rs.filter((r) => r.metrics.width <= MAP_MAX_WIDTH).length} of ${rs.length}`,
      n(Math.max(...rs.map((r) => r.metrics.width))),
      n(Math.max(...rs.map((r) => r.metrics.height))),
      worst.metrics.crossings ? `${pct(worst.metrics.crossings, worst.metrics.edges)} (${worst.map})` : '0 %',
      `${crossings} of ${edges} (${pct(crossings, edges)})`,
      rs.reduce((s, r) => s + r.metrics.throughBoxes, 0),
      `${n(Math.min(...lines))}–${n(Math.max(...lines))}`,
      n(Math.max(...rs.map((r) => r.longest))),
      time(total),
    ]);
  }
  return L.join('\n');
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '3' },
      'layer-bound': { type: 'string', default: String(ELK_LAYER_BOUND) },
      json: { type: 'boolean', default: false },
      svg: { type: 'string' },
    },
  });
  const root = path.resolve(import.meta.dirname, '../..');
  const svgDir = values.svg ? path.resolve(values.svg) : undefined;
  if (svgDir) mkdirSync(svgDir, { recursive: true });
  const results = await benchLayouts({
    root,
    runs: Number(values.runs),
    layerBound: Number(values['layer-bound']),
    log: (line) => process.stderr.write(`${line}\n`),
    onDrawing: svgDir ? (map, candidate, view) => writeFileSync(path.join(svgDir, `${map.replace(/\//g, '') || 'home'}-${candidate}.svg`), sketch(view)) : undefined,
  });
  process.stdout.write(values.json ? `${JSON.stringify(results, null, 2)}\n` : `${layoutTable(results)}\n`);
  const [load] = os.loadavg();
  process.stderr.write(`${new Date().toISOString().slice(0, 16)} UTC · ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.availableParallelism()} cores · Node ${process.version} · elkjs ${elkVersion} · 1-minute load average at the end ${load.toFixed(1)}\n`);
}
