/** Layout: deterministic positions, boxes that never overlap, and the label wrapping the drawings share. */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileGraph } from '../../src/graph/compile.ts';
import { compileSite } from '../../src/graph/index.ts';
import { ANCHOR_SIZE, LARGE_GRAPH, LABEL_LINE_CHARS, LABEL_MAX_LINES, layoutGraph, NODE_WIDTH, nodeSize, wrapLabel } from '../../src/graph/layout.ts';
import { indexGraph } from '../../src/graph/graph-index.ts';
import type { LoadedClaim } from '../../src/graph/load.ts';
import type { CompiledGraph, Layout } from '../../src/graph/types.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('wrapLabel', () => {
  it('keeps labels of up to a line on one line', () => {
    expect(wrapLabel('Companies cause blind spots.')).toEqual(['Companies cause blind spots.']);
    expect(wrapLabel('Companies create blind spots.')).toEqual(['Companies create blind', 'spots.']);
  });

  it('wraps greedily at word boundaries', () => {
    const lines = wrapLabel('Social media companies are causing a growing number of blind spots');
    expect(lines).toEqual(['Social media companies are', 'causing a growing number of', 'blind spots']);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(LABEL_LINE_CHARS);
  });

  it('collapses runs of whitespace', () => {
    expect(wrapLabel('  a \n\t b  ')).toEqual(['a b']);
  });

  it('hard-cuts words longer than a line', () => {
    expect(wrapLabel('x'.repeat(30))).toEqual(['x'.repeat(28), 'xx']);
    expect(wrapLabel('go ' + 'y'.repeat(25), 10)).toEqual(['go', 'y'.repeat(10), 'y'.repeat(10), 'y'.repeat(5)]);
  });

  it(`cuts after ${LABEL_MAX_LINES} lines with an ellipsis that fits the line`, () => {
    const label = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ');
    const lines = wrapLabel(label);
    expect(lines).toHaveLength(LABEL_MAX_LINES);
    expect(lines.at(-1)!.endsWith('…')).toBe(true);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(LABEL_LINE_CHARS);
    expect(lines.slice(0, -1).join(' ')).toBe(label.slice(0, lines.slice(0, -1).join(' ').length));
  });

  it('respects custom widths and line counts', () => {
    expect(wrapLabel('one two three four', 7, 2)).toEqual(['one two', 'three…']);
  });

  it('returns no lines for an empty label', () => {
    expect(wrapLabel('   ')).toEqual([]);
  });
});

describe('nodeSize', () => {
  it('is a fixed width and grows by line', () => {
    expect(nodeSize({ label: 'short' })).toEqual({ width: NODE_WIDTH, height: 16 + 26 });
    expect(nodeSize({ label: 'Social media companies are causing a growing number of blind spots' })).toEqual({ width: NODE_WIDTH, height: 3 * 16 + 26 });
  });
});

type Box = { id: string; x: number; y: number; width: number; height: number };
const boxesOf = (layout: Layout, ids: string[]): Box[] => ids.map((id) => ({ id, ...layout.positions[id], ...layout.sizes[id] }));

/** Pairs of boxes whose interiors intersect. */
function overlaps(boxes: Box[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i];
      const b = boxes[j];
      if (Math.abs(a.x - b.x) < (a.width + b.width) / 2 && Math.abs(a.y - b.y) < (a.height + b.height) / 2) out.push([a.id, b.id]);
    }
  }
  return out;
}

function expectInsideBounds(layout: Layout) {
  for (const [id, p] of Object.entries(layout.positions)) {
    const s = layout.sizes[id];
    expect(p.x - s.width / 2, id).toBeGreaterThanOrEqual(-1);
    expect(p.y - s.height / 2, id).toBeGreaterThanOrEqual(-1);
    expect(p.x + s.width / 2, id).toBeLessThanOrEqual(layout.bounds.width + 1);
    expect(p.y + s.height / 2, id).toBeLessThanOrEqual(layout.bounds.height + 1);
  }
}

/** A seeded pseudo-random argument graph: questions, positions answering them, and a web of reasons. */
function generatedGraph(count: number, seed = 42): Pick<CompiledGraph, 'nodes' | 'edges'> {
  let state = seed;
  const random = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = <T,>(items: T[]) => items[Math.floor(random() * items.length)];
  const claims: LoadedClaim[] = [];
  const base = { supports: [], attacks: [], undercuts: [], frames: [], file: 'docs/gen.mdx', line: 1, lines: {} };
  const words = ['police', 'blind', 'spots', 'encryption', 'companies', 'cooperate', 'surveillance', 'targeted', 'suspects', 'privacy'];
  const text = (i: number) => Array.from({ length: 3 + (i % 17) }, () => pick(words)).join(' ') + '.';
  for (let i = 0; i < count; i++) {
    const id = `c${i}`;
    if (i < 2) claims.push({ ...base, id, kind: 'question', text: text(i) });
    else if (i < 8) claims.push({ ...base, id, kind: 'position', text: text(i), answers: `c${i % 2}` });
    else {
      const target = `c${2 + Math.floor(random() * (i - 2))}`;
      const claim: LoadedClaim = { ...base, supports: [], attacks: [], undercuts: [], frames: [], id, kind: pick(['claim', 'evidence', 'assumption'] as const), text: text(i) };
      (random() < 0.7 ? claim.supports : claim.attacks).push(target);
      claims.push(claim);
    }
  }
  // A few undercuts of existing relations, declared by fresh claims.
  const relations = claims.flatMap((c) => [...c.supports.map((t) => ({ from: c.id, to: t as string }))]);
  for (let k = 0; k < 10; k++) {
    const rel = relations[(k * 37) % relations.length];
    claims[claims.length - 1 - k * 3].undercuts.push({ from: rel.from, to: rel.to });
  }
  return compileGraph([{ file: 'docs/gen.mdx', slug: 'gen', title: 'Gen', claims, focus: [] }], [], []);
}

