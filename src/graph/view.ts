/**
 * Views: the part of the graph one map shows (a page's claims and their neighbours, one claim and its
 * neighbours, or everything), laid out on its own and flattened into what the page and the browser need.
 * A view's edges are the graph's own relations (same ids, same `from`/`to`), each with the line it is drawn
 * as; how an undercut is split into a diamond and a line is the renderer's business (`svg.ts`, the canvas).
 */
import { edgesNear, indexGraph, inGraphOrder } from './graph-index.ts';
import { itemLines, layoutMap } from './layout.ts';
import type { ViewEdge, ViewNode, ViewRef, ViewRelation, MapView } from './view-types.ts';
import type { CompiledGraph, GraphLike, Layout } from './types.ts';

export type { MapView, ViewAnchor, ViewEdge, ViewNode, ViewRef, ViewRelation } from './view-types.ts';
export { viewGraphEdges } from './view-types.ts';

/** The claims in `focus` plus every claim one relation away (undercuts count both ends of their relation). */
export function neighbourhood(graph: GraphLike, focus: string[]): string[] {
  const index = indexGraph(graph);
  const keep = new Set(focus);
  for (const edge of edgesNear(index, focus)) {
    const target = edge.kind === 'undercuts' ? index.edgeById.get(edge.to) : undefined;
    for (const id of target ? [edge.from, target.from, target.to] : [edge.from, edge.to]) keep.add(id);
  }
  // Keep graph order so the same view always lays out the same way.
  return inGraphOrder(index, keep);
}

/** Every relation of a claim, from its side. */
export function relationsOf(graph: Pick<GraphLike, 'edges'>, id: string): ViewRelation[] {
  const { edgeById, touching } = indexGraph(graph);
  const out: ViewRelation[] = [];
  for (const edge of touching.get(id) ?? []) {
    if (edge.kind === 'undercuts') {
      const target = edgeById.get(edge.to);
      if (!target) continue;
      const undercut = target.kind as 'supports' | 'attacks';
      if (edge.from === id) out.push({ edge: edge.id, kind: edge.kind, role: 'undercutter', others: [target.from, target.to], undercut });
      if (target.from === id) out.push({ edge: edge.id, kind: edge.kind, role: 'undercut', others: [target.to, edge.from], undercut });
      continue;
    }
    if (edge.from === id) out.push({ edge: edge.id, kind: edge.kind, role: 'source', others: [edge.to] });
    if (edge.to === id) out.push({ edge: edge.id, kind: edge.kind, role: 'target', others: [edge.from] });
  }
  return out;
}

/** Build the data one map needs: its claims, reference chips and relations, laid out. */
export function buildView(graph: CompiledGraph, ids: string[], focus: string[], { layout, compact = new Set() }: { layout?: Layout; compact?: ReadonlySet<string> } = {}): MapView {
  const index = indexGraph(graph);
  const kept = inGraphOrder(index, ids);
  const keep = new Set(kept);
  const nodesKept = kept.map((id) => index.nodeById.get(id)!);
  const edgesKept = edgesNear(index, kept).filter((e) => {
    if (e.kind !== 'undercuts') return keep.has(e.from) && keep.has(e.to);
    const target = index.edgeById.get(e.to);
    return keep.has(e.from) && target !== undefined && keep.has(target.from) && keep.has(target.to);
  });
  const lay = layout ?? layoutMap(nodesKept, edgesKept, { focus, compact });
  const focusSet = new Set(focus);
  const box = (id: string) => lay.boxes[id];
  const nodes = nodesKept.map((n): ViewNode => {
    const relations = relationsOf(graph, n.id);
    // Only relations among claims on this map travel with it, so a map's data grows with the map, not the graph.
    const onMap = relations.filter((r) => r.others.every((o) => keep.has(o)));
    const { x, y, width, height } = box(n.id);
    return {
      id: n.id,
      kind: n.kind,
      lines: itemLines(n.label, compact.has(n.id)),
      text: n.text,
      ...(n.by ? { by: n.by } : {}),
      ...(n.source ? { source: n.source } : {}),
      ...(n.quote ? { quote: n.quote } : {}),
      ...(n.voice ? { voice: n.voice } : {}),
      ...(n.note ? { note: n.note } : {}),
      page: n.page,
      x,
      y,
      width,
      height,
      focus: focusSet.has(n.id),
      relations: onMap,
      ...(onMap.length < relations.length ? { offMap: relations.length - onMap.length } : {}),
    };
  });
  const heads = new Set(Object.values(lay.drawnTo));
  const refs: ViewRef[] = Object.keys(lay.boxes)
    .filter((id) => !keep.has(id))
    .map((id) => {
      const claim = lay.refs[id];
      return { id, claim, ...(heads.has(id) ? { continued: true } : {}), lines: itemLines(index.nodeById.get(claim)!.label, true), ...box(id) };
    });
  const edges: ViewEdge[] = edgesKept
    .filter((e) => lay.routes[e.id])
    .map((e) => ({ ...e, source: lay.drawnFrom[e.id] ?? e.from, ...(lay.drawnTo[e.id] ? { target: lay.drawnTo[e.id] } : {}), points: lay.routes[e.id] }));
  const anchors = Object.entries(lay.anchors).map(([edge, p]) => ({ edge, ...p }));
  const pageTitles = new Map(graph.pages.map((pg) => [pg.slug, pg.title]));
  const pages: Record<string, string> = {};
  for (const n of nodes) pages[n.page] = pageTitles.get(n.page) ?? n.page;
  const actors: MapView['actors'] = {};
  const sources: MapView['sources'] = {};
  for (const n of nodes) {
    if (n.by && graph.actors[n.by]) actors[n.by] = graph.actors[n.by].name;
    const s = n.source ? graph.sources[n.source] : undefined;
    if (s) sources[s.id] = { title: s.title, publisher: s.publisher, ...(s.url ? { url: s.url } : {}), ...(s.date ? { date: s.date } : {}), ...(s.accessed ? { accessed: s.accessed } : {}) };
  }
  const notes: Record<string, string> = {};
  for (const e of edges) if (e.note) notes[e.id] = e.note;
  return { nodes, refs, edges, anchors, width: lay.bounds.width, height: lay.bounds.height, actors, sources, pages, notes };
}

/**
 * The map of a docs page: the claims it declares with every claim one relation away, and the other claims it
 * discusses (its `focus:` list and `<Claim>` citations), highlighted. Claims discussed but declared elsewhere do
 * not bring their own neighbours: their reasons are on their own page's map, and the page's map stays small.
 */
export function pageView(graph: CompiledGraph, slug: string): MapView | undefined {
  const page = graph.pages.find((p) => p.slug === slug);
  if (!page || page.focus.length === 0) return undefined;
  const ids = [...neighbourhood(graph, page.declared), ...page.focus];
  // Claims declared on other pages are drawn small: the page's own claims are what it is about.
  const own = new Set(page.focus);
  return buildView(graph, ids, page.focus, { compact: new Set(ids.filter((id) => !own.has(id))) });
}

/** The local map on a claim's permalink page. */
export function claimView(graph: CompiledGraph, id: string): MapView {
  return buildView(graph, neighbourhood(graph, [id]), [id]);
}

/** The whole graph, with the global layout. */
export function fullView(graph: CompiledGraph): MapView {
  return buildView(graph, graph.nodes.map((n) => n.id), [], { layout: graph.layout });
}
