/** The outline: the map as nested text, conclusions at the top, each claim in full exactly once. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileSite } from '../../src/graph/index.ts';
import { buildOutline, type OutlineItem } from '../../src/graph/outline.ts';
import { buildView, fullView, type MapView } from '../../src/graph/view.ts';
import { graphOf, type Spec } from './graph-support.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** A view of hand-written claims (laid out as the site would). */
function viewOf(specs: Spec[]): MapView {
  const graph = graphOf(specs);
  return buildView(graph, graph.nodes.map((n) => n.id), [], { layout: graph.layout });
}

/** Compact form: `id (relation)` for full items, `→id (relation)` for references, children indented. */
function render(items: OutlineItem[], depth = 0): string[] {
  return items.flatMap((item) => [
    `${'  '.repeat(depth)}${item.ref ? '→' : ''}${item.id}${item.relation ? ` (${item.relation})` : ''}`,
    ...render(item.children, depth + 1),
  ]);
}

const count = (items: OutlineItem[], id: string, ref: boolean): number =>
  items.reduce((n, item) => n + (item.id === id && item.ref === ref ? 1 : 0) + count(item.children, id, ref), 0);

describe('buildOutline', () => {
  it('lists every claim of the real map in full exactly once, and every relation once', async () => {
    const result = await compileSite({ contentRoot: 'content', cwd: ROOT });
    if (!result.ok) throw new Error('content does not compile');
    const view = fullView(result.graph);
    const outline = buildOutline(view);
    for (const node of view.nodes) expect(count(outline, node.id, false), node.id).toBe(1);
    const items = (list: OutlineItem[]): number => list.reduce((n, i) => n + 1 + items(i.children), 0);
    // One item per root, plus one per relation: every relation hangs one item (a claim or a reference) under another.
    expect(items(outline)).toBe(outline.length + view.edges.length);
  });

  it('follows the drawing: the valid fixture under its question, the undercut under the claim whose link it undercuts', async () => {
    const result = await compileSite({ contentRoot: 'tests/fixtures/valid', cwd: ROOT });
    if (!result.ok) throw new Error('valid fixture does not compile');
    const outline = buildOutline(fullView(result.graph));
    expect(render(outline)).toEqual([
      'q',
      '  more-access (answers)',
      '    blind-spots (supports)',
      '      speech-date (undercuts its support)',
      '      spectrum (supports)',
      '    →target-suspects (attacks)',
      '  target-suspects (answers)',
    ]);
    const undercut = outline[0].children[0].children[0].children[0];
    expect(undercut).toEqual({ id: 'speech-date', relation: 'undercuts its support', relationKind: 'undercuts', ref: false, children: [] });
  });

  it('shows a claim with two parents once in full and once as a reference', () => {
    const outline = buildOutline(
      viewOf([
        { id: 'a' },
        { id: 'b' },
        { id: 'shared', supports: ['a', 'b'] },
        { id: 'reason', supports: ['shared'] },
      ]),
    );
    expect(render(outline)).toEqual(['a', '  shared (supports)', '    reason (supports)', 'b', '  →shared (supports)']);
    expect(count(outline, 'shared', false)).toBe(1);
    expect(count(outline, 'shared', true)).toBe(1);
    // The reference carries no subtree: its reasons are shown once, under the full item.
    expect(count(outline, 'reason', false) + count(outline, 'reason', true)).toBe(1);
  });

  it('nests an undercut under the link it attacks, not under either claim elsewhere', () => {
    const outline = buildOutline(
      viewOf([
        { id: 'conclusion' },
        { id: 'reason', supports: ['conclusion'] },
        { id: 'rebuttal', attacks: ['conclusion'] },
        { id: 'doubt', undercuts: [{ from: 'reason', to: 'conclusion' }] },
        { id: 'quibble', undercuts: [{ from: 'rebuttal', to: 'conclusion' }] },
      ]),
    );
    expect(render(outline)).toEqual([
      'conclusion',
      '  reason (supports)',
      '    doubt (undercuts its support)',
      '  rebuttal (attacks)',
      '    quibble (undercuts its attack)',
    ]);
    const rebuttal = outline[0].children[1];
    expect(rebuttal.children[0]).toMatchObject({ id: 'quibble', relationKind: 'undercuts', ref: false });
  });

  it('puts questions first among roots and orders children answers, supports, attacks', () => {
    const outline = buildOutline(
      viewOf([
        { id: 'loose' },
        { id: 'q', kind: 'question' },
        { id: 'against', attacks: ['p'] },
        { id: 'p', kind: 'position', answers: 'q' },
        { id: 'for', supports: ['p'] },
      ]),
    );
    expect(render(outline)).toEqual(['q', '  p (answers)', '    for (supports)', '    against (attacks)', 'loose']);
  });

  it('still lists claims that only sit on a cycle of attacks', () => {
    const outline = buildOutline(viewOf([{ id: 'a', attacks: ['b'] }, { id: 'b', attacks: ['a'] }]));
    expect(render(outline)).toEqual(['b', '  a (attacks)', '    →b (attacks)']);
  });
});
