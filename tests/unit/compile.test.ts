/** Compile: loaded pages become nodes, edges with stable ids, and page records. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileGraph, edgeId } from '../../src/graph/compile.ts';
import { compileSite } from '../../src/graph/index.ts';
import type { LoadedClaim, LoadedPage } from '../../src/graph/load.ts';
import type { CompiledGraph } from '../../src/graph/types.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

const claim = (c: Partial<LoadedClaim> & Pick<LoadedClaim, 'id'>): LoadedClaim => ({
  kind: 'claim',
  text: `Text of ${c.id}.`,
  supports: [],
  attacks: [],
  undercuts: [],
  frames: [],
  file: 'docs/x.mdx',
  line: 1,
  lines: {},
  ...c,
});
const pageOf = (slug: string, claims: LoadedClaim[], focus: string[] = []): LoadedPage => ({
  file: `docs/${slug || 'index'}.mdx`,
  slug,
  title: slug || 'Home',
  claims,
  focus: focus.map((id) => ({ id, line: 1 })),
});

describe('edgeId', () => {
  it('is kind:from->to', () => {
    expect(edgeId('supports', 'a', 'b')).toBe('supports:a->b');
    expect(edgeId('answers', 'p', 'q')).toBe('answers:p->q');
  });
});

describe('the valid fixture', () => {
  let graph: CompiledGraph;
  it('compiles', async () => {
    const result = await compileSite({ contentRoot: 'tests/fixtures/valid', cwd: ROOT, layout: false });
    expect(result.ok).toBe(true);
    if (result.ok) graph = result.graph;
  });

  it('has one node per claim, in declaration order, with page and origin', () => {
    expect(graph.nodes.map((n) => [n.id, n.kind, n.page, n.origin.line])).toEqual([
      ['q', 'question', '', 5],
      ['more-access', 'position', '', 8],
      ['blind-spots', 'claim', '', 13],
      ['target-suspects', 'position', 'other', 5],
      ['spectrum', 'evidence', 'other', 11],
      ['speech-date', 'context', 'other', 19],
    ]);
    expect(graph.nodes[0].origin.file).toBe('tests/fixtures/valid/docs/index.mdx');
    // No label: the map shows the text. Absent optional fields stay absent.
    expect(graph.nodes[0]).toEqual({ id: 'q', kind: 'question', text: 'Should police get more access?', label: 'Should police get more access?', page: '', origin: { file: 'tests/fixtures/valid/docs/index.mdx', line: 5 } });
    expect(graph.nodes[4]).toMatchObject({ by: 'rowley', source: 'article', quote: 'ranging from some who are very cooperative' });
  });

  it('has every relation as an edge with a stable id; undercuts point at the edge they attack', () => {
    expect(graph.edges).toEqual([
      { id: 'answers:more-access->q', kind: 'answers', from: 'more-access', to: 'q' },
      { id: 'supports:blind-spots->more-access', kind: 'supports', from: 'blind-spots', to: 'more-access' },
      { id: 'answers:target-suspects->q', kind: 'answers', from: 'target-suspects', to: 'q' },
      { id: 'attacks:target-suspects->more-access', kind: 'attacks', from: 'target-suspects', to: 'more-access' },
      { id: 'supports:spectrum->blind-spots', kind: 'supports', from: 'spectrum', to: 'blind-spots' },
      {
        id: 'undercuts:speech-date->(supports:blind-spots->more-access)',
        kind: 'undercuts',
        from: 'speech-date',
        to: 'supports:blind-spots->more-access',
        note: 'A test undercut.',
      },
    ]);
    const ids = graph.edges.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    const undercut = graph.edges.find((e) => e.kind === 'undercuts')!;
    expect(ids).toContain(undercut.to);
  });

  it('records pages with declared claims and focus (frontmatter, then <Claim> citations)', () => {
    expect(graph.pages).toEqual([
      { slug: '', title: 'Overview', file: 'tests/fixtures/valid/docs/index.mdx', declared: ['q', 'more-access', 'blind-spots'], focus: ['q', 'more-access', 'blind-spots'] },
      {
        slug: 'other',
        title: 'Other',
        file: 'tests/fixtures/valid/docs/other.mdx',
        declared: ['target-suspects', 'spectrum', 'speech-date'],
        focus: ['target-suspects', 'spectrum', 'speech-date', 'more-access', 'q'],
      },
    ]);
  });

  it('keys actors and sources by id', () => {
    expect(Object.keys(graph.actors)).toEqual(['rowley', 'org']);
    expect(Object.keys(graph.sources)).toEqual(['article', 'drum']);
    expect(graph.sources.drum.url).toMatch(/^https:/);
  });
});

describe('compileGraph', () => {
  const pages = [
    pageOf('', [
      claim({ id: 'a', label: 'A', undercuts: [{ from: 'b', to: 'c' }, { from: 'd', to: 'c', note: 'no' }] }),
      claim({ id: 'c' }),
    ]),
    pageOf('later', [
      claim({ id: 'b', supports: [{ to: 'c', note: 'because' }] }),
      claim({ id: 'd', attacks: ['c'] }),
    ], ['a', 'b', 'a']),
  ];
  const graph = compileGraph(pages, [], []);

  it('uses the label when given', () => {
    expect(graph.nodes.find((n) => n.id === 'a')).toMatchObject({ label: 'A', text: 'Text of a.' });
  });

  it('keeps notes on relations written as { to, note }', () => {
    expect(graph.edges.find((e) => e.id === 'supports:b->c')).toEqual({ id: 'supports:b->c', kind: 'supports', from: 'b', to: 'c', note: 'because' });
    expect(graph.edges.find((e) => e.id === 'attacks:d->c')).not.toHaveProperty('note');
  });

  it('resolves undercuts of relations declared on later pages, of supports and of attacks', () => {
    expect(graph.edges.filter((e) => e.kind === 'undercuts')).toEqual([
      { id: 'undercuts:a->(supports:b->c)', kind: 'undercuts', from: 'a', to: 'supports:b->c' },
      { id: 'undercuts:a->(attacks:d->c)', kind: 'undercuts', from: 'a', to: 'attacks:d->c', note: 'no' },
    ]);
    // Undercuts come after every claim-to-claim relation.
    expect(graph.edges.map((e) => e.kind)).toEqual(['supports', 'attacks', 'undercuts', 'undercuts']);
  });

  it('lists focus ids once, declared claims first', () => {
    expect(graph.pages[1]).toMatchObject({ slug: 'later', declared: ['b', 'd'], focus: ['b', 'd', 'a'] });
  });
});
