/** Layout: boxes that never overlap, lines routed from box to box, a width that is respected, the label wrapping. */
import { describe, expect, it } from 'vitest';
import { BOX_PADDING_X, LABEL_MAX_LINES, MAP_MAX_WIDTH, NODE_WIDTH, textWidth, wrapLabel } from '../../src/graph/drawing.ts';
import { layoutMap } from '../../src/graph/layout.ts';
import { STACK_LIMIT } from '../../src/graph/layout-plan.ts';
import type { Box, Layout, Point } from '../../src/graph/types.ts';
import { graphOf, type Spec } from './graph-support.ts';

const LINE = NODE_WIDTH - 2 * BOX_PADDING_X;

describe('wrapLabel', () => {
  it('keeps a short label on one line and wraps a long one at word boundaries', () => {
    expect(wrapLabel('Police lose sight of threats')).toEqual(['Police lose sight of threats']);
    const lines = wrapLabel('Social media companies are causing a growing number of intelligence blind spots for the police');
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.join(' ')).toBe('Social media companies are causing a growing number of intelligence blind spots for the police');
    for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(LINE);
  });

  it('measures text by its letters: a line of wide letters holds fewer of them', () => {
    expect(textWidth('WWWW')).toBeGreaterThan(textWidth('iiii') * 3);
    expect(wrapLabel('W'.repeat(40)).length).toBeGreaterThan(wrapLabel('i'.repeat(40)).length);
  });

  it('cuts a word longer than a line, and ends a label that runs over with an ellipsis that fits', () => {
    for (const line of wrapLabel('x'.repeat(80))) expect(textWidth(line)).toBeLessThanOrEqual(LINE);
    const lines = wrapLabel(Array.from({ length: 60 }, (_, i) => `word${i}`).join(' '));
    expect(lines).toHaveLength(LABEL_MAX_LINES);
    expect(lines.at(-1)!.endsWith('…')).toBe(true);
    expect(textWidth(lines.at(-1)!)).toBeLessThanOrEqual(LINE);
  });

  it('collapses whitespace and returns no lines for an empty label', () => {
    expect(wrapLabel('  a \n\t b  ')).toEqual(['a b']);
    expect(wrapLabel('   ')).toEqual([]);
  });
});

const rect = (b: Box) => ({ left: b.x - b.width / 2, right: b.x + b.width / 2, top: b.y - b.height / 2, bottom: b.y + b.height / 2 });
const overlap = (a: Box, b: Box) => {
  const p = rect(a);
  const q = rect(b);
  return p.left < q.right && q.left < p.right && p.top < q.bottom && q.top < p.bottom;
};
const onBorder = (p: Point, b: Box) => {
  const r = rect(b);
  const inX = p.x >= r.left - 0.5 && p.x <= r.right + 0.5;
  const inY = p.y >= r.top - 0.5 && p.y <= r.bottom + 0.5;
  return (inX && (Math.abs(p.y - r.top) < 0.6 || Math.abs(p.y - r.bottom) < 0.6)) || (inY && (Math.abs(p.x - r.left) < 0.6 || Math.abs(p.x - r.right) < 0.6));
};

function checkLayout(specs: Spec[], width = MAP_MAX_WIDTH): Layout {
  const graph = graphOf(specs);
  const layout = layoutMap(graph.nodes, graph.edges, { maxWidth: width });
  const boxes = Object.entries(layout.boxes);
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlap(boxes[i][1], boxes[j][1]), `${boxes[i][0]} / ${boxes[j][0]}`).toBe(false);
  for (const [, b] of boxes) {
    const r = rect(b);
    expect(r.left).toBeGreaterThanOrEqual(0);
    expect(r.top).toBeGreaterThanOrEqual(0);
    expect(r.right).toBeLessThanOrEqual(layout.bounds.width);
    expect(r.bottom).toBeLessThanOrEqual(layout.bounds.height);
  }
  for (const e of graph.edges) {
    const points = layout.routes[e.id];
    expect(points, e.id).toBeDefined();
    // Right angles only, integer coordinates.
    for (let i = 1; i < points.length; i++) expect(points[i].x === points[i - 1].x || points[i].y === points[i - 1].y, e.id).toBe(true);
    for (const p of points) expect(Number.isInteger(p.x) && Number.isInteger(p.y)).toBe(true);
    // From the box it is drawn from, to the box of its target (or to the diamond on the link it undercuts).
    const from = layout.boxes[layout.drawnFrom[e.id] ?? e.from];
    expect(onBorder(points[0], from), `${e.id} starts on its source`).toBe(true);
    if (e.kind === 'undercuts') expect(points.at(-1)!.y).toBe(layout.anchors[e.id].y);
    else expect(onBorder(points.at(-1)!, layout.boxes[layout.drawnTo[e.id] ?? e.to]), `${e.id} ends on its target`).toBe(true);
  }
  return layout;
}

