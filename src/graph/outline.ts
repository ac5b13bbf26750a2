/**
 * The text twin of a map: the same claims and relations as a nested outline. Conclusions are roots,
 * their reasons and objections nest below; a claim with several parents appears once in full and
 * elsewhere as a reference.
 */
import type { GraphEdge } from './types.ts';
import { viewEdges, type MapView } from './view.ts';

export interface OutlineItem {
  id: string;
  /** How this claim relates to its parent item, in words ("supports", "attacks", "answers", "undercuts the support above"). */
  relation?: string;
  relationKind?: GraphEdge['kind'];
  /** True when the claim is shown in full elsewhere in the outline: render a link to it. */
  ref: boolean;
  children: OutlineItem[];
}

const ORDER: Record<string, number> = { answers: 0, supports: 1, attacks: 2, frames: 3 };

export function buildOutline(view: Pick<MapView, 'nodes' | 'edges' | 'anchors'>): OutlineItem[] {
  const inView = new Set(view.nodes.map((n) => n.id));
  const all = viewEdges(view);
  const relations = all.filter((e) => e.kind !== 'undercuts');
  const undercuts = all.filter((e) => e.kind === 'undercuts');
  const order = new Map(view.nodes.map((n, i) => [n.id, i]));
  const byOrder = (a: string, b: string) => order.get(a)! - order.get(b)!;

  const hasParent = new Set([...relations.map((r) => r.from), ...undercuts.map((u) => u.from)]);
  const kindRank = (id: string) => (view.nodes.find((n) => n.id === id)?.kind === 'question' ? 0 : 1);
  const roots = view.nodes
    .map((n) => n.id)
    .filter((id) => !hasParent.has(id))
    .sort((a, b) => kindRank(a) - kindRank(b) || byOrder(a, b));

  const seen = new Set<string>();
  const visit = (id: string, relation?: string, relationKind?: GraphEdge['kind'], viaEdge?: string): OutlineItem => {
    if (seen.has(id)) return { id, relation, relationKind, ref: true, children: [] };
    seen.add(id);
    const children: OutlineItem[] = [];
    // Undercuts of the link that brought us here nest under this claim.
    if (viaEdge) {
      for (const u of undercuts.filter((x) => x.to === viaEdge)) {
        const what = relationKind === 'attacks' ? 'attack' : 'support';
        children.push(visit(u.from, `undercuts this ${what}`, 'undercuts'));
      }
    }
    const incoming = relations
      .filter((r) => r.to === id && inView.has(r.from))
      .sort((a, b) => ORDER[a.kind] - ORDER[b.kind] || byOrder(a.from, b.from));
    for (const r of incoming) children.push(visit(r.from, r.kind, r.kind, r.id));
    return { id, relation, relationKind, ref: false, children };
  };
  const items = roots.map((id) => visit(id));
  // Claims only reachable through cycles of attacks still appear.
  for (const n of view.nodes) if (!seen.has(n.id)) items.push(visit(n.id));
  return items;
}
