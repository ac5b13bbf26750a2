/** Views: which claims a map shows, how relations read from a claim's side, and the browser's edge list. */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileSite } from '../../src/graph/index.ts';
import type { CompiledGraph } from '../../src/graph/types.ts';
import { buildView, claimView, fullView, neighbourhood, pageView, relationSentence, relationsOf, viewEdges } from '../../src/graph/view.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SUPPORT = 'supports:blind-spots->more-access';
const UNDERCUT = `undercuts:speech-date->(${SUPPORT})`;

let graph: CompiledGraph;
beforeAll(async () => {
  const result = await compileSite({ contentRoot: 'tests/fixtures/valid', cwd: ROOT });
  if (!result.ok) throw new Error('valid fixture does not compile');
  graph = result.graph;
});

const sortById = <T extends { id: string }>(items: T[]) => [...items].sort((a, b) => a.id.localeCompare(b.id));

describe('neighbourhood', () => {
  it('adds both ends of the relation an undercut attacks', () => {
    expect(neighbourhood(graph, ['speech-date'])).toEqual(['more-access', 'blind-spots', 'speech-date']);
  });

  it('adds the undercutter to either end of the undercut relation', () => {
    expect(neighbourhood(graph, ['blind-spots'])).toEqual(['more-access', 'blind-spots', 'spectrum', 'speech-date']);
    expect(neighbourhood(graph, ['more-access'])).toEqual(['q', 'more-access', 'blind-spots', 'target-suspects', 'speech-date']);
  });

  it('adds one step only, in graph order', () => {
    expect(neighbourhood(graph, ['q'])).toEqual(['q', 'more-access', 'target-suspects']);
    expect(neighbourhood(graph, ['spectrum', 'q'])).toEqual(['q', 'more-access', 'blind-spots', 'target-suspects', 'spectrum']);
  });

  it('matches a scan of every edge for every claim of the real debate', async () => {
    const result = await compileSite({ contentRoot: 'content', cwd: ROOT, layout: false });
    if (!result.ok) throw new Error('content does not compile');
    const { nodes, edges } = result.graph;
    const byId = new Map(edges.map((e) => [e.id, e]));
    for (const { id } of nodes) {
      const keep = new Set([id]);
      for (const e of edges) {
        const target = e.kind === 'undercuts' ? byId.get(e.to)! : undefined;
        const ends = target ? [e.from, target.from, target.to] : [e.from, e.to];
        if (ends.includes(id)) ends.forEach((end) => keep.add(end));
      }
      expect(neighbourhood(result.graph, [id])).toEqual(nodes.filter((n) => keep.has(n.id)).map((n) => n.id));
    }
  });
});

describe('relationsOf', () => {
  it('words every relation from the claim’s side', () => {
    expect(relationsOf(graph, 'more-access').map(({ edge: _edge, ...r }) => r)).toEqual([
      { verb: 'answers', others: ['q'], kind: 'answers' },
      { verb: 'is supported by', others: ['blind-spots'], kind: 'supports' },
      { verb: 'is attacked by', others: ['target-suspects'], kind: 'attacks' },
    ]);
    expect(relationsOf(graph, 'q').map(({ edge: _edge, ...r }) => r)).toEqual([
      { verb: 'is answered by', others: ['more-access'], kind: 'answers' },
      { verb: 'is answered by', others: ['target-suspects'], kind: 'answers' },
    ]);
  });

  it('says an undercut “undercuts the support of” the relation’s source for its target, with the note', () => {
    expect(relationsOf(graph, 'speech-date').map(({ edge: _edge, ...r }) => r)).toEqual([
      { verb: 'undercuts the support of', others: ['blind-spots', 'more-access'], kind: 'undercuts', note: 'A test undercut.' },
    ]);
  });

  it('tells the source of an undercut relation that its support is undercut', () => {
    expect(relationsOf(graph, 'blind-spots').map(({ edge: _edge, ...r }) => r)).toEqual([
      { verb: 'supports', others: ['more-access'], kind: 'supports' },
      { verb: 'is supported by', others: ['spectrum'], kind: 'supports' },
      { verb: 'has its support of', others: ['more-access', 'speech-date'], kind: 'undercuts', note: 'A test undercut.' },
    ]);
  });

  it('words undercuts of attacks as “attack”', () => {
    const edges = [
      { id: 'attacks:a->b', kind: 'attacks' as const, from: 'a', to: 'b' },
      { id: 'undercuts:c->(attacks:a->b)', kind: 'undercuts' as const, from: 'c', to: 'attacks:a->b' },
    ];
    expect(relationsOf({ edges }, 'c').map(({ edge: _edge, ...r }) => r)).toEqual([{ verb: 'undercuts the attack of', others: ['a', 'b'], kind: 'undercuts' }]);
    expect(relationsOf({ edges }, 'a').map((r) => r.verb)).toEqual(['attacks', 'has its attack of']);
  });

  it('has nothing for an unknown claim', () => {
    expect(relationsOf(graph, 'nope').map(({ edge: _edge, ...r }) => r)).toEqual([]);
  });
});

