/**
 * The rules every importer shares (`createDraft().finish()`): what a file gives that the site would reject is
 * repaired, and each repair is reported with its category. Several of these cases were found by `fuzz.test.ts`.
 */
import { describe, expect, it } from 'vitest';
import { createDraft } from '../../src/graph/import/common.ts';
import type { ImportOptions } from '../../src/graph/import/types.ts';

const options: ImportOptions = {
  name: 'im',
  file: 'x',
  actors: [{ id: 'rowley', name: 'Mark Rowley' }],
  sources: [
    { id: 'article', kind: 'article' },
    { id: 'bill', kind: 'legislation', url: 'https://example.org/bill' },
    { id: 'speech', kind: 'speech' },
  ],
};
const finish = (build: (d: ReturnType<typeof createDraft>) => void) => {
  const draft = createDraft(options);
  build(draft);
  return draft.finish();
};

describe('ids', () => {
  it('keeps the ids a file gives when they are kebab-case and free, and makes the others', () => {
    const { claims, report } = finish((d) => {
      d.addClaim('1', { slug: 'First', text: 'A.', id: 'blind-spots' });
      d.addClaim('2', { slug: 'Second', text: 'B.', id: 'blind-spots' });
      d.addClaim('3', { slug: 'Third one', text: 'C.', id: 'Not Kebab' });
      d.addClaim('4', { slug: 'im blind spots', text: 'D.' });
    });
    expect(claims.map((c) => c.id)).toEqual(['blind-spots', 'im-second', 'im-third-one', 'im-im-blind-spots']);
    expect(report.skippedByCategory).toEqual({ 'ids given by the file': 2 });
  });
});

describe('fields that name the registries', () => {
  it('an unknown speaker or source goes to the note; a quote without its source too', () => {
    const { claims, report } = finish((d) => d.addClaim('1', { slug: 'a', text: 'A.', by: 'nobody', source: 'nowhere', quote: 'said so' }));
    expect(claims[0]).toEqual({ id: 'im-a', kind: 'claim', text: 'A.', note: 'Said by nobody. Source: nowhere. Quoted words: “said so”.' });
    expect(report.skippedByCategory).toEqual({ 'speakers not in content/actors.yaml': 1, 'sources not in content/sources.yaml': 1 });
  });

  it('a claim from the article without a voice keeps its source in the note (the site asks whose words they are)', () => {
    const { claims, report } = finish((d) => d.addClaim('1', { slug: 'a', text: 'A.', source: 'article', quote: 'q' }));
    expect(claims[0]).toEqual({ id: 'im-a', kind: 'claim', text: 'A.', note: 'Source: article. Quoted words: “q”.' });
    expect(report.skippedByCategory).toEqual({ 'article claims without a voice': 1 });
  });

  it('the writer’s framing that argues loses its voice and its frames, and then its article source', () => {
    const { claims, report } = finish((d) => {
      d.addClaim('f', { slug: 'f', text: 'F.', source: 'article', voice: 'framing' });
      d.addClaim('a', { slug: 'a', text: 'A.' });
      d.relate('attacks', 'f', 'a');
      d.frame('f', 'a');
    });
    expect(claims[0]).toEqual({ id: 'im-f', kind: 'claim', text: 'F.', note: 'Source: article.', attacks: ['im-a'] });
    expect(report.skippedByCategory).toEqual({ 'voices without a source': 1, 'frames from a claim that is not framing': 1, 'article claims without a voice': 1 });
  });
});

describe('kinds', () => {
  it('keeps a kind whose fields are there, and imports the others as claims', () => {
    const { claims, report } = finish((d) => {
      d.addClaim('e', { slug: 'e', text: 'E.', kind: 'evidence', by: 'rowley', source: 'speech', quote: 'q' });
      d.addClaim('e2', { slug: 'e2', text: 'E2.', kind: 'evidence', by: 'rowley' });
      d.addClaim('c', { slug: 'c', text: 'C.', kind: 'context', source: 'bill' });
      d.addClaim('c2', { slug: 'c2', text: 'C2.', kind: 'context', source: 'speech' });
      d.addClaim('s', { slug: 's', text: 'S.', kind: 'assumption', note: 'Why.' });
      d.addClaim('s2', { slug: 's2', text: 'S2.', kind: 'assumption' });
      d.addClaim('p', { slug: 'p', text: 'P.', kind: 'position', by: 'rowley' });
    });
    expect(claims.map((c) => c.kind)).toEqual(['evidence', 'claim', 'context', 'claim', 'assumption', 'claim', 'claim']);
    expect(report.skippedByCategory).toEqual({ 'kinds the claim does not meet': 4 });
  });

  it('a question that argues becomes a claim; a position cannot answer itself or argue for a ground', () => {
    const { claims, report } = finish((d) => {
      d.addClaim('q', { slug: 'q', text: 'Q?', kind: 'question' });
      d.addClaim('q2', { slug: 'q2', text: 'Q2?', kind: 'question' });
      d.addClaim('p', { slug: 'p', text: 'P.', by: 'rowley' });
      d.addClaim('e', { slug: 'e', text: 'E.', kind: 'evidence', by: 'rowley', source: 'speech', quote: 'q' });
      d.relate('supports', 'q2', 'p');
      d.answer('p', 'p');
      d.answer('p', 'q');
      d.relate('supports', 'p', 'e');
    });
    expect(claims.map((c) => [c.id, c.kind, c.answers, c.supports])).toEqual([
      ['im-q', 'question', undefined, undefined],
      ['im-q2', 'claim', undefined, ['im-p']],
      ['im-p', 'position', 'im-q', undefined],
      ['im-e', 'evidence', undefined, undefined],
    ]);
    expect(report.skippedByCategory).toEqual({ 'kinds the claim does not meet': 1, answers: 1, 'relations of a position to a ground': 1 });
  });
});
