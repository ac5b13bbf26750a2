/** Compile: loaded pages become nodes, edges with stable ids, and page records. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { compileGraph, edgeId } from '../../src/graph/compile.ts';
import { compileSite, formatDiagnostic, type CompileCache, type CompileResult } from '../../src/graph/index.ts';
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
  let result: CompileResult;
  let graph: CompiledGraph;
  // Compiled once for the tests below, none of which depends on another having run.
  beforeAll(async () => {
    result = await compileSite({ contentRoot: 'tests/fixtures/valid', cwd: ROOT, layout: false });
    if (!result.ok) throw new Error(`the valid fixture does not compile:\n${result.diagnostics.map(formatDiagnostic).join('\n')}`);
    graph = result.graph;
  });

  it('compiles without errors or warnings', () => {
    expect(result.ok && result.graph.diagnostics).toEqual([]);
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

describe('compileSite on an edited copy of the valid fixture', () => {
  const copies: string[] = [];
  const copy = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'argmap-compile-'));
    cpSync(path.join(ROOT, 'tests/fixtures/valid'), dir, { recursive: true });
    copies.push(dir);
    return dir;
  };
  const edit = (dir: string, file: string, from: string, to: string) => {
    const text = readFileSync(path.join(dir, file), 'utf8');
    expect(text).toContain(from);
    writeFileSync(path.join(dir, file), text.replace(from, to));
  };
  afterEach(() => {
    for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('with a cache, gives after an edit exactly what a fresh compile gives, re-reading only the edited file', async () => {
    const dir = copy();
    const cache: CompileCache = new Map();
    const first = await compileSite({ contentRoot: dir, layout: false, cache });
    expect(first.ok).toBe(true);
    const kept = new Map([...cache].map(([file, entry]) => [file, entry.loaded]));
    expect([...kept.keys()].map((f) => path.basename(f)).sort()).toEqual(['actors.yaml', 'index.mdx', 'other.mdx', 'sources.yaml']);

    edit(dir, 'docs/other.mdx', 'text: Cooperation varies.', 'text: Cooperation varies a lot.');
    const second = await compileSite({ contentRoot: dir, layout: false, cache });
    const fresh = await compileSite({ contentRoot: dir, layout: false });
    expect(second).toEqual({ ...fresh, timings: expect.anything() });
    expect(second.ok && second.graph.nodes.find((n) => n.id === 'spectrum')?.text).toBe('Cooperation varies a lot.');
    for (const [file, loaded] of kept) {
      if (file.endsWith('other.mdx')) expect(cache.get(file)!.loaded).not.toBe(loaded);
      else expect(cache.get(file)!.loaded, file).toBe(loaded);
    }

    // A deleted page leaves the cache and the graph.
    rmSync(path.join(dir, 'docs/other.mdx'));
    const third = await compileSite({ contentRoot: dir, layout: false, cache });
    expect([...cache.keys()].some((f) => f.endsWith('other.mdx'))).toBe(false);
    expect(third.ok && third.graph.nodes.map((n) => n.id)).toEqual(['q', 'more-access', 'blind-spots']);
  });

  it('reports a page that cannot be read on its own, not as "unknown claim" wherever its claims are used', async () => {
    const dir = copy();
    // blind-spots is declared on the home page and supported, undercut and cited from the other page.
    edit(dir, 'docs/index.mdx', '  - id: blind-spots\n    kind: claim', '  - id: blind-spots\n    kind: claimm');
    const result = await compileSite({ contentRoot: dir, layout: false });
    expect(result.ok ? [] : result.diagnostics.map((d) => [d.code, d.claim, d.line])).toEqual([['schema-invalid_value', 'blind-spots', 14]]);
  });
});
