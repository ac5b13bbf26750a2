/** Views: which claims a map shows, how relations read from a claim's side, and the browser's edge list. */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileSite } from '../../src/graph/index.ts';
import type { CompiledGraph } from '../../src/graph/types.ts';
import { buildView, claimView, fullView, neighbourhood, pageView, relationsOf, viewGraphEdges } from '../../src/graph/view.ts';

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
      { kind: 'answers', role: 'source', others: ['q'] },
      { kind: 'supports', role: 'target', others: ['blind-spots'] },
      { kind: 'attacks', role: 'target', others: ['target-suspects'] },
    ]);
    expect(relationsOf(graph, 'q').map(({ edge: _edge, ...r }) => r)).toEqual([
      { kind: 'answers', role: 'target', others: ['more-access'] },
      { kind: 'answers', role: 'target', others: ['target-suspects'] },
    ]);
  });

  it('names the relation an undercut undercuts, from the undercutter’s side', () => {
    expect(relationsOf(graph, 'speech-date').map(({ edge: _edge, ...r }) => r)).toEqual([
      { kind: 'undercuts', role: 'undercutter', others: ['blind-spots', 'more-access'], undercut: 'supports' },
    ]);
  });

  it('tells the source of an undercut relation that its support is undercut', () => {
    expect(relationsOf(graph, 'blind-spots').map(({ edge: _edge, ...r }) => r)).toEqual([
      { kind: 'supports', role: 'source', others: ['more-access'] },
      { kind: 'supports', role: 'target', others: ['spectrum'] },
      { kind: 'undercuts', role: 'undercut', others: ['more-access', 'speech-date'], undercut: 'supports' },
    ]);
  });

  it('words undercuts of attacks as “attack”', () => {
    const edges = [
      { id: 'attacks:a->b', kind: 'attacks' as const, from: 'a', to: 'b' },
      { id: 'undercuts:c->(attacks:a->b)', kind: 'undercuts' as const, from: 'c', to: 'attacks:a->b' },
    ];
    expect(relationsOf({ edges }, 'c').map(({ edge: _edge, ...r }) => r)).toEqual([{ kind: 'undercuts', role: 'undercutter', others: ['a', 'b'], undercut: 'attacks' }]);
    expect(relationsOf({ edges }, 'a').map((r) => `${r.role} ${r.undercut ?? r.kind}`)).toEqual(['source attacks', 'undercut attacks']);
  });

  it('has nothing for an unknown claim', () => {
    expect(relationsOf(graph, 'nope').map(({ edge: _edge, ...r }) => r)).toEqual([]);
  });
});

describe('buildView', () => {
  it('keeps the graph’s own edges, each with the line it is drawn as, and a diamond for an undercut', () => {
    const view = claimView(graph, 'speech-date');
    expect(view.nodes.map((n) => [n.id, n.focus])).toEqual([
      ['more-access', false],
      ['blind-spots', false],
      ['speech-date', true],
    ]);
    expect(view.edges.map(({ points: _p, ...e }) => e)).toEqual([
      { id: SUPPORT, kind: 'supports', from: 'blind-spots', to: 'more-access', source: 'blind-spots' },
      { id: UNDERCUT, kind: 'undercuts', from: 'speech-date', to: SUPPORT, note: 'A test undercut.', source: 'speech-date' },
    ]);
    expect(view.anchors).toEqual([{ edge: UNDERCUT, x: expect.any(Number), y: expect.any(Number) }]);
    // The undercut's line ends at the diamond, which sits on the line of the support it undercuts.
    const support = view.edges[0].points;
    const diamond = view.anchors[0];
    expect(view.edges[1].points.at(-1)!.y).toBe(diamond.y);
    expect(support.some((p, i) => i > 0 && p.x === support[i - 1].x && p.x === diamond.x && Math.min(p.y, support[i - 1].y) <= diamond.y && diamond.y <= Math.max(p.y, support[i - 1].y))).toBe(true);
  });

  it('leaves the undercut out when the relation it undercuts is not on the map', () => {
    const view = buildView(graph, ['blind-spots', 'more-access'], ['blind-spots']);
    expect(view.anchors).toEqual([]);
    expect(view.edges.map((e) => e.id)).toEqual([SUPPORT]);
  });

  it('carries positions, sizes, wrapped lines and the relations among claims on the map', () => {
    const view = claimView(graph, 'spectrum');
    expect(view.nodes.map((n) => n.id)).toEqual(['blind-spots', 'spectrum']);
    const spectrum = view.nodes.find((n) => n.id === 'spectrum')!;
    expect(spectrum).toMatchObject({ kind: 'evidence', lines: ['Cooperation varies.'], by: 'rowley', source: 'article', focus: true, page: 'other' });
    expect(spectrum.width).toBe(200);
    expect(spectrum.relations.map((r) => [r.role, r.kind, r.others])).toEqual([['source', 'supports', ['blind-spots']]]);
    expect(spectrum.offMap).toBeUndefined();
    // A neighbour keeps only its relations with claims on this map and counts the rest (its own page lists them).
    const blindSpots = view.nodes.find((n) => n.id === 'blind-spots')!;
    expect(blindSpots.relations.map((r) => [r.role, r.others])).toEqual([['target', ['spectrum']]]);
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
    for (const n of view.nodes) expect({ x: n.x, y: n.y }).toEqual({ x: graph.layout.boxes[n.id].x, y: graph.layout.boxes[n.id].y });
    expect(view.refs.map((r) => r.claim).sort()).toEqual(Object.values(graph.layout.refs).sort());
    expect(view.width).toBe(graph.layout.bounds.width);
  });

  it('page views highlight the page’s focus and draw claims from other pages small; unknown pages have none', () => {
    const view = pageView(graph, 'other')!;
    expect(view.nodes.filter((n) => n.focus).map((n) => n.id)).toEqual(['q', 'more-access', 'target-suspects', 'spectrum', 'speech-date']);
    const widths = new Set(view.nodes.map((n) => n.width));
    expect(widths.size).toBeGreaterThanOrEqual(1);
    expect(pageView(graph, 'missing')).toBeUndefined();
  });
});

describe('viewGraphEdges', () => {
  it('gives back the graph’s edges from the full view', () => {
    expect(viewGraphEdges(fullView(graph))).toEqual(graph.edges);
  });

  it('gives every claim view the edges among its claims', () => {
    for (const node of graph.nodes) {
      const view = claimView(graph, node.id);
      const ids = new Set(view.nodes.map((n) => n.id));
      const drawn = new Set(graph.edges.filter((e) => e.kind !== 'undercuts' && ids.has(e.from) && ids.has(e.to)).map((e) => e.id));
      const expected = graph.edges.filter((e) => (e.kind === 'undercuts' ? ids.has(e.from) && drawn.has(e.to) : drawn.has(e.id)));
      expect(sortById(viewGraphEdges(view)), node.id).toEqual(sortById(expected));
    }
  });
});
