import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importArgdown } from '../../src/graph/import/argdown.ts';
import { ImportError, type ImportResult } from '../../src/graph/import/types.ts';
import { validationErrors } from './import-support.ts';

const TESTDATA = path.resolve(import.meta.dirname, '../fixtures/external/argdown');

/** Compile the imported pages alone (no actors, no sources) and return the errors, formatted. */

/** Relations of an import as `kind:<origin>-><origin>` (undercuts: `undercuts:<by>|<from>-><to>`), sorted. */
function importedRelations(result: ImportResult): string[] {
  const o = result.report.origins;
  const out = new Set<string>();
  for (const c of result.pages.flatMap((p) => p.claims)) {
    for (const kind of ['supports', 'attacks'] as const) {
      for (const ref of c[kind] ?? []) out.add(`${kind}:${o[c.id]}->${o[typeof ref === 'string' ? ref : ref.to]}`);
    }
    for (const u of c.undercuts ?? []) out.add(`undercuts:${o[c.id]}|${o[u.from]}->${o[u.to]}`);
  }
  return [...out].sort();
}

interface JsonRelation {
  relationType: string;
  from: string;
  fromType: string;
  to: string;
  toType: string;
}
interface JsonArgument {
  pcs: { role: string; title: string }[];
}

/** The documented mapping, applied independently to Argdown's own JSON export of the same file. */
function expectedRelations(json: { relations: JsonRelation[]; arguments: Record<string, JsonArgument> }): string[] {
  const name = (type: string, title: string) => (type === 'argument' ? `<${title}>` : `[${title}]`);
  const plain: [string, string, string][] = [];
  const add = (kind: string, from: string, to: string) => plain.push([kind, from, to]);
  for (const r of json.relations) {
    const from = name(r.fromType, r.from);
    const to = name(r.toType, r.to);
    if (r.relationType === 'support' || r.relationType === 'entails') add('supports', from, to);
    if (r.relationType === 'attack') add('attacks', from, to);
    // Contrariety and contradiction are symmetric in Argdown.
    if (r.relationType === 'contrary' || r.relationType === 'contradictory') {
      add('attacks', from, to);
      add('attacks', to, from);
    }
  }
  for (const [title, a] of Object.entries(json.arguments)) {
    if (!a.pcs.length) continue;
    for (const p of a.pcs.filter((s) => s.role === 'premise')) add('supports', `[${p.title}]`, `<${title}>`);
    add('supports', `<${title}>`, `[${a.pcs[a.pcs.length - 1].title}]`);
  }
  const out = new Set(plain.map(([k, f, t]) => `${k}:${f}->${t}`));
  for (const r of json.relations.filter((r) => r.relationType === 'undercut')) {
    const by = name(r.fromType, r.from);
    if (r.toType === 'inference') {
      const pcs = json.arguments[r.to].pcs;
      out.add(`undercuts:${by}|<${r.to}>->[${pcs[pcs.length - 1].title}]`);
    } else {
      const target = name(r.toType, r.to);
      for (const [, f, t] of plain) if (f === target) out.add(`undercuts:${by}|${f}->${t}`);
    }
  }
  return [...out].sort();
}

describe('Argdown import of the external test set', async () => {
  const files = (await readdir(path.join(TESTDATA, 'src'))).filter((f) => f.endsWith('.argdown')).sort();

  it('has the seven files', () => expect(files).toHaveLength(7));

  for (const file of files) {
    it(`${file}: same statements, arguments and relations as Argdown's JSON export, and it validates`, async () => {
      const text = await readFile(path.join(TESTDATA, 'src', file), 'utf8');
      const json = JSON.parse(await readFile(path.join(TESTDATA, 'json-with-map', file.replace(/\.argdown$/, '.json')), 'utf8'));
      const result = importArgdown(text, { name: 'test', file });

      const expectedNodes = [...Object.keys(json.statements).map((t) => `[${t}]`), ...Object.keys(json.arguments).map((t) => `<${t}>`)].sort();
      expect(Object.values(result.report.origins).sort()).toEqual(expectedNodes);
      expect(importedRelations(result)).toEqual(expectedRelations(json));
      expect(await validationErrors(result, 'test')).toEqual([]);
    });
  }

  it('legalisation-softdrugs: the README counts after the mapping (19 relations incl. 2 undercuts)', async () => {
    const text = await readFile(path.join(TESTDATA, 'src', 'legalisation-softdrugs.argdown'), 'utf8');
    const { report } = importArgdown(text, { name: 'soft', file: 'x' });
    expect(report.claimsByKind).toEqual({ claim: 18 });
    expect(report.relationsByKind).toEqual({ supports: 9, attacks: 8, undercuts: 2 });
  });
});