describe('relationSentence', () => {
  const name = (id: string) => id.toUpperCase();
  it('reads relations as sentences', () => {
    expect(relationSentence({ verb: 'supports', others: ['b'], kind: 'supports', edge: 'e' }, name)).toBe('supports “B”');
    expect(relationSentence({ verb: 'undercuts the support of', others: ['a', 'b'], kind: 'undercuts', edge: 'e' }, name)).toBe('undercuts the support of “A” for “B”');
    expect(relationSentence({ verb: 'has its support of', others: ['b', 'c'], kind: 'undercuts', edge: 'e' }, name)).toBe('has its support of “B” undercut by “C”');
  });
});

describe('buildView', () => {
  it('splits an undercut relation at its anchor and points the undercut at the anchor', () => {
    const view = claimView(graph, 'speech-date');
    expect(view.nodes.map((n) => [n.id, n.focus])).toEqual([
      ['more-access', false],
      ['blind-spots', false],
      ['speech-date', true],
    ]);
    expect(view.anchors).toEqual([{ id: `anchor:${SUPPORT}`, x: expect.any(Number), y: expect.any(Number) }]);
    expect(view.edges).toEqual([
      { id: `${SUPPORT}#1`, kind: 'supports', source: 'blind-spots', target: `anchor:${SUPPORT}` },
      { id: SUPPORT, kind: 'supports', source: `anchor:${SUPPORT}`, target: 'more-access' },
      { id: UNDERCUT, kind: 'undercuts', source: 'speech-date', target: `anchor:${SUPPORT}`, note: 'A test undercut.' },
    ]);
  });

  it('draws a plain edge when the undercut is not in the view', () => {
    const view = buildView(graph, ['blind-spots', 'more-access'], ['blind-spots']);
    expect(view.anchors).toEqual([]);
    expect(view.edges).toEqual([{ id: SUPPORT, kind: 'supports', source: 'blind-spots', target: 'more-access' }]);
  });

  it('carries positions, sizes, wrapped lines and the relations among claims on the map', () => {
    const view = claimView(graph, 'spectrum');
    expect(view.nodes.map((n) => n.id)).toEqual(['blind-spots', 'spectrum']);
    const spectrum = view.nodes.find((n) => n.id === 'spectrum')!;
    expect(spectrum).toMatchObject({ kind: 'evidence', lines: ['Cooperation varies.'], by: 'rowley', source: 'article', focus: true, page: 'other' });
    expect(spectrum.width).toBe(200);
    expect(spectrum.relations.map((r) => [r.verb, r.others])).toEqual([['supports', ['blind-spots']]]);
    expect(spectrum.offMap).toBeUndefined();
    // A neighbour keeps only its relations with claims on this map and counts the rest (its own page lists them).
    const blindSpots = view.nodes.find((n) => n.id === 'blind-spots')!;
    expect(blindSpots.relations.map((r) => [r.verb, r.others])).toEqual([['is supported by', ['spectrum']]]);
    expect(blindSpots.offMap).toBe(2);
    expect(view.notes).toEqual({});
    expect(view.actors).toEqual({ rowley: 'Mark Rowley' });
    expect(Object.keys(view.sources)).toEqual(['article']);
    expect(view.pages).toEqual({ '': 'Overview', other: 'Other' });
    expect(view.width).toBeGreaterThan(0);
    expect(view.height).toBeGreaterThan(0);
  });

  it('uses the global layout for the full view', () => {
    const view = fullView(graph);
    expect(view.nodes).toHaveLength(graph.nodes.length);
    for (const n of view.nodes) expect({ x: n.x, y: n.y }).toEqual(graph.layout.positions[n.id]);
    expect(view.width).toBe(graph.layout.bounds.width);
  });

  it('page views highlight the page’s focus; unknown pages have none', () => {
    const view = pageView(graph, 'other')!;
    expect(view.nodes.filter((n) => n.focus).map((n) => n.id)).toEqual(['q', 'more-access', 'target-suspects', 'spectrum', 'speech-date']);
    expect(pageView(graph, 'missing')).toBeUndefined();
  });
});

describe('viewEdges', () => {
  it('round-trips the full view back to the graph’s edges', () => {
    expect(viewEdges(fullView(graph))).toEqual(graph.edges);
  });

  it('round-trips every claim view to the edges among its claims', () => {
    for (const node of graph.nodes) {
      const view = claimView(graph, node.id);
      const ids = new Set(view.nodes.map((n) => n.id));
      const drawn = new Set(graph.edges.filter((e) => e.kind !== 'undercuts' && ids.has(e.from) && ids.has(e.to)).map((e) => e.id));
      const expected = graph.edges.filter((e) => (e.kind === 'undercuts' ? ids.has(e.from) && drawn.has(e.to) : drawn.has(e.id)));
      expect(sortById(viewEdges(view)), node.id).toEqual(sortById(expected));
    }
  });
});