describe('layoutGraph on the valid fixture', () => {
  let graph: CompiledGraph;
  beforeAll(async () => {
    const result = await compileSite({ contentRoot: 'tests/fixtures/valid', cwd: ROOT });
    if (!result.ok) throw new Error('valid fixture does not compile');
    graph = result.graph;
  });

  it('is deterministic: the same input twice gives identical layouts', () => {
    const first = layoutGraph(graph);
    const second = layoutGraph(structuredClone({ nodes: graph.nodes, edges: graph.edges }));
    expect(second).toEqual(first);
    expect(graph.layout).toEqual(first);
  });

  it('places every claim and one anchor per undercut relation', () => {
    const layout = layoutGraph(graph);
    const anchors = [...indexGraph(graph).undercutTargets];
    expect(anchors).toEqual(['supports:blind-spots->more-access']);
    expect(Object.keys(layout.positions).sort()).toEqual([...graph.nodes.map((n) => n.id), ...anchors].sort());
    expect(layout.sizes[anchors[0]]).toEqual({ width: ANCHOR_SIZE, height: ANCHOR_SIZE });
    for (const p of Object.values(layout.positions)) {
      expect(Number.isInteger(p.x) && Number.isInteger(p.y)).toBe(true);
    }
  });

  it('never overlaps two claim boxes and keeps everything inside the bounds, from the origin', () => {
    const layout = layoutGraph(graph);
    expect(overlaps(boxesOf(layout, graph.nodes.map((n) => n.id)))).toEqual([]);
    expectInsideBounds(layout);
    const lefts = graph.nodes.map((n) => layout.positions[n.id].x - layout.sizes[n.id].width / 2);
    expect(Math.min(...lefts)).toBeLessThanOrEqual(1);
  });

  it('draws reasons below their conclusions', () => {
    const { positions } = layoutGraph(graph);
    for (const e of graph.edges.filter((x) => x.kind !== 'undercuts')) {
      expect(positions[e.from].y, e.id).toBeGreaterThan(positions[e.to].y);
    }
  });

  it('lays out a subset on its own, with an anchor only when the undercut is in it', () => {
    const sub = layoutGraph(graph, ['blind-spots', 'more-access']);
    expect(Object.keys(sub.positions).sort()).toEqual(['blind-spots', 'more-access']);
    const withUndercut = layoutGraph(graph, ['blind-spots', 'more-access', 'speech-date']);
    expect(Object.keys(withUndercut.positions).sort()).toEqual(['blind-spots', 'more-access', 'speech-date', 'supports:blind-spots->more-access']);
  });

  it('gives an empty layout for no claims', () => {
    expect(layoutGraph(graph, [])).toEqual({ positions: {}, sizes: {}, bounds: { x: 0, y: 0, width: 0, height: 0 } });
  });
});

describe('layoutGraph on a generated 200-claim graph', () => {
  const graph = generatedGraph(200);
  let layout: Layout;
  beforeAll(() => {
    layout = layoutGraph(graph);
  });

  it('is a real test graph', () => {
    expect(graph.nodes).toHaveLength(200);
    expect(graph.edges.filter((e) => e.kind === 'undercuts').length).toBeGreaterThanOrEqual(5);
    expect(new Set(graph.nodes.map((n) => nodeSize(n).height)).size).toBeGreaterThan(1);
  });

  it('places every claim without overlaps', () => {
    expect(Object.keys(layout.positions)).toHaveLength(200 + indexGraph(graph).undercutTargets.size);
    expect(overlaps(boxesOf(layout, graph.nodes.map((n) => n.id)))).toEqual([]);
    expectInsideBounds(layout);
  });

  it('is deterministic', () => {
    expect(layoutGraph(generatedGraph(200))).toEqual(layout);
  });
});

describe('layoutGraph on a large (packed) graph', () => {
  const graph = generatedGraph(LARGE_GRAPH + 150);
  let layout: Layout;
  beforeAll(() => {
    layout = layoutGraph(graph);
  });

  it('places every claim without overlaps, inside the bounds', () => {
    expect(Object.keys(layout.positions)).toHaveLength(graph.nodes.length + indexGraph(graph).undercutTargets.size);
    expect(overlaps(boxesOf(layout, graph.nodes.map((n) => n.id)))).toEqual([]);
    expectInsideBounds(layout);
  });

  it('wraps its parts into rows instead of one endless band', () => {
    expect(layout.bounds.width).toBeLessThan(layout.bounds.height * 8);
  });

  it('is deterministic', () => {
    expect(layoutGraph(generatedGraph(LARGE_GRAPH + 150))).toEqual(layout);
  });
});
