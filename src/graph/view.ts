/**
 * Views: the part of the graph one map shows (a page's claims and their neighbours, one claim and its
 * neighbours, or everything), laid out on its own and flattened into what the browser needs.
 */
import { edgesNear, indexGraph, inGraphOrder } from './graph-index.ts';
import { layoutGraph, wrapLabel } from './layout.ts';
import type { CompiledGraph, GraphEdge, GraphNode, Layout } from './types.ts';
export { viewEdges, relationSentence } from './view-shared.ts';

export interface ViewRelation {
  /** Sentence start from the claim's side, e.g. "supports", "is attacked by", "undercuts the support of". */
  verb: string;
  /** Claims named in the sentence, in order (an undercut names two). */
  others: string[];
  kind: GraphEdge['kind'];
  /** Id of the edge this sentence describes; its note, if any, is in `MapView.notes` (or `note`). */
  edge: string;
  note?: string;
}

export interface ViewNode {
  id: string;
  kind: GraphNode['kind'];
  lines: string[];
  /** Full text; pages leave it out of their embedded data because the outline carries it. */
  text: string;
  by?: string;
  source?: string;
  quote?: string;
  voice?: GraphNode['voice'];
  note?: string;
  /** Slug of the page that discusses the claim. */
  page: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Highlighted: one of the claims this view is about. */
  focus: boolean;
  /** Relations with claims on this map; `offMap` counts the others, which the claim's own page lists. */
  relations: ViewRelation[];
  offMap?: number;
}

export interface ViewEdge {
  id: string;
  kind: GraphEdge['kind'];
  /** Claim id or anchor id. */
  source: string;
  target: string;
  note?: string;
}

export interface ViewAnchor {
  /** `anchor:` + the undercut relation's edge id. */
  id: string;
  x: number;
  y: number;
}

export interface MapView {
  nodes: ViewNode[];
  edges: ViewEdge[];
  anchors: ViewAnchor[];
  width: number;
  height: number;
  actors: Record<string, string>;
  sources: Record<string, { title: string; url?: string; publisher: string; date?: string }>;
  pages: Record<string, string>;
  /** Relation notes by edge id, once each (both ends of a relation describe it). */
  notes: Record<string, string>;
}

/** The claims in `focus` plus every claim one relation away (undercuts count both ends of their relation). */
export function neighbourhood(graph: Pick<CompiledGraph, 'nodes' | 'edges'>, focus: string[]): string[] {
  const index = indexGraph(graph);
  const keep = new Set(focus);
  for (const edge of edgesNear(index, focus)) {
    const target = edge.kind === 'undercuts' ? index.edgeById.get(edge.to) : undefined;
    for (const id of target ? [edge.from, target.from, target.to] : [edge.from, edge.to]) keep.add(id);
  }
  // Keep graph order so the same view always lays out the same way.
  return inGraphOrder(index, keep);
}

/** Every relation of a claim, worded from its side. */
export function relationsOf(graph: Pick<CompiledGraph, 'edges'>, id: string): ViewRelation[] {
  const { edgeById, touching } = indexGraph(graph);
  const out: ViewRelation[] = [];
  const add = (verb: string, others: string[], edge: GraphEdge) => out.push({ verb, others, kind: edge.kind, edge: edge.id, ...(edge.note ? { note: edge.note } : {}) });
  for (const edge of touching.get(id) ?? []) {
    if (edge.kind === 'undercuts') {
      const target = edgeById.get(edge.to);
      if (!target) continue;
      const what = target.kind === 'supports' ? 'support' : 'attack';
      if (edge.from === id) add(`undercuts the ${what} of`, [target.from, target.to], edge);
      if (target.from === id) add(`has its ${what} of`, [target.to, edge.from], edge);
      continue;
    }
    const verbs = { supports: ['supports', 'is supported by'], attacks: ['attacks', 'is attacked by'], answers: ['answers', 'is answered by'], frames: ['frames', 'is framed by'] }[edge.kind];
    if (edge.from === id) add(verbs[0], [edge.to], edge);
    if (edge.to === id) add(verbs[1], [edge.from], edge);
  }
  return out;
}

