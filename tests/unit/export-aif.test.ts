import { describe, expect, it } from 'vitest';
import { exportAif } from '../../src/graph/export/aif.ts';
import type { CompiledGraph, GraphEdge, GraphNode } from '../../src/graph/types.ts';

const node = (id: string, text: string, extra: Partial<GraphNode> = {}): GraphNode => ({
  id, kind: 'claim', text, label: text, page: '', origin: { file: 'f', line: 1 }, ...extra,
});
const edge = (kind: GraphEdge['kind'], from: string, to: string): GraphEdge => ({
  id: kind === 'undercuts' ? `undercuts:${from}->(${to})` : `${kind}:${from}->${to}`, kind, from, to,
});
const graph: CompiledGraph = {
  nodes: [node('q', 'Q?', { kind: 'question' }), node('p', 'P.', { kind: 'position', by: 'ann' }), node('a', 'A.'), node('e', 'E.', { kind: 'evidence', by: 'ann', source: 's', quote: 'the quote' }), node('c', 'C.'), node('u', 'U.')],
  edges: [edge('answers', 'p', 'q'), edge('supports', 'a', 'p'), edge('supports', 'e', 'a'), edge('attacks', 'c', 'a'), edge('undercuts', 'u', 'supports:e->a'), edge('undercuts', 'u', 'attacks:c->a')],
  actors: { ann: { id: 'ann', name: 'Ann Other Person', role: 'r', description: 'd', inArticle: true }, bob: { id: 'bob', name: 'Bob', role: 'r', description: 'd', inArticle: true } },
  sources: {},
  pages: [],
  layout: { boxes: {}, refs: {}, drawnFrom: {}, drawnTo: {}, routes: {}, anchors: {}, bounds: { x: 0, y: 0, width: 0, height: 0 } },
  diagnostics: [],
};

describe('AIF export', () => {
  const aif = JSON.parse(exportAif(graph)) as {
    nodes: { nodeID: string; type: string; text: string }[];
    edges: { edgeID: string; fromID: string; toID: string }[];
    locutions: { nodeID: string; personID: string }[];
    participants: { participantID: string; firstname: string; surname: string }[];
  };
  const type = new Map(aif.nodes.map((n) => [n.nodeID, n.type]));
  const pattern = aif.edges.map((e) => `${type.get(e.fromID)}→${type.get(e.toID)}`);
  const count = (list: string[]) => list.reduce<Record<string, number>>((acc, t) => ((acc[t] = (acc[t] ?? 0) + 1), acc), {});

  it('has I-nodes for claims, RA for supports and answers, CA for attacks and undercuts, L/YA for known speakers', () => {
    expect(count(aif.nodes.map((n) => n.type))).toEqual({ I: 6, L: 2, YA: 2, RA: 3, CA: 3 });
    expect(count(pattern)).toEqual({ 'L→YA': 2, 'YA→I': 2, 'I→RA': 3, 'RA→I': 3, 'I→CA': 3, 'CA→I': 1, 'CA→RA': 1, 'CA→CA': 1 });
  });

  it('undercuts point at the S-node of the relation they attack', () => {
    expect(aif.edges).toContainEqual({ edgeID: 'undercuts:u->(supports:e->a)=>supports:e->a', fromID: 'undercuts:u->(supports:e->a)', toID: 'supports:e->a' });
  });

  it('L-nodes are "<Actor name> : <quote or text>", with locutions and participants', () => {
    expect(aif.nodes.filter((n) => n.type === 'L').map((n) => n.text)).toEqual(['Ann Other Person : P.', 'Ann Other Person : the quote']);
    expect(aif.locutions).toEqual([{ nodeID: 'L:p', personID: 'ann' }, { nodeID: 'L:e', personID: 'ann' }]);
    expect(aif.participants).toEqual([{ participantID: 'ann', firstname: 'Ann', surname: 'Other Person' }]);
    expect(aif.nodes.find((n) => n.nodeID === 'answers:p->q')).toMatchObject({ type: 'RA', text: 'Answering' });
  });

  it('ids are unique and the output is deterministic', () => {
    expect(new Set(aif.nodes.map((n) => n.nodeID)).size).toBe(aif.nodes.length);
    expect(new Set(aif.edges.map((e) => e.edgeID)).size).toBe(aif.edges.length);
    expect(exportAif(structuredClone(graph))).toBe(exportAif(graph));
  });
});