describe('layoutMap', () => {
  it('draws conclusions above their reasons', () => {
    const layout = checkLayout([{ id: 'c' }, { id: 'r1', supports: ['c'] }, { id: 'r2', supports: ['c'] }, { id: 'e', supports: ['r1'] }]);
    expect(layout.boxes.c.y).toBeLessThan(layout.boxes.r1.y);
    expect(layout.boxes.r1.y).toBeLessThan(layout.boxes.e.y);
    expect(layout.boxes.r1.y).toBe(layout.boxes.r2.y);
  });

  it('gives every relation a line and every extra relation a reference chip', () => {
    const layout = checkLayout([
      { id: 'q', kind: 'question' },
      { id: 'p', kind: 'position', answers: 'q', attacks: ['r'] },
      { id: 'r', kind: 'position', answers: 'q', attacks: ['p'] },
      { id: 'fact', supports: ['p', 'r'] },
      { id: 'doubt', undercuts: [{ from: 'fact', to: 'r' }] },
    ]);
    expect(Object.values(layout.refs).sort()).toEqual(['fact', 'p', 'r']);
    expect(Object.keys(layout.anchors)).toEqual(['undercuts:doubt->(supports:fact->r)']);
  });

  it('keeps within the width it is given, growing downward instead', () => {
    const specs: Spec[] = [{ id: 'top' }, ...Array.from({ length: 14 }, (_, i) => ({ id: `r${i}`, supports: ['top'] }))];
    const wide = checkLayout(specs, 2400);
    const narrow = checkLayout(specs, 700);
    expect(narrow.bounds.width).toBeLessThanOrEqual(700);
    expect(narrow.bounds.height).toBeGreaterThan(wide.bounds.height);
  });

  it('splits many reasons into bands, each headed by a “continued” reference, so no line climbs far', () => {
    const specs: Spec[] = [{ id: 'top' }, ...Array.from({ length: 60 }, (_, i) => ({ id: `r${i}`, supports: ['top'], ...(i % 3 === 0 ? { label: 'a reason long enough to need three lines of label in its box' } : {}) }))];
    const layout = checkLayout(specs, 700);
    const heads = new Set(Object.values(layout.drawnTo));
    expect(heads.size).toBeGreaterThan(1);
    for (const head of heads) expect(layout.refs[head]).toBe('top');
    const climb = (points: Point[]) => Math.max(...points.map((p) => p.y)) - Math.min(...points.map((p) => p.y));
    for (const points of Object.values(layout.routes)) expect(climb(points)).toBeLessThan(STACK_LIMIT + 200);
  });

  it('is deterministic', () => {
    const specs: Spec[] = [{ id: 'a' }, { id: 'b', supports: ['a'] }, { id: 'c', attacks: ['a'] }, { id: 'd', undercuts: [{ from: 'b', to: 'a' }] }];
    const g = graphOf(specs);
    expect(JSON.stringify(layoutMap(g.nodes, g.edges))).toBe(JSON.stringify(layoutMap(structuredClone(g.nodes), structuredClone(g.edges))));
  });

  it('draws a large map asked for twice the same, and hands each caller a drawing of its own (layouts are remembered)', () => {
    // 300 claims in a fan of chains: large enough to be remembered.
    const specs: Spec[] = Array.from({ length: 300 }, (_, i) => ({ id: `c${i}`, supports: i > 0 ? [`c${Math.floor((i - 1) / 3)}`] : [] }));
    const g = graphOf(specs);
    const first = layoutMap(g.nodes, g.edges);
    const again = layoutMap(g.nodes, g.edges, { focus: g.nodes.map((n) => n.id) });
    expect(again).toEqual(first);
    first.boxes.c1.x += 1000;
    first.routes[g.edges[0].id].length = 0;
    expect(layoutMap(g.nodes, g.edges)).toEqual(again);
    // Anything that changes the drawing is a different map: here a claim drawn small.
    expect(layoutMap(g.nodes, g.edges, { compact: new Set(['c5']) }).boxes.c5.width).toBeLessThan(again.boxes.c5.width);
  });

  it('draws claims from other pages small when asked', () => {
    const g = graphOf([{ id: 'mine' }, { id: 'theirs', supports: ['mine'] }]);
    const layout = layoutMap(g.nodes, g.edges, { compact: new Set(['theirs']) });
    expect(layout.boxes.theirs.width).toBeLessThan(layout.boxes.mine.width);
  });

  it('lays out a 10,000-step chain without a stack overflow', () => {
    const specs: Spec[] = Array.from({ length: 10_000 }, (_, i) => ({ id: `c${i}`, supports: i > 0 ? [`c${i - 1}`] : [] }));
    const g = graphOf(specs);
    const layout = layoutMap(g.nodes, g.edges);
    expect(Object.keys(layout.boxes)).toHaveLength(10_000);
    expect(layout.bounds.width).toBeLessThanOrEqual(MAP_MAX_WIDTH);
  });
});
