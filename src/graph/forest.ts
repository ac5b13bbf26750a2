/**
 * The argument forest: the map read as a tree, as argument-mapping tools for teaching draw it. Every claim
 * sits once, in full, under the conclusion it chiefly bears on (its "home" relation); every other relation
 * it has is drawn from a compact reference to it (a chip) placed under the other conclusion. An undercutter
 * sits beside the link it undercuts. The layout, the static drawing and the outline all read this one tree,
 * so the drawing and its text twin always agree.
 */
import type { GraphEdge, GraphNode } from './types.ts';

/** A place in the tree: a claim in full, or a reference to a claim drawn in full elsewhere. */
export type ForestItem =
  | { type: 'claim'; id: string; claim: string }
  | { type: 'ref'; id: string; claim: string };

export interface ForestBranch {
  /** The item below (reason, objection, answer, framing) and the relation it draws to its parent. */
  item: string;
  edge: string;
}

export interface Forest {
  /** Every item by its drawn id: claims keep their id, references get `ref-<n>`. */
  items: Map<string, ForestItem>;
  /** Top-level items (questions first, then claims the map is about, then the rest), in order. */
  roots: string[];
  /** Items hanging below each item, left to right, with the relation each draws up to it. */
  children: Map<string, ForestBranch[]>;
  /** Undercutters placed beside the item whose upward link they undercut (nearest first). */
  beside: Map<string, ForestBranch[]>;
  /** The item each relation is drawn from (for undercuts: the undercutting item). */
  drawnFrom: Map<string, string>;
  /** For each undercut edge, the item whose upward link carries the diamond it points at. */
  carrier: Map<string, string>;
}

/** Which relation places a claim: answers first, then reasons, objections, framing, undercuts last. */
const HOME_RANK: Record<GraphEdge['kind'], number> = { answers: 0, supports: 1, attacks: 2, frames: 3, undercuts: 4 };
/** Left to right under a conclusion: answers, reasons, objections, framing. */
const CHILD_RANK: Record<GraphEdge['kind'], number> = { answers: 0, supports: 1, attacks: 2, frames: 3, undercuts: 4 };

/**
 * Build the forest of the claims `nodes` (in the order given, which decides ties) with the relations
 * `edges` among them. Relations with an end missing from `nodes` are ignored; so are undercuts of them.
 * `focus` claims come first among roots. Iterative throughout: deep chains do not grow the stack.
 */
