/** The per-graph index views read: lookups, graph order, the edges near a claim, and one index per graph. */
import { describe, expect, it } from 'vitest';
import { edgesNear, indexGraph, inGraphOrder } from '../../src/graph/graph-index.ts';
import type { GraphEdge, GraphLike, GraphNode } from '../../src/graph/types.ts';

const node = (id: string): GraphNode => ({ id, kind: 'claim', text: id, label: id, page: '', origin: { file: 'docs/index.mdx', line: 1 } });
const edge = (kind: GraphEdge['kind'], from: string, to: string): GraphEdge => ({ id: kind === 'undercuts' ? `undercuts:${from}->(${to})` : `${kind}:${from}->${to}`, kind, from, to });

// a supports c, b attacks c, d undercuts the support a→c, e answers q; f stands alone.
const aSupportsC = edge('supports', 'a', 'c');
const bAttacksC = edge('attacks', 'b', 'c');
const dUndercuts = edge('undercuts', 'd', aSupportsC.id);
const eAnswersQ = edge('answers', 'e', 'q');
const graph: GraphLike = {
  nodes: ['q', 'a', 'b', 'c', 'd', 'e', 'f'].map(node),
  edges: [aSupportsC, bAttacksC, dUndercuts, eAnswersQ],
};
const ids = (edges: GraphEdge[] | undefined) => (edges ?? []).map((e) => e.id);

describe('indexGraph', () => {
  const index = indexGraph(graph);

  it('looks up claims and relations by id, and knows their order in the graph', () => {
    expect(index.nodeById.get('c')).toBe(graph.nodes[3]);
    expect(index.nodeOrder.get('q')).toBe(0);
    expect(index.nodeOrder.get('f')).toBe(6);
    expect(index.edgeById.get(dUndercuts.id)).toBe(dUndercuts);
    expect(index.edgeOrder.get(eAnswersQ.id)).toBe(3);
    expect(index.nodeById.has('missing')).toBe(false);
  });

  it('lists the relations a claim takes part in: its own, and undercuts of relations it draws from', () => {
    expect(ids(index.touching.get('a'))).toEqual([aSupportsC.id, dUndercuts.id]);
    expect(ids(index.touching.get('c'))).toEqual([aSupportsC.id, bAttacksC.id]);
    expect(ids(index.touching.get('d'))).toEqual([dUndercuts.id]);
    expect(index.touching.get('f')).toBeUndefined();
  });

  it('lists every relation near a claim: also undercuts of relations that end at it', () => {
    expect(ids(index.near.get('c'))).toEqual([aSupportsC.id, bAttacksC.id, dUndercuts.id]);
    expect(ids(index.near.get('q'))).toEqual([eAnswersQ.id]);
  });

  it('knows which relations are undercut', () => {
    expect([...index.undercutTargets]).toEqual([aSupportsC.id]);
  });

  it('lists an undercut once for a claim that both makes it and draws the relation it undercuts', () => {
    const selfUndercut = edge('undercuts', 'a', aSupportsC.id);
    const own = indexGraph({ nodes: graph.nodes, edges: [aSupportsC, selfUndercut] });
    expect(ids(own.touching.get('a'))).toEqual([aSupportsC.id, selfUndercut.id]);
    expect(ids(own.near.get('a'))).toEqual([aSupportsC.id, selfUndercut.id]);
  });

  it('skips an undercut of a relation that does not exist instead of failing', () => {
    const dangling = edge('undercuts', 'd', 'supports:x->y');
    const own = indexGraph({ nodes: graph.nodes, edges: [dangling] });
    expect(ids(own.touching.get('d'))).toEqual([dangling.id]);
    expect(own.undercutTargets.has('supports:x->y')).toBe(true);
  });

  it('builds one index per graph and reuses it, but not for other nodes or edges', () => {
    expect(indexGraph(graph)).toBe(index);
    expect(indexGraph({ nodes: graph.nodes, edges: graph.edges })).toBe(index);
    expect(indexGraph({ nodes: [...graph.nodes], edges: graph.edges })).not.toBe(index);
    expect(indexGraph({ nodes: graph.nodes, edges: [...graph.edges] })).not.toBe(index);
  });

  it('indexes relations alone when no claims are given', () => {
    const relationsOnly = indexGraph({ edges: graph.edges });
    expect(relationsOnly.nodeById.size).toBe(0);
    expect(ids(relationsOnly.touching.get('a'))).toEqual([aSupportsC.id, dUndercuts.id]);
  });
});

describe('inGraphOrder and edgesNear', () => {
  const index = indexGraph(graph);

  it('puts claim ids in graph order, once each, dropping unknown ids', () => {
    expect(inGraphOrder(index, ['f', 'c', 'nope', 'a', 'c'])).toEqual(['a', 'c', 'f']);
    expect(inGraphOrder(index, new Set<string>())).toEqual([]);
  });

  it('gives the relations near any of the claims once each, in graph order', () => {
    expect(ids(edgesNear(index, ['q', 'c', 'a']))).toEqual([aSupportsC.id, bAttacksC.id, dUndercuts.id, eAnswersQ.id]);
    expect(edgesNear(index, ['f', 'unknown'])).toEqual([]);
  });
});
