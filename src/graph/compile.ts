/**
 * Compile: validated pages and registries become the graph's nodes, edges and pages.
 * Assumes `validateSite` found no errors.
 */
import type { Actor, Source } from './schema.ts';
import type { LoadedPage } from './load.ts';
import { refId } from './model.ts';
import type { CompiledGraph, GraphEdge, GraphNode, PageInfo } from './types.ts';

/** Stable id of a claim-to-claim relation; undercuts address relations by it. */
export const edgeId = (kind: GraphEdge['kind'], from: string, to: string) => `${kind}:${from}->${to}`;

export function compileGraph(
  pages: LoadedPage[],
  actors: Actor[],
  sources: Source[],
): Omit<CompiledGraph, 'layout' | 'diagnostics'> {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const withNote = (edge: GraphEdge, note: string | undefined) => (note ? { ...edge, note } : edge);
  for (const page of pages) {
    for (const claim of page.claims) {
      const { id, kind, text, label, by, source, quote, voice, note } = claim;
      nodes.push({
        id,
        kind,
        text,
        label: label ?? text,
        ...(by ? { by } : {}),
        ...(source ? { source } : {}),
        ...(quote ? { quote } : {}),
        ...(voice ? { voice } : {}),
        ...(note ? { note } : {}),
        page: page.slug,
        origin: { file: claim.file, line: claim.line },
      });
      if (claim.answers) edges.push({ id: edgeId('answers', id, claim.answers), kind: 'answers', from: id, to: claim.answers });
      for (const kind of ['supports', 'attacks', 'frames'] as const) {
        for (const ref of claim[kind]) {
          const to = refId(ref);
          edges.push(withNote({ id: edgeId(kind, id, to), kind, from: id, to }, typeof ref === 'string' ? undefined : ref.note));
        }
      }
    }
  }
  // Undercuts point at relations, so they are added once every relation exists.
  const relationIds = new Set(edges.map((e) => e.id));
  for (const page of pages) {
    for (const claim of page.claims) {
      for (const ref of claim.undercuts) {
        const target = [edgeId('supports', ref.from, ref.to), edgeId('attacks', ref.from, ref.to)].find((e) => relationIds.has(e))!;
        edges.push(withNote({ id: `undercuts:${claim.id}->(${target})`, kind: 'undercuts', from: claim.id, to: target }, ref.note));
      }
    }
  }
  const pageInfos: PageInfo[] = pages.map((page) => {
    const declared = page.claims.map((c) => c.id);
    const focus = [...new Set([...declared, ...page.focus.map((f) => f.id)])];
    return { slug: page.slug, title: page.title, file: page.file, declared, focus };
  });
  const byId = <T extends { id: string }>(items: T[]) => Object.fromEntries(items.map((item) => [item.id, item]));
  return { nodes, edges, actors: byId(actors), sources: byId(sources), pages: pageInfos };
}
