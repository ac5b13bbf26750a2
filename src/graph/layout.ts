/**
 * Layout: positions for every node, computed once at build time in headless Cytoscape with the
 * layered dagre layout (deterministic for the same element order). The browser only uses `preset`.
 */
import cytoscape from 'cytoscape';
import dagre from 'cytoscape-dagre';
import { edgesNear, indexGraph, inGraphOrder } from './graph-index.ts';
import type { CompiledGraph, GraphEdge, GraphNode, Layout } from './types.ts';

cytoscape.use(dagre);

/** Map labels wrap at this many characters per line; the SVG and the canvas draw the same lines. */
export const LABEL_LINE_CHARS = 28;
/** Longer labels are cut with an ellipsis on the map; the full text is in the detail panel. */
export const LABEL_MAX_LINES = 4;
export const NODE_WIDTH = 200;
const LINE_HEIGHT = 16;
const PADDING_Y = 26; // room for the kind tag above the label
/** Undercut anchors: the small diamond in the middle of an undercut relation. */
export const ANCHOR_SIZE = 14;
/** Above this many claims a map is laid out page by page (see `layoutGraph`). */
export const LARGE_GRAPH = 300;

/** Greedy word wrap; words longer than a line are hard-cut. */
export function wrapLabel(label: string, chars = LABEL_LINE_CHARS, maxLines = LABEL_MAX_LINES): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of label.trim().split(/\s+/)) {
    for (let rest = word; rest.length > 0; ) {
      const piece = rest.length > chars ? rest.slice(0, chars) : rest;
      rest = rest.slice(piece.length);
      const candidate = line ? `${line} ${piece}` : piece;
      if (candidate.length <= chars) line = candidate;
      else {
        lines.push(line);
        line = piece;
      }
    }
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = `${kept[maxLines - 1].slice(0, chars - 1).trimEnd()}…`;
    return kept;
  }
  return lines;
}

export function nodeSize(node: Pick<GraphNode, 'label'>) {
  return { width: NODE_WIDTH, height: wrapLabel(node.label).length * LINE_HEIGHT + PADDING_Y };
}

/**
 * Lay out the claims `ids` (all claims when omitted) with the edges among them.
 * An edge that is undercut is drawn through an anchor node, so the undercut has something to point at.
 */
export function layoutGraph(graph: Pick<CompiledGraph, 'nodes' | 'edges'>, ids?: Iterable<string>): Layout {
  const index = indexGraph(graph);
  const nodes = ids ? inGraphOrder(index, ids).map((id) => index.nodeById.get(id)!) : graph.nodes;
  const keep = new Set(nodes.map((n) => n.id));
  const nearby = ids ? edgesNear(index, keep) : graph.edges;
  const claimEdges = nearby.filter((e) => e.kind !== 'undercuts' && keep.has(e.from) && keep.has(e.to));
  const anchored = index.undercutTargets;
  const drawnEdges = new Set(claimEdges.map((e) => e.id));
  const undercuts = nearby.filter((e) => e.kind === 'undercuts' && keep.has(e.from) && drawnEdges.has(e.to));
  const usedAnchors = new Set(undercuts.map((e) => e.to));

  const pageOf = new Map(nodes.map((n) => [n.id, n.page]));
  // On a large map, long edges (attacks, links between pages) would make dagre insert thousands of dummy
  // nodes; there only supports and answers within a page shape the layout, and the rest are drawn over it.
  const large = nodes.length > LARGE_GRAPH;
  const shapesLargeLayout = (edge: GraphEdge) => edge.kind !== 'attacks' && pageOf.get(edge.from) === pageOf.get(edge.to);
  const sizes: Layout['sizes'] = {};
  const elements: cytoscape.ElementDefinition[] = [];
  for (const node of nodes) {
    sizes[node.id] = nodeSize(node);
    elements.push({ data: { id: node.id, ...sizes[node.id] } });
  }
  const links: [string, string][] = [];
  const link = (id: string, source: string, target: string) => {
    links.push([source, target]);
    elements.push({ data: { id: `l:${id}`, source, target } });
  };
  for (const edge of claimEdges) {
    if (anchored.has(edge.id) && usedAnchors.has(edge.id)) {
      sizes[edge.id] = { width: ANCHOR_SIZE, height: ANCHOR_SIZE };
      elements.push({ data: { id: edge.id, width: ANCHOR_SIZE, height: ANCHOR_SIZE } });
      link(`${edge.id}#1`, edge.from, edge.id);
      link(`${edge.id}#2`, edge.id, edge.to);
    } else if (!large || shapesLargeLayout(edge)) link(edge.id, edge.from, edge.to);
  }
  for (const edge of undercuts) link(edge.id, edge.from, edge.to);

  const cy = layoutEngine();
  cy.add(elements);
  try {
    cy.layout({
      name: 'dagre',
      // Reasons below, conclusions above: edges point up the map.
      rankDir: 'BT',
      nodeSep: 28,
      rankSep: 56,
      edgeSep: 12,
      animate: false,
      fit: false,
    } as cytoscape.LayoutOptions).run();
    const positions: Layout['positions'] = {};
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    cy.nodes().forEach((n) => {
      const { x, y } = n.position();
      const { width, height } = sizes[n.id()];
      positions[n.id()] = { x: Math.round(x), y: Math.round(y) };
      minX = Math.min(minX, x - width / 2);
      minY = Math.min(minY, y - height / 2);
      maxX = Math.max(maxX, x + width / 2);
      maxY = Math.max(maxY, y + height / 2);
    });
    if (nodes.length === 0) return { positions, sizes, bounds: { x: 0, y: 0, width: 0, height: 0 } };
    if (large) return packComponents(positions, sizes, links, Object.keys(sizes));
    // Shift so the drawing starts at the origin: the same view always gets the same numbers.
    const dx = Math.round(-minX);
    const dy = Math.round(-minY);
    for (const p of Object.values(positions)) {
      p.x += dx;
      p.y += dy;
    }
    return { positions, sizes, bounds: { x: 0, y: 0, width: Math.round(maxX - minX), height: Math.round(maxY - minY) } };
  } finally {
    cy.elements().remove();
    releaseLayoutEngine();
  }
}

