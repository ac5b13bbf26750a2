/**
 * View helpers that the browser also runs: kept apart from view.ts so the client bundle never pulls in
 * the build-time layout (and Cytoscape with it).
 */
import type { GraphEdge } from './types.ts';
import type { MapView, ViewRelation } from './view.ts';

/** One relation as a sentence about claim names, e.g. "undercuts the support of A for B". */
export function relationSentence(relation: ViewRelation, name: (id: string) => string): string {
  const [a, b] = relation.others.map((o) => `“${name(o)}”`);
  if (relation.kind === 'undercuts') {
    return relation.verb.startsWith('has its')
      ? `${relation.verb} ${a} undercut by ${b}`
      : `${relation.verb} ${a} for ${b}`;
  }
  return `${relation.verb} ${a}`;
}

/** The view's relations as graph edges again: anchor splits undone, undercuts pointing at edge ids. */
export function viewEdges(view: Pick<MapView, 'edges' | 'anchors'>): GraphEdge[] {
  const anchorIds = new Set(view.anchors.map((a) => a.id));
  const firstHalf = new Map(view.edges.filter((e) => e.id.endsWith('#1')).map((e) => [e.target, e.source]));
  return view.edges
    .filter((e) => !e.id.endsWith('#1'))
    .map((e) => ({
      id: e.id,
      kind: e.kind,
      from: e.kind !== 'undercuts' && anchorIds.has(e.source) ? firstHalf.get(e.source)! : e.source,
      to: e.kind === 'undercuts' ? e.target.replace(/^anchor:/, '') : e.target,
      ...(e.note ? { note: e.note } : {}),
    }));
}
