/**
 * How much each side of the map has: for every position, the claims offered for it (everything that reaches it
 * through a chain of supports), how many are direct reasons, evidence, outside context or reconstructed
 * assumptions, how many come from the article, the objections it faces, and its first-hand or official
 * evidence. Pure; the method page shows it so that the numbers never go stale.
 */
import type { Source } from './schema.ts';
import type { GraphLike, GraphNode } from './types.ts';

/** Source kinds counted as first-hand or official: the people and bodies themselves, not reports about them. */
export const FIRST_HAND_SOURCES: Source['kind'][] = ['speech', 'statement', 'judgment', 'legislation', 'report'];

export interface SideBalance {
  position: string;
  /** Claims that support the position directly or through a chain of supports. */
  claims: number;
  /** Supports that point straight at the position. */
  directReasons: number;
  evidence: number;
  context: number;
  assumptions: number;
  /** Of `claims`, how many the article itself gives (their source is the article). */
  fromArticle: number;
  /** Attacks on the position or on its claims, and undercuts of the links among them, from anywhere. */
  objections: number;
  /** Ids of the evidence that is first-hand or official: quoted evidence, or context from a first-hand source. */
  firstHand: string[];
}

export function sideBalance(graph: GraphLike, sources: Record<string, Source>): SideBalance[] {
  const supportsInto = new Map<string, string[]>();
  for (const e of graph.edges) if (e.kind === 'supports') supportsInto.set(e.to, [...(supportsInto.get(e.to) ?? []), e.from]);
  const edgeById = new Map(graph.edges.map((e) => [e.id, e]));

  return graph.nodes
    .filter((n) => n.kind === 'position')
    .map((position) => {
      const tree = new Set<string>();
      const stack = [...(supportsInto.get(position.id) ?? [])];
      while (stack.length) {
        const id = stack.pop()!;
        if (tree.has(id) || id === position.id) continue;
        tree.add(id);
        stack.push(...(supportsInto.get(id) ?? []));
      }
      // In declaration order, so the lists read the same way as the pages.
      const members = graph.nodes.filter((n) => tree.has(n.id));
      const count = (test: (n: GraphNode) => boolean) => members.filter(test).length;
      const inSide = new Set([...tree, position.id]);
      const objections = graph.edges.filter((e) => {
        if (e.kind === 'attacks') return inSide.has(e.to) && !inSide.has(e.from);
        if (e.kind !== 'undercuts') return false;
        const target = edgeById.get(e.to);
        return !!target && inSide.has(target.to) && tree.has(target.from);
      }).length;
      const isFirstHand = (n: GraphNode) =>
        n.kind === 'evidence' || (n.kind === 'context' && !!n.source && FIRST_HAND_SOURCES.includes(sources[n.source]?.kind));
      return {
        position: position.id,
        claims: members.length,
        directReasons: (supportsInto.get(position.id) ?? []).length,
        evidence: count((n) => n.kind === 'evidence'),
        context: count((n) => n.kind === 'context'),
        assumptions: count((n) => n.kind === 'assumption'),
        fromArticle: count((n) => !!n.source && sources[n.source]?.kind === 'article'),
        objections,
        firstHand: members.filter(isFirstHand).map((n) => n.id),
      };
    });
}