/**
 * One headless Cytoscape for every layout of a build: creating one costs more than laying out a small
 * map, and a build lays out a map per page and per claim. It is destroyed once layouts stop, because
 * with styles enabled its render loop would keep Node alive.
 */
let engine: cytoscape.Core | undefined;
let idleTimer: ReturnType<typeof setTimeout> | undefined;

function layoutEngine(): cytoscape.Core {
  clearTimeout(idleTimer);
  engine ??= cytoscape({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node', style: { width: 'data(width)', height: 'data(height)', shape: 'rectangle' } }],
  });
  return engine;
}

function releaseLayoutEngine(): void {
  idleTimer = setTimeout(() => {
    engine?.destroy();
    engine = undefined;
  }, 100);
}

/**
 * Dagre places disconnected parts side by side in one very wide band; wrap them into rows instead, in
 * declaration order, so a large map is roughly as wide as it is tall. Deterministic.
 */
function packComponents(positions: Layout['positions'], sizes: Layout['sizes'], links: [string, string][], order: string[]): Layout {
  const parent = new Map(order.map((id) => [id, id]));
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(id, root);
    return root;
  };
  for (const [a, b] of links) parent.set(find(a), find(b));
  const groups = new Map<string, string[]>();
  for (const id of order) groups.set(find(id), [...(groups.get(find(id)) ?? []), id]);
  const boxes = [...groups.values()].map((ids) => {
    const xs = ids.flatMap((id) => [positions[id].x - sizes[id].width / 2, positions[id].x + sizes[id].width / 2]);
    const ys = ids.flatMap((id) => [positions[id].y - sizes[id].height / 2, positions[id].y + sizes[id].height / 2]);
    return { ids, x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
  });
  const GAP = 60;
  const area = boxes.reduce((sum, b) => sum + (b.width + GAP) * (b.height + GAP), 0);
  const rowWidth = Math.max(2400, Math.sqrt(area) * 1.4);
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  let width = 0;
  const out: Layout['positions'] = {};
  for (const box of boxes) {
    if (x > 0 && x + box.width > rowWidth) {
      x = 0;
      y += rowHeight + GAP;
      rowHeight = 0;
    }
    for (const id of box.ids) out[id] = { x: Math.round(positions[id].x - box.x + x), y: Math.round(positions[id].y - box.y + y) };
    x += box.width + GAP;
    rowHeight = Math.max(rowHeight, box.height);
    width = Math.max(width, x - GAP);
  }
  return { positions: out, sizes, bounds: { x: 0, y: 0, width: Math.round(width), height: Math.round(y + rowHeight) } };
}
