/**
 * The text twin of a map: the same tree the drawing shows (`forest.ts`), as a nested outline. Conclusions
 * are roots, their reasons and objections nest below, an undercutter nests under the claim whose link it
 * undercuts; a claim drawn in full once appears elsewhere as a reference to that item.
 */
import { buildForest } from './forest.ts';
import type { GraphEdge } from './types.ts';
import type { MapView } from './view-types.ts';

export interface OutlineItem {
  /** The claim's id. */
  id: string;
  /** How this claim relates to its parent item, in words ("supports", "attacks", "undercuts its support"…). */
  relation?: string;
  relationKind?: GraphEdge['kind'];
  /** True when the claim is shown in full elsewhere in the outline: render a link to it. */
  ref: boolean;
  children: OutlineItem[];
}

const RELATION_WORDS: Record<string, string> = { supports: 'supports', attacks: 'attacks', answers: 'answers', frames: 'frames' };

/** The outline of a view; `focus` must be the claims the view was laid out around, so both trees agree. */
export function buildOutline(view: Pick<MapView, 'nodes' | 'edges'>): OutlineItem[] {
  const edgeById = new Map(view.edges.map((e) => [e.id, e]));
  const forest = buildForest(view.nodes, view.edges, view.nodes.filter((n) => n.focus).map((n) => n.id));
  const made = new Map<string, OutlineItem>();
  const item = (drawn: string, edge?: string): OutlineItem => {
    const { type, claim } = forest.items.get(drawn)!;
    const e = edge ? edgeById.get(edge) : undefined;
    let relation: string | undefined;
    if (e?.kind === 'undercuts') {
      const target = edgeById.get(e.to);
      relation = `undercuts its ${target?.kind === 'attacks' ? 'attack' : 'support'}`;
    } else if (e) relation = RELATION_WORDS[e.kind];
    const out: OutlineItem = { id: claim, ...(relation ? { relation, relationKind: e!.kind } : {}), ref: type === 'ref', children: [] };
    made.set(drawn, out);
    return out;
  };
  const roots = forest.roots.map((id) => item(id));
  // Breadth by an explicit queue: deep chains do not grow the stack.
  const queue = [...forest.roots];
  for (let next = 0; next < queue.length; next++) {
    const drawn = queue[next];
    const parent = made.get(drawn)!;
    for (const b of [...(forest.beside.get(drawn) ?? []), ...(forest.children.get(drawn) ?? [])]) {
      parent.children.push(item(b.item, b.edge));
      queue.push(b.item);
    }
  }
  return roots;
}
