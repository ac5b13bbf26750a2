/**
 * Views: the part of the graph one map shows (a page's claims and their neighbours, one claim and its
 * neighbours, or everything), laid out on its own and flattened into what the browser needs.
 */
import { layoutGraph, undercutTargets, wrapLabel } from './layout.ts';
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
  note?: string;
  /** Slug of the page that discusses the claim. */
  page: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Highlighted: one of the claims this view is about. */
  focus: boolean;
  relations: ViewRelation[];
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
  /** Names of claims outside this view that its relations mention (claims in it are named by their `lines`). */
  names: Record<string, string>;
  actors: Record<string, string>;
  sources: Record<string, { title: string; url?: string; publisher: string; date?: string }>;
  pages: Record<string, string>;
  /** Relation notes by edge id, once each (both ends of a relation describe it). */
  notes: Record<string, string>;
}

/** The claims in `focus` plus every claim one relation away (undercuts count both ends of their relation). */
export function neighbourhood(graph: Pick<CompiledGraph, 'nodes' | 'edges'>, focus: string[]): string[] {
  const keep = new Set(focus);
  const edgeById = new Map(graph.edges.map((e) => [e.id, e]));
  for (const edge of graph.edges) {
    const target = edge.kind === 'undercuts' ? edgeById.get(edge.to) : undefined;
    const ends = target ? [edge.from, target.from, target.to] : [edge.from, edge.to];
    if (ends.some((id) => focus.includes(id))) ends.forEach((id) => keep.add(id));
  }
  // Keep graph order so the same view always lays out the same way.
  return graph.nodes.filter((n) => keep.has(n.id)).map((n) => n.id);
}

/** Edges touching each claim (undercuts also touch their target relation's source), built once per edge list. */
const incidence = new WeakMap<GraphEdge[], { byId: Map<string, GraphEdge>; touching: Map<string, GraphEdge[]> }>();
function incidenceOf(edges: GraphEdge[]) {
  let index = incidence.get(edges);
  if (!index) {
    const byId = new Map(edges.map((e) => [e.id, e]));
    const touching = new Map<string, GraphEdge[]>();
    const add = (id: string, e: GraphEdge) => touching.set(id, [...(touching.get(id) ?? []), e]);
    for (const e of edges) {
      add(e.from, e);
      const target = e.kind === 'undercuts' ? byId.get(e.to) : undefined;
      if (target) add(target.from, e);
      else if (e.kind !== 'undercuts') add(e.to, e);
    }
    index = { byId, touching };
    incidence.set(edges, index);
  }
  return index;
}

/** Every relation of a claim, worded from its side. */
export function relationsOf(graph: Pick<CompiledGraph, 'edges'>, id: string): ViewRelation[] {
  const { byId: edgeById, touching } = incidenceOf(graph.edges);
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
    const verbs = { supports: ['supports', 'is supported by'], attacks: ['attacks', 'is attacked by'], answers: ['answers', 'is answered by'] }[edge.kind];
    if (edge.from === id) add(verbs[0], [edge.to], edge);
    if (edge.to === id) add(verbs[1], [edge.from], edge);
  }
  return out;
}

/** Build the data one map needs: nodes with positions, edges (split at undercut anchors), names. */
export function buildView(graph: CompiledGraph, ids: string[], focus: string[], layout?: Layout): MapView {
  const lay = layout ?? layoutGraph(graph, ids);
  const keep = new Set(ids);
  const focusSet = new Set(focus);
  const nodes = graph.nodes
    .filter((n) => keep.has(n.id))
    .map((n): ViewNode => {
      const p = lay.positions[n.id];
      const s = lay.sizes[n.id];
      return {
        id: n.id,
        kind: n.kind,
        lines: wrapLabel(n.label),
        text: n.text,
        ...(n.by ? { by: n.by } : {}),
        ...(n.source ? { source: n.source } : {}),
        ...(n.quote ? { quote: n.quote } : {}),
        ...(n.note ? { note: n.note } : {}),
        page: n.page,
        x: p.x,
        y: p.y,
        width: s.width,
        height: s.height,
        focus: focusSet.has(n.id),
        relations: relationsOf(graph, n.id).map(({ note: _note, ...relation }) => relation),
      };
    });
  const anchored = undercutTargets(graph.edges);
  const anchors: ViewAnchor[] = [];
  const edges: ViewEdge[] = [];
  const note = (e: GraphEdge) => (e.note ? { note: e.note } : {});
  for (const e of graph.edges) {
    if (e.kind === 'undercuts') continue;
    if (!keep.has(e.from) || !keep.has(e.to)) continue;
    const anchor = anchored.has(e.id) ? lay.positions[e.id] : undefined;
    if (anchor) {
      // Node and edge ids share one namespace in Cytoscape, so the anchor gets its own.
      const anchorId = `anchor:${e.id}`;
      anchors.push({ id: anchorId, ...anchor });
      edges.push({ id: `${e.id}#1`, kind: e.kind, source: e.from, target: anchorId, ...note(e) });
      edges.push({ id: e.id, kind: e.kind, source: anchorId, target: e.to, ...note(e) });
    } else edges.push({ id: e.id, kind: e.kind, source: e.from, target: e.to, ...note(e) });
  }
  const anchorIds = new Set(anchors.map((a) => a.id));
  for (const e of graph.edges) {
    if (e.kind === 'undercuts' && keep.has(e.from) && anchorIds.has(`anchor:${e.to}`)) edges.push({ id: e.id, kind: e.kind, source: e.from, target: `anchor:${e.to}`, ...note(e) });
  }
  const nodeById = new Map(graph.nodes.map((n) => [n.id, n]));
  const names: Record<string, string> = {};
  const pages: Record<string, string> = {};
  for (const n of nodes) {
    // Claims on this map are named by their own lines; only the others need a name here.
    for (const r of n.relations) for (const o of r.others) if (!keep.has(o)) names[o] = nodeById.get(o)?.label ?? o;
    for (const o of [n.id, ...n.relations.flatMap((r) => r.others)]) {
      const page = nodeById.get(o)?.page ?? '';
      pages[page] = graph.pages.find((pg) => pg.slug === page)?.title ?? page;
    }
  }
  const actors: MapView['actors'] = {};
  const sources: MapView['sources'] = {};
  for (const n of nodes) {
    if (n.by && graph.actors[n.by]) actors[n.by] = graph.actors[n.by].name;
    const s = n.source ? graph.sources[n.source] : undefined;
    if (s) sources[s.id] = { title: s.title, publisher: s.publisher, ...(s.url ? { url: s.url } : {}), ...(s.date ? { date: s.date } : {}) };
  }
  const notes: Record<string, string> = {};
  const edgeNote = new Map(graph.edges.map((e) => [e.id, e.note]));
  for (const n of nodes) for (const r of n.relations) if (edgeNote.get(r.edge)) notes[r.edge] = edgeNote.get(r.edge)!;
  return { nodes, edges, anchors, width: lay.bounds.width, height: lay.bounds.height, names, actors, sources, pages, notes };
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