/** Build the data one map needs: nodes with positions and their relations in words, edges (split at undercut anchors). */
export function buildView(graph: CompiledGraph, ids: string[], focus: string[], layout?: Layout): MapView {
  const index = indexGraph(graph);
  const lay = layout ?? layoutGraph(graph, ids);
  const kept = inGraphOrder(index, ids);
  const keep = new Set(kept);
  const focusSet = new Set(focus);
  const nodes = kept.map((id): ViewNode => {
    const n = index.nodeById.get(id)!;
    const p = lay.positions[n.id];
    const s = lay.sizes[n.id];
    const relations = relationsOf(graph, n.id);
    // Only relations among claims on this map travel with it, so a map's data grows with the map, not the graph.
    const onMap = relations.filter((r) => r.others.every((o) => keep.has(o)));
    return {
      id: n.id,
      kind: n.kind,
      lines: wrapLabel(n.label),
      text: n.text,
      ...(n.by ? { by: n.by } : {}),
      ...(n.source ? { source: n.source } : {}),
      ...(n.quote ? { quote: n.quote } : {}),
      ...(n.voice ? { voice: n.voice } : {}),
      ...(n.note ? { note: n.note } : {}),
      page: n.page,
      x: p.x,
      y: p.y,
      width: s.width,
      height: s.height,
      focus: focusSet.has(n.id),
      relations: onMap.map(({ note: _note, ...relation }) => relation),
      ...(onMap.length < relations.length ? { offMap: relations.length - onMap.length } : {}),
    };
  });
  const nearby = edgesNear(index, kept);
  const anchors: ViewAnchor[] = [];
  const edges: ViewEdge[] = [];
  const note = (e: GraphEdge) => (e.note ? { note: e.note } : {});
  for (const e of nearby) {
    if (e.kind === 'undercuts') continue;
    if (!keep.has(e.from) || !keep.has(e.to)) continue;
    const anchor = index.undercutTargets.has(e.id) ? lay.positions[e.id] : undefined;
    if (anchor) {
      // Node and edge ids share one namespace in Cytoscape, so the anchor gets its own.
      const anchorId = `anchor:${e.id}`;
      anchors.push({ id: anchorId, ...anchor });
      edges.push({ id: `${e.id}#1`, kind: e.kind, source: e.from, target: anchorId, ...note(e) });
      edges.push({ id: e.id, kind: e.kind, source: anchorId, target: e.to, ...note(e) });
    } else edges.push({ id: e.id, kind: e.kind, source: e.from, target: e.to, ...note(e) });
  }
  const anchorIds = new Set(anchors.map((a) => a.id));
  for (const e of nearby) {
    if (e.kind === 'undercuts' && keep.has(e.from) && anchorIds.has(`anchor:${e.to}`)) edges.push({ id: e.id, kind: e.kind, source: e.from, target: `anchor:${e.to}`, ...note(e) });
  }
  const pageTitles = new Map(graph.pages.map((pg) => [pg.slug, pg.title]));
  const pages: Record<string, string> = {};
  for (const n of nodes) pages[n.page] = pageTitles.get(n.page) ?? n.page;
  const actors: MapView['actors'] = {};
  const sources: MapView['sources'] = {};
  for (const n of nodes) {
    if (n.by && graph.actors[n.by]) actors[n.by] = graph.actors[n.by].name;
    const s = n.source ? graph.sources[n.source] : undefined;
    if (s) sources[s.id] = { title: s.title, publisher: s.publisher, ...(s.url ? { url: s.url } : {}), ...(s.date ? { date: s.date } : {}) };
  }
  const notes: Record<string, string> = {};
  for (const n of nodes) for (const r of n.relations) if (index.edgeById.get(r.edge)?.note) notes[r.edge] = index.edgeById.get(r.edge)!.note!;
  return { nodes, edges, anchors, width: lay.bounds.width, height: lay.bounds.height, actors, sources, pages, notes };
}

/** The map of a docs page: its focus claims highlighted, with their direct neighbours. */
export function pageView(graph: CompiledGraph, slug: string): MapView | undefined {
  const page = graph.pages.find((p) => p.slug === slug);
  if (!page || page.focus.length === 0) return undefined;
  return buildView(graph, neighbourhood(graph, page.focus), page.focus);
}

/** The local map on a claim's permalink page. */
export function claimView(graph: CompiledGraph, id: string): MapView {
  return buildView(graph, neighbourhood(graph, [id]), [id]);
}

/** The whole graph, with the global layout. */
export function fullView(graph: CompiledGraph): MapView {
  return buildView(graph, graph.nodes.map((n) => n.id), [], graph.layout);
}

