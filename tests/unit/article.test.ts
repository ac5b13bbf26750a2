/** The article passage by passage: claims placed in their paragraphs, and every word counted as someone's. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArticle, shortQuote } from '../../src/graph/article.ts';
import { compileSite } from '../../src/graph/index.ts';
import type { GraphNode } from '../../src/graph/types.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const node = (n: Partial<GraphNode> & Pick<GraphNode, 'id'>): GraphNode => ({
  kind: 'claim',
  text: n.id,
  label: n.id,
  page: '',
  origin: { file: 'docs/index.mdx', line: 1 },
  source: 'a',
  ...n,
});

const TEXT = `Police chief “slams” firms

He said the firms are causing a “growing number of blind spots”, according to an agency.

“We wouldn’t allow it,” he said.

Page furniture.`;

describe('readArticle', () => {
  const graph = {
    nodes: [
      node({ id: 'headline', quote: 'Police chief “slams” firms', voice: 'framing', by: 'writer' }),
      node({ id: 'blind', quote: 'the firms are causing a “growing number of blind spots”', voice: 'paraphrase', by: 'chief' }),
      node({ id: 'allow', quote: 'We wouldn’t allow it', voice: 'direct', by: 'chief' }),
      node({ id: 'arrangement', voice: 'framing', by: 'writer' }),
      node({ id: 'elsewhere', quote: 'We wouldn’t allow it', source: 'other' }),
    ],
    edges: [],
  };
  const reading = readArticle(TEXT, graph, 'a');

  it('splits paragraphs at blank lines and places each claim where its quote is', () => {
    expect(reading.paragraphs.map((p) => [p.number, p.claims.map((c) => c.id)])).toEqual([
      [1, ['headline']],
      [2, ['blind']],
      [3, ['allow']],
      [4, []],
    ]);
    const [, second] = reading.paragraphs;
    const [blind] = second.claims;
    expect(second.text.slice(blind.start, blind.end)).toBe('the firms are causing a "growing number of blind spots"');
  });

  it('lists the article claims no paragraph holds, and ignores claims from other sources', () => {
    expect(reading.unplaced).toEqual(['arrangement']);
  });

  it('counts every word once: a speaker’s own inside quotation marks, the writer’s around them', () => {
    const count = (kind: string, actor?: string) =>
      reading.words.find((w) => w.share.kind === kind && (!actor || ('actor' in w.share && w.share.actor === actor)))?.count ?? 0;
    expect(count('own', 'chief')).toBe(5 + 4); // "growing number of blind spots", "We wouldn't allow it"
    expect(count('reported', 'chief')).toBe(5); // "the firms are causing a"
    expect(count('framing')).toBe(4); // the headline, "slams" included: the writer chose to quote it
    expect(count('connecting')).toBe(2 + 4 + 2 + 2); // "He said", "according to an agency", "he said", "Page furniture"
    expect(reading.total).toBe(reading.words.reduce((sum, w) => sum + w.count, 0));
    expect(reading.words.map((w) => w.share.kind)).toEqual(['own', 'reported', 'framing', 'connecting']);
  });

  it('gives the same answer twice', () => {
    expect(readArticle(TEXT, graph, 'a')).toEqual(reading);
  });
});

describe('the site’s article', () => {
  it('places every article claim that has a quote, and counts every word of the article', async () => {
    const result = await compileSite({ contentRoot: 'content', cwd: ROOT, layout: false });
    if (!result.ok) throw new Error('the site’s content does not compile');
    const { graph } = result;
    const text = readFileSync(path.join(ROOT, 'content/sources/article.txt'), 'utf8');
    const reading = readArticle(text, graph, 'article');
    const withoutQuote = graph.nodes.filter((n) => n.source === 'article' && !n.quote).map((n) => n.id);
    expect(reading.unplaced.sort()).toEqual(withoutQuote.sort());
    expect(reading.total).toBe(text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)!.length);
    const own = new Set(reading.words.flatMap((w) => (w.share.kind === 'own' ? [w.share.actor] : [])));
    expect([...own].sort()).toEqual(['government', 'org', 'rowley']);
  });
});

describe('shortQuote', () => {
  it('keeps short quotes whole and cuts long ones at a word, with an ellipsis', () => {
    expect(shortQuote('  a b c ')).toBe('a b c');
    expect(shortQuote('one two three four', 3)).toBe('one two three …');
  });
});
