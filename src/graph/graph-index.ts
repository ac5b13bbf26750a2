/**
 * Lookups over a graph, built once per graph and reused by every view of a build: a 5,000-claim site has
 * 5,000 claim maps, and scanning every node and edge for each of them made the build quadratic.
 */
import type { GraphEdge, GraphLike, GraphNode } from './types.ts';

export interface GraphIndex {
  nodeById: Map<string, GraphNode>;
  /** Position of each claim / edge in the graph's own order, which views keep so layouts stay stable. */
  nodeOrder: Map<string, number>;
  edgeById: Map<string, GraphEdge>;
  edgeOrder: Map<string, number>;
  /** Edges a claim's relation sentences describe: its own, and undercuts of relations it draws from. */
  touching: Map<string, GraphEdge[]>;
  /** Every edge with the claim at either end, or at either end of the relation an undercut targets. */
  near: Map<string, GraphEdge[]>;
  /** Ids of the relations that some undercut targets: each is drawn through an anchor. */
  undercutTargets: Set<string>;
}

/** Nodes may be left out when only relations are needed (`relationsOf`). */
type Indexable = Pick<GraphLike, 'edges'> & Partial<Pick<GraphLike, 'nodes'>>;

const NO_NODES: GraphNode[] = [];
const cache = new WeakMap<GraphEdge[], { nodes: GraphNode[]; index: GraphIndex }>();

// An edge can reach the same claim twice (an undercut of a relation drawn from its own undercutter): list it once.
const push = (map: Map<string, GraphEdge[]>, id: string, edge: GraphEdge) => {
  const list = map.get(id);
  if (!list) map.set(id, [edge]);
  else if (list[list.length - 1] !== edge) list.push(edge);
};

export function indexGraph(graph: Indexable): GraphIndex {
  const nodes = graph.nodes ?? NO_NODES;
  const hit = cache.get(graph.edges);
  if (hit && hit.nodes === nodes) return hit.index;
  const nodeById = new Map(nodes.map((n) => [n.id, n]));
  const nodeOrder = new Map(nodes.map((n, i) => [n.id, i]));
  const edgeById = new Map(graph.edges.map((e) => [e.id, e]));
  const edgeOrder = new Map(graph.edges.map((e, i) => [e.id, i]));
  const touching = new Map<string, GraphEdge[]>();
  const near = new Map<string, GraphEdge[]>();
  const undercutTargets = new Set<string>();
  for (const e of graph.edges) {
    push(touching, e.from, e);
    push(near, e.from, e);
    if (e.kind !== 'undercuts') {
      push(touching, e.to, e);
      push(near, e.to, e);
      continue;
    }
    undercutTargets.add(e.to);
    const target = edgeById.get(e.to);
    if (!target) continue;
    push(touching, target.from, e);
    push(near, target.from, e);
    push(near, target.to, e);
  }
  const index = { nodeById, nodeOrder, edgeById, edgeOrder, touching, near, undercutTargets };
  cache.set(graph.edges, { nodes, index });
  return index;
}

/** Claim ids in graph order. */
export function inGraphOrder(index: GraphIndex, ids: Iterable<string>): string[] {
  return [...new Set(ids)].filter((id) => index.nodeOrder.has(id)).sort((a, b) => index.nodeOrder.get(a)! - index.nodeOrder.get(b)!);
}

/** Every edge with an end among `ids` (see `near`), once each, in graph order. */
export function edgesNear(index: GraphIndex, ids: Iterable<string>): GraphEdge[] {
  const found = new Set<GraphEdge>();
  for (const id of ids) for (const e of index.near.get(id) ?? []) found.add(e);
  return [...found].sort((a, b) => index.edgeOrder.get(a.id)! - index.edgeOrder.get(b.id)!);
}
