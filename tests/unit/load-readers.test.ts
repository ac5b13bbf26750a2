/**
 * The content loader reads YAML the fast way (js-yaml's events) and falls back to `yaml` for anything that is not
 * a valid page, for its diagnostics (see `Read` in load.ts). Both ways must give the same pages, lines and
 * diagnostics: on every content file of the site and of the fixtures, on pages the importers write, and on
 * frontmatter built from YAML's awkward corners (fast-check, seeded).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ImportError, importAs, renderPage } from '../../src/graph/import/index.ts';
import { loadActors, loadPage, loadSources } from '../../src/graph/load.ts';
import { generateDebate, writeContentRoot } from '../../scripts/bench/generate.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SEED = Number(process.env.FUZZ_SEED ?? 20151015);
const runs = (n: number) => Math.round(n * Number(process.env.FUZZ_RUNS ?? 1));

const files = (dir: string, test: (name: string) => boolean): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();

const samePage = (text: string, name = 'docs/p.mdx') => {
  const fast = loadPage({ file: name, text }, path.basename(name));
  const slow = loadPage({ file: name, text }, path.basename(name), { fast: false });
  expect(fast, name).toEqual(slow);
  return fast;
};
const sameRegistry = (text: string, name = 'r.yaml') => {
  for (const load of [loadActors, loadSources]) expect(load({ file: name, text }), name).toEqual(load({ file: name, text }, { fast: false }));
};

describe('both YAML readers give the same result', () => {
  it('on every page and registry of the site and of the test fixtures', () => {
    const roots = [path.join(ROOT, 'content'), path.join(ROOT, 'tests/fixtures')];
    const pages = roots.flatMap((r) => files(r, (n) => /\.mdx?$/.test(n)));
    const registries = roots.flatMap((r) => files(r, (n) => /^(actors|sources)\.yaml$/.test(n)));
    expect(pages.length).toBeGreaterThan(40);
    expect(registries.length).toBeGreaterThan(6);
    let valid = 0;
    for (const file of pages) if (samePage(readFileSync(file, 'utf8'), path.relative(ROOT, file)).value) valid++;
    for (const file of registries) sameRegistry(readFileSync(file, 'utf8'), path.relative(ROOT, file));
    // Most pages are valid, so the fast reader is what was compared (invalid ones go to `yaml` either way).
    expect(valid).toBeGreaterThan(pages.length / 2);
  });

  it('on pages written by the importers and by the benchmark', async () => {
    const real = path.join(ROOT, 'tests/fixtures/real/argdown');
    for (const file of files(real, (n) => n.endsWith('.argdown'))) {
      let pages: ReturnType<typeof importAs>['pages'] = [];
      try {
        ({ pages } = importAs('argdown', readFileSync(file, 'utf8'), { name: 'real', file, actors: [], sources: [] }));
      } catch (error) {
        if (!(error instanceof ImportError)) throw error; // The corpus holds files the importer refuses.
      }
      for (const page of pages) expect(samePage(renderPage(page)).value).not.toBeNull();
    }
    const dir = path.join(ROOT, 'node_modules/.cache/load-readers-test');
    await writeContentRoot(generateDebate(60), dir);
    for (const file of files(path.join(dir, 'docs'), (n) => n.endsWith('.mdx'))) expect(samePage(readFileSync(file, 'utf8')).value).not.toBeNull();
  });

  // Scalars where YAML 1.2 readers are known to differ, or where a loose reader might.
  const scalar = fc.constantFrom(
    'a', 'b', 'claim', 'x y', 'é', '“q”', '0x10', '0o17', '017', '1_000', '+1', '-.5', '.inf', '-.Inf', '.NaN', '1e3', '1.', 'yes', 'No', 'on', 'TRUE',
    'false', '~', 'null', 'Null', '', '2015-10-05', '2015-10-05T10:00:00Z', "'quoted'", "'it''s'", '"dq \\u00e9 \\n"', '"a\\tb"', 'a #not', 'a: b', '- x',
    '[a, b]', '{to: a}', '{ to: a, note: n }', '&x a', '*x', '!!str 1', '! a', '|\n      block\n', '>-\n      folded\n', '? k', '@a', '`a`', '%a', 'a\\', '#c',
  );
  const key = fc.constantFrom('id', 'kind', 'text', 'label', 'supports', 'attacks', 'undercuts', 'frames', 'answers', 'note', 'by', 'source', 'quote', 'voice', 'who', '"id"', "'kind'");
  const listItem = fc.oneof(scalar, fc.constantFrom('a', 'b-c', '{ to: a, note: why }', '{from: a, to: b}', 'from: a\n        to: b'));
  const value = fc.oneof(
    { weight: 3, arbitrary: scalar },
    { weight: 1, arbitrary: fc.array(listItem, { maxLength: 3 }).map((items) => `[${items.join(', ')}]`) },
    { weight: 2, arbitrary: fc.array(listItem, { minLength: 1, maxLength: 3 }).map((items) => items.map((i) => `\n      - ${i}`).join('')) },
  );
  const awkwardClaim = fc
    .tuple(fc.constantFrom('a', 'b', 'c-d', 'A b', ''), fc.constantFrom('claim', 'question', 'evidence', 'nope'), fc.array(fc.tuple(key, value), { maxLength: 4 }), fc.constantFrom('', '    # comment\n', '\n'))
    .map(([id, kind, fields, extra]) => `  - id: ${id}\n    kind: ${kind}\n    text: Words.\n${extra}${fields.map(([k, v]) => `    ${k}: ${v}\n`).join('')}`);
  // Valid claims written in every style YAML allows: quoting, block and folded text, flow and block lists, comments.
  const text = fc.constantFrom(
    'Words.', '"Quoted: yes."', "'Single, it''s.'", '|\n      Block text\n      on two lines.\n', '>-\n      Folded\n      text.\n', 'yes', 'on', '2015-10-05', '1_000', '0b101',
    'x #comment', '"Multi\n      line."', 'Plain\n      continued.', 'é “q” 😀', '"\\u00e9\\t"', "'#not a comment'", 'a - b', 'a: b',
  );
  const id = fc.constantFrom('a', 'b-c', '"a"', "'d'");
  const ref = fc.oneof(id, fc.constantFrom('{ to: a, note: why }', '{to: b-c}', '{ to: a, note: "x, y" }'));
  const list = fc.oneof(
    fc.array(ref, { maxLength: 3 }).map((items) => `[${items.join(', ')}]`),
    fc.array(fc.tuple(ref, fc.constantFrom('', ' # c')), { minLength: 1, maxLength: 3 }).map((items) => items.map(([i, c]) => `\n      - ${i}${c}`).join('')),
    fc.array(fc.constantFrom('to: a', 'to: b-c\n        note: Why.'), { minLength: 1, maxLength: 2 }).map((items) => items.map((i) => `\n      - ${i}`).join('')),
  );
  const field = fc.oneof(
    fc.tuple(fc.constantFrom('label', 'note', 'quote'), text),
    fc.tuple(fc.constantFrom('supports', 'attacks', 'frames', '"supports"'), list),
    fc.tuple(fc.constantFrom('undercuts'), fc.constantFrom('[{ from: a, to: b-c }]', '\n      - from: a\n        to: b-c\n        note: N.', '[]')),
    fc.tuple(fc.constantFrom('answers', 'by', 'source'), id),
  );
  const validClaim = fc
    .tuple(id, fc.constantFrom('claim', 'question', 'evidence', 'position', 'assumption'), text, fc.uniqueArray(field, { maxLength: 4, selector: ([k]) => k.replaceAll('"', '') }), fc.constantFrom('', '    # comment\n', '\n', '\n\n'), fc.boolean())
    .map(([i, kind, t, fields, extra, idLast]) => {
      const lines = [`kind: ${kind}`, `text: ${t}`, ...fields.map(([k, v]) => `${k}: ${v}`)];
      if (idLast) lines.push(`id: ${i}`);
      else lines.unshift(`id: ${i}`);
      return `  - ${lines.join('\n    ')}\n${extra}`;
    });
  const claim = fc.oneof({ weight: 1, arbitrary: awkwardClaim }, { weight: 3, arbitrary: validClaim });
  const frontmatter = fc
    .tuple(fc.array(claim, { maxLength: 3 }), fc.constantFrom('', 'focus: [a]\n', 'focus:\n  - a\n  - b\n', 'focus: a\n', 'map: true\n', 'title: "T"\n'), fc.boolean())
    .map(([claims, rest, crlf]) => {
      const text = `---\ntitle: T\nclaims:\n${claims.join('')}${rest}---\n\nBody <Claim id="a" />.\n`;
      return crlf ? text.replaceAll('\n', '\r\n') : text;
    });
  it('on frontmatter built from YAML’s awkward corners', () => {
    let valid = 0;
    fc.assert(
      fc.property(frontmatter, (text) => {
        if (samePage(text).value) valid++;
      }),
      { seed: SEED, numRuns: runs(1500) },
    );
    expect(valid).toBeGreaterThan(300);
  });

  it('on registries built the same way', () => {
    const entry = fc
      .tuple(fc.constantFrom('a', 'b', 'a', 'B c'), fc.array(fc.tuple(fc.constantFrom('name', 'role', 'description', 'title', 'publisher', 'kind', 'url', 'date', 'extra'), scalar), { maxLength: 5 }))
      .map(([id, fields]) => `- id: ${id}\n${fields.map(([k, v]) => `  ${k}: ${v}\n`).join('')}`);
    const registry = fc.oneof(
      fc.array(entry, { maxLength: 4 }).map((e) => e.join('')),
      fc.constantFrom('- id: a\n  name: N\n  role: R\n  description: D\n- id: b\n  name: M\n  role: R\n  description: D\n', '- id: s\n  title: T\n  publisher: P\n  kind: news\n  url: https://x.org/\n  date: 2015\n'),
    );
    fc.assert(fc.property(registry, (text) => sameRegistry(text)), { seed: SEED, numRuns: runs(800) });
  });
});