describe('Argdown import rules', () => {
  const run = (text: string) => importArgdown(text, { name: 'ad', file: 'in.argdown' });

  it('ids are the prefixed kebab-case titles, titles become labels, tags are reported', () => {
    const { pages, report } = run('[Big Claim]: Something is true. #pro\n  + <Good Reason>: Because of this.\n');
    expect(pages[0].claims.map((c) => [c.id, c.label, c.text])).toEqual([
      ['ad-big-claim', 'Big Claim', 'Something is true.'],
      ['ad-good-reason', 'Good Reason', 'Because of this.'],
    ]);
    expect(report.skipped.map((s) => s.what)).toEqual(['tags #pro']);
  });

  it('contradictory becomes attacks both ways; an attack one way', () => {
    const { pages } = run('[a]: A.\n  >< [b]: B.\n\n[c]: C.\n  - [d]: D.\n');
    const attacks = pages[0].claims.flatMap((c) => (c.attacks ?? []).map((t) => `${c.id}->${t}`));
    expect(attacks.sort()).toEqual(['ad-a->ad-b', 'ad-b->ad-a', 'ad-d->ad-c']);
  });

  it('honours `model: mode: strict`: an attack between statements is a contrariety (both ways), a support an entailment', () => {
    const body = '[c]: C.\n  - [d]: D.\n  + [e]: E.\n\n<A>: An argument.\n  - [c]\n';
    const attacks = (result: ImportResult) => result.pages[0].claims.flatMap((c) => (c.attacks ?? []).map((t) => `${c.id}->${t}`)).sort();
    const supports = (result: ImportResult) => result.pages[0].claims.flatMap((c) => (c.supports ?? []).map((t) => `${c.id}->${t}`)).sort();
    const loose = run(body);
    const strict = run(`===\nmodel:\n  mode: strict\n===\n\n${body}`);
    expect(attacks(loose)).toEqual(['ad-c->ad-a', 'ad-d->ad-c']);
    // Between statements d and c the attack is symmetric; c's attack on the argument stays one way.
    expect(attacks(strict)).toEqual(['ad-c->ad-a', 'ad-c->ad-d', 'ad-d->ad-c']);
    expect(supports(strict)).toEqual(supports(loose));
    expect(strict.report.skipped.filter((s) => s.category === 'front matter settings')).toEqual([]);
  });

  it('keeps link addresses, Argdown data and inference rules in notes, and reports tags, headings and front matter with counts', () => {
    const text = [
      '===',
      'title: Links and data',
      'author: Someone',
      'color: { colorScheme: x }',
      '===',
      '',
      '# Part one',
      '',
      '[a]: A claim about [the UK](https://example.org/uk). #pro #uk {credence: 0.8, reason: "because"}',
      '  + [b]: B.',
      '',
      '[a]: Another wording of A.',
      '',
      '<Arg>: Described.',
      '',
      '(1) [p]: P.',
      '(2) [q]: Q.',
      '-- Modus ponens {uses: [1, 2]} --',
      '(3) [r]: R.',
    ].join('\n');
    const { pages, report } = run(text);
    const claim = (label: string) => pages[0].claims.find((c) => c.label === label)!;
    expect(pages[0].title).toBe('Links and data');
    // Argdown's canonical wording is the last one; the others are kept in the note, with every link's address.
    expect(claim('a').text).toBe('Another wording of A.');
    expect(claim('a').note).toBe('Links: “the UK”: https://example.org/uk. Argdown data: credence: 0.8; reason: because. Also written as: “A claim about the UK.”.');
    expect(claim('Arg').supports).toEqual([{ to: claim('r').id, note: 'Inference: Modus ponens (uses: [1,2]).' }]);
    expect(report.skippedByCategory).toEqual({ tags: 2, headings: 1, 'front matter settings': 2 });
  });

  it('drops and reports the edge that closes a support cycle', () => {
    const result = run('[a]: A.\n  + [b]: B.\n    + [a]\n');
    const supports = result.pages[0].claims.flatMap((c) => (c.supports ?? []).map((t) => `${c.id}->${t}`));
    expect(supports).toHaveLength(1);
    expect(result.report.skipped.some((s) => /cycle/.test(s.why))).toBe(true);
  });

  it('an undercut of an argument with nothing to undercut is reported, not dropped silently', () => {
    const result = run('<a>: A.\n  <_ [u]: U.\n');
    expect(result.report.relationsByKind).toEqual({});
    expect(result.report.skipped.some((s) => s.what.startsWith('undercut'))).toBe(true);
  });

  it('a syntax error names the file, line and column', () => {
    const error = (() => {
      try {
        run('[a]: x\n\n  + [b]: y\n');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).message).toMatch(/^in\.argdown:3:1: Argdown syntax error/);
  });
});