export function buildForest(nodes: Pick<GraphNode, 'id' | 'kind' | 'page'>[], edges: GraphEdge[], focus: Iterable<string> = []): Forest {
  const order = new Map(nodes.map((n, i) => [n.id, i]));
  const nodeById = new Map(nodes.map((n) => [n.id, n]));
  const focusSet = new Set(focus);
  const links = edges.filter((e) => e.kind !== 'undercuts' && order.has(e.from) && order.has(e.to) && e.from !== e.to);
  const linkById = new Map(links.map((e) => [e.id, e]));
  const undercuts = edges.filter((e) => e.kind === 'undercuts' && order.has(e.from) && linkById.has(e.to));
  const edgeOrder = new Map(edges.map((e, i) => [e.id, i]));

  // 1. Each claim's home: its best outgoing relation that keeps the tree free of cycles. A claim is still a root
  // when its home is chosen, so a link to `t` closes a cycle exactly when the claim is the root of `t`'s tree:
  // union–find with path halving answers that in near-constant time.
  const treeOf = new Map<string, string>();
  const rootOf = (id: string) => {
    let at = id;
    for (let up = treeOf.get(at); up !== undefined && up !== at; up = treeOf.get(at)) {
      const next = treeOf.get(up);
      if (next !== undefined) treeOf.set(at, next);
      at = up;
    }
    return at;
  };
  const hangUnder = (child: string, parent: string) => treeOf.set(child, parent);
  const home = new Map<string, GraphEdge>();
  const outgoing = new Map<string, GraphEdge[]>();
  for (const e of links) {
    const list = outgoing.get(e.from);
    if (list) list.push(e);
    else outgoing.set(e.from, [e]);
  }
  const samePage = (e: GraphEdge) => (nodeById.get(e.from)!.page === nodeById.get(e.to)!.page ? 0 : 1);
  for (const n of nodes) {
    const candidates = [...(outgoing.get(n.id) ?? [])].sort(
      (a, b) => HOME_RANK[a.kind] - HOME_RANK[b.kind] || samePage(a) - samePage(b) || edgeOrder.get(a.id)! - edgeOrder.get(b.id)!,
    );
    const chosen = candidates.find((e) => rootOf(e.to) !== n.id);
    if (chosen) {
      hangUnder(n.id, chosen.to);
      home.set(n.id, chosen);
    }
  }

  const items = new Map<string, ForestItem>(nodes.map((n) => [n.id, { type: 'claim', id: n.id, claim: n.id }]));
  const children = new Map<string, ForestBranch[]>();
  const beside = new Map<string, ForestBranch[]>();
  const drawnFrom = new Map<string, string>();
  const carrier = new Map<string, string>();
  let refs = 0;
  const newRef = (claim: string) => {
    const id = `ref-${++refs}`;
    items.set(id, { type: 'ref', id, claim });
    return id;
  };
  const hang = (map: Map<string, ForestBranch[]>, under: string, branch: ForestBranch) => {
    const list = map.get(under);
    if (list) list.push(branch);
    else map.set(under, [branch]);
  };

  // 2. Every relation hangs its source under its target: the claim itself for its home, a reference otherwise.
  for (const e of links) {
    const from = home.get(e.from) === e ? e.from : newRef(e.from);
    if (from !== e.from) hangUnder(from, e.to);
    hang(children, e.to, { item: from, edge: e.id });
    drawnFrom.set(e.id, from);
    carrier.set(e.id, from);
  }
  // 3. An undercutter stands beside the item carrying the link it undercuts: in full when undercutting is all
  // it does on this map, as a reference otherwise.
  const placedBeside = new Set<string>();
  for (const u of undercuts) {
    const at = carrier.get(u.to)!;
    const full = !home.has(u.from) && !placedBeside.has(u.from) && rootOf(at) !== u.from;
    const from = full ? u.from : newRef(u.from);
    if (full) placedBeside.add(u.from);
    hangUnder(from, at);
    hang(beside, at, { item: from, edge: u.id });
    drawnFrom.set(u.id, from);
    carrier.set(u.id, at);
  }

  const kindOf = (id: string) => nodeById.get(items.get(id)!.claim)!.kind;
  const rank = (branch: ForestBranch) => CHILD_RANK[(linkById.get(branch.edge) ?? { kind: 'undercuts' as const }).kind];
  const isRef = (id: string) => (items.get(id)!.type === 'ref' ? 1 : 0);
  for (const list of children.values()) {
    list.sort((a, b) => rank(a) - rank(b) || isRef(a.item) - isRef(b.item) || order.get(items.get(a.item)!.claim)! - order.get(items.get(b.item)!.claim)!);
  }

  // Roots: claims placed under nothing. Questions first, then the claims the map is about, then the rest.
  const placed = new Set<string>();
  for (const list of [...children.values(), ...beside.values()]) for (const b of list) placed.add(b.item);
  const rootRank = (id: string) => (kindOf(id) === 'question' ? 0 : focusSet.has(id) ? 1 : 2);
  const roots = nodes
    .map((n) => n.id)
    .filter((id) => !placed.has(id))
    .sort((a, b) => rootRank(a) - rootRank(b) || order.get(a)! - order.get(b)!);
  return { items, roots, children, beside, drawnFrom, carrier };
}

/**
 * Items of the forest in drawing order (depth first, undercutters before the item they stand beside), with
 * each one's depth: an explicit stack, so a chain of 10,000 reasons walks as easily as a short one.
 */
export function walkForest(forest: Forest): { id: string; depth: number; via?: ForestBranch; parent?: string; besideOf?: string }[] {
  const out: { id: string; depth: number; via?: ForestBranch; parent?: string; besideOf?: string }[] = [];
  const stack: { id: string; depth: number; via?: ForestBranch; parent?: string; besideOf?: string }[] = forest.roots.map((id) => ({ id, depth: 0 })).reverse();
  while (stack.length) {
    const entry = stack.pop()!;
    out.push(entry);
    const next = [
      ...(forest.beside.get(entry.id) ?? []).map((b) => ({ id: b.item, depth: entry.depth + 1, via: b, parent: entry.id, besideOf: entry.id })),
      ...(forest.children.get(entry.id) ?? []).map((b) => ({ id: b.item, depth: entry.depth + 1, via: b, parent: entry.id })),
    ];
    for (let i = next.length - 1; i >= 0; i--) stack.push(next[i]);
  }
  return out;
}
