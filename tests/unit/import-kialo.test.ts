import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importKialo } from '../../src/graph/import/kialo.ts';
import { ImportError, type ImportResult } from '../../src/graph/import/types.ts';
import { validationErrors } from './import-support.ts';

const TESTDATA = path.resolve(import.meta.dirname, '../fixtures/external/kialo');


/** The tree read straight from the lines: claims by path, and `kind:<path>-><parent path>` with links followed. */
function expected(text: string) {
  const rows = text.split('\n').slice(2).filter((l) => l.trim());
  const entries = rows.map((l) => /^((?:\d+\.)+) (?:(Pro|Con): )?(?:-> See ((?:\d+\.)+))?/.exec(l)!);
  const link = new Map(entries.filter((m) => m[3]).map((m) => [m[1], m[3]]));
  const resolve = (p: string): string => (link.has(p) ? resolve(link.get(p)!) : p);
  const parent = (p: string) => p.replace(/\d+\.$/, '');
  return {
    claims: ['Discussion Title', ...entries.filter((m) => !m[3]).map((m) => m[1])].sort(),
    relations: [...new Set(entries.filter((m) => m[2]).map((m) => `${m[2] === 'Pro' ? 'supports' : 'attacks'}:${resolve(m[1])}->${resolve(parent(m[1]))}`))].sort(),
  };
}

function importedRelations(result: ImportResult): string[] {
  const o = result.report.origins;
  return result.pages
    .flatMap((p) => p.claims)
    .flatMap((c) => (['supports', 'attacks'] as const).flatMap((kind) => (c[kind] ?? []).map((ref) => `${kind}:${o[c.id]}->${o[typeof ref === 'string' ? ref : ref.to]}`)))
    .sort();
}

describe('Kialo import of the external test set', () => {
  for (const file of ['should-hate-speech-be-illegal.txt', 'free-speech-on-the-internet.txt']) {
    it(`${file}: every claim and pro/con, links followed, and it validates`, async () => {
      const text = await readFile(path.join(TESTDATA, file), 'utf8');
      const result = importKialo(text, { name: 'kialo', file });
      const want = expected(text);
      expect(Object.values(result.report.origins).sort()).toEqual(want.claims);
      expect(importedRelations(result)).toEqual(want.relations);
      expect(result.report.skipped).toEqual([]);
      expect(await validationErrors(result, 'kialo')).toEqual([]);
    });
  }

  it('should-hate-speech-be-illegal: title is a question, thesis a claim, the `-> See` link reuses the linked claim', async () => {
    const text = await readFile(path.join(TESTDATA, 'should-hate-speech-be-illegal.txt'), 'utf8');
    const { pages, report } = importKialo(text, { name: 'hate', file: 'x.txt' });
    const claims = pages[0].claims;
    expect(pages[0].title).toBe('Should hate speech be illegal?');
    expect(claims[0]).toMatchObject({ id: 'hate-should-hate-speech-be-illegal', kind: 'question' });
    expect(claims[1]).toMatchObject({ id: 'hate-hate-speech-should-be-banned', kind: 'claim' });
    const idOf = (p: string) => Object.entries(report.origins).find(([, o]) => o === p)![0];
    const linked = claims.find((c) => c.id === idOf('1.2.2.'))!;
    expect(linked.supports).toContainEqual({ to: idOf('1.6.'), note: 'Kialo link: 1.6.4. -> See 1.2.2.' });
    expect(claims.some((c) => c.text.includes('\\('))).toBe(false);
  });

  it('a link to a claim that is not in the export is reported', () => {
    const { report } = importKialo('Discussion Title: T?\n\n1. Thesis.\n1.1. Pro: -> See 1.9.\n', { name: 'k', file: 'k.txt' });
    expect(report.skipped).toEqual([{ category: 'Kialo links to missing claims', what: '1.1. Pro: -> See 1.9.', why: 'the linked claim 1.9. is not in the export', position: '4:1' }]);
    expect(report.skippedByCategory).toEqual({ 'Kialo links to missing claims': 1 });
  });
});

describe('Kialo Markdown', () => {
  it('a Markdown link keeps its words in the text and its address in the note; escaped brackets stay text', () => {
    const text = 'Discussion Title: Is [the UK](https://example.org/uk_(country)) safe?\n\n1. Thesis with \\[not a link\\](x).\n1.1. Pro: Data moved [abroad](https://example.org/a?b=1) and ![a chart](https://example.org/c.png).\n';
    const { pages } = importKialo(text, { name: 'k', file: 'k.txt' });
    expect(pages[0].title).toBe('Is the UK safe?');
    expect(pages[0].claims.map((c) => [c.text, c.note])).toEqual([
      ['Is the UK safe?', 'The Kialo discussion title. Links: “the UK”: https://example.org/uk_(country).'],
      ['Thesis with [not a link](x).', undefined],
      ['Data moved abroad and a chart.', 'Links: “abroad”: https://example.org/a?b=1; “a chart”: https://example.org/c.png.'],
    ]);
  });

  it('no claim of the real exports shows Markdown link syntax, and every address is in a note', async () => {
    const text = await readFile(path.join(TESTDATA, 'free-speech-on-the-internet.txt'), 'utf8');
    const addresses = [...text.matchAll(/\]\((https?:[^)\s]+)\)/g)].map((m) => m[1].replace(/\\(.)/g, '$1'));
    expect(addresses.length).toBeGreaterThan(400);
    const claims = importKialo(text, { name: 'k', file: 'k.txt' }).pages[0].claims;
    expect(claims.filter((c) => /\]\(https?:/.test(c.text)).map((c) => c.text)).toEqual([]);
    const notes = claims.map((c) => c.note ?? '').join('\n');
    expect(addresses.filter((a) => !notes.includes(a))).toEqual([]);
  });
});

describe('malformed Kialo', () => {
  const message = (text: string) => {
    try {
      importKialo(text, { name: 'k', file: 'k.txt' });
    } catch (e) {
      if (e instanceof ImportError) return e.message;
      throw e;
    }
    return 'no error';
  };
  it('no title line', () => expect(message('1. Thesis\n')).toBe('k.txt:1:1: a Kialo export starts with `Discussion Title: …`'));
  it('a claim whose parent is missing', () =>
    expect(message('Discussion Title: T\n\n1. Thesis\n1.3.1. Pro: x\n')).toBe('k.txt:4:1: claim 1.3.1. responds to 1.3., which is not in the file above it'));
  it('a claim without stance', () => expect(message('Discussion Title: T\n\n1. Thesis\n1.1. x\n')).toBe('k.txt:4:6: expected `Pro:` or `Con:` after 1.1.'));
});
