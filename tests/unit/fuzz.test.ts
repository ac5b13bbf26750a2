/**
 * Property-based fuzzing (fast-check, seeded, so every run tries the same inputs): whatever text the importers and the
 * content loader are given, they end in a result or a diagnostic (`ImportError`, `Diagnostic`), never in an exception;
 * what an importer returns validates as a site; and `npm run import` writes nothing when it fails. Inputs are built
 * from each format's own tokens, so they reach past the first syntax check, mixed with arbitrary Unicode.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../scripts/lib/import-command.ts';
import { decodeText } from '../../src/graph/decode.ts';
import { compileSite } from '../../src/graph/index.ts';
import { importAif } from '../../src/graph/import/aif.ts';
import { importArgdown } from '../../src/graph/import/argdown.ts';
import { importKialo } from '../../src/graph/import/kialo.ts';
import { ImportError, type ImportOptions, type ImportResult } from '../../src/graph/import/types.ts';
import { pageFile, renderPage } from '../../src/graph/import/write.ts';
import { loadActors, loadPage, loadSources } from '../../src/graph/load.ts';

// Same inputs on every run; FUZZ_SEED and FUZZ_RUNS (a multiplier) explore further by hand.
const SEED = Number(process.env.FUZZ_SEED ?? 20151015);
const runs = (n: number) => Math.round(n * Number(process.env.FUZZ_RUNS ?? 1));
const options: ImportOptions = { name: 'fz', file: 'fuzz.txt', actors: [{ id: 'rowley', name: 'Mark Rowley' }], sources: [{ id: 'article', kind: 'article' }] };

/** Text made of `tokens` (joined as drawn) and now and then arbitrary Unicode. */
const textOf = (tokens: string[], maxLength = 40) =>
  fc.array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...tokens) }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) }), { maxLength }).map((parts) => parts.join(''));

const words = ['a', 'b', 'Claim', 'why', 'x y', 'é', '“q”', '😀', '1.5', 'kind', 'question', 'by', 'rowley', 'source', 'article'];
const ARGDOWN_TOKENS = textOf([...words, '[', ']', '<', '>', ': ', '\n', '\n\n', '  ', '    ', '+ ', '- ', '+> ', '-> ', '<+ ', '<- ', '_> ', '<_ ', '>< ', '(1) ', '(2) ', '----\n', '--\n', '-- x --\n', '{', '}', '{kind: question}', '{by: rowley}', '{answers: a}', '{frames: [b]}', '{voice: framing, source: article}', '#', '# H\n', '@[a]', '[l](http://x.org)', '===\n', 'model:\n  mode: strict\n', 'claimIds: true\n', 'title: T\n', '\\', '*', '_', '//', '/*', '*/', '\r\n']);
/** Argdown's shape: statements and arguments with relations beneath them, reconstructed arguments, data, front matter. */
const title = fc.constantFrom('a', 'b', 'c', 'd', 'Long title', 'é');
const ref = fc.tuple(fc.boolean(), title).map(([arg, t]) => (arg ? `<${t}>` : `[${t}]`));
const data = fc.constantFrom('', '', ' {kind: question}', ' {by: rowley}', ' {answers: a}', ' {frames: [b], voice: framing, source: article}', ' {credence: 0.5}', ' {notes: {"supports b": "why"}}', ' {kind: evidence, by: rowley, source: article, quote: q}');
const relationLine = fc.tuple(fc.constantFrom('  ', '    '), fc.constantFrom('+ ', '- ', '+> ', '-> ', '<+ ', '<- ', '_> ', '<_ ', '>< '), ref, fc.constantFrom('', ': A reason.', ': [w](https://x.org).')).map((p) => p.join(''));
const block = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(ref, fc.constantFrom(': Some text.', ': Other #tag text.', ''), data, fc.array(relationLine, { maxLength: 4 })).map(([r, t, d, rels]) => [`${r}${t}${t ? d : ''}`, ...rels].join('\n')) },
  { weight: 1, arbitrary: fc.tuple(title, title, title, fc.constantFrom('----', '-- Modus ponens {uses: [1]} --')).map(([a, p, c, bar]) => `<${a}>\n\n(1) [${p}]: P.\n${bar}\n(2) [${c}]: C.`) },
  { weight: 1, arbitrary: fc.constantFrom('# Heading', '===\nmodel:\n  mode: strict\n===', '===\nclaimIds: true\n===', '// a comment') },
);
const ARGDOWN_BLOCKS = fc.array(block, { minLength: 1, maxLength: 6 }).map((blocks) => `${blocks.join('\n\n')}\n`);
const ARGDOWN = fc.oneof({ weight: 3, arbitrary: ARGDOWN_BLOCKS }, { weight: 1, arbitrary: ARGDOWN_TOKENS });
const KIALO_TOKENS = textOf(['Discussion Title: T\n', '\n', '1. ', '1.1. ', '1.2. ', '1.1.1. ', '2. ', 'Pro: ', 'Con: ', '-> See 1.', '-> See 1.1.', '-> See 1.9.', 'text', '[w](https://x.org/a_(b))', '\\(', '\\[', '\t', ' ', '\r\n']);
/** A Kialo export's shape: the title line, the thesis, then claims each answering an earlier one (links too). */
const KIALO_LINES = fc
  .array(fc.tuple(fc.nat(), fc.constantFrom('Pro: ', 'Con: ', 'Pro:\t'), fc.oneof(fc.constantFrom('A reason.', 'An [objection](https://x.org/o) here.', '\\(escaped\\)', ''), fc.string({ maxLength: 10 })), fc.nat()), { maxLength: 14 })
  .map((rows) => {
    const paths = ['1.'];
    const children = new Map<string, number>();
    const lines = rows.map(([parent, stance, text, link]) => {
      const p = paths[parent % paths.length];
      const n = (children.get(p) ?? 0) + 1;
      children.set(p, n);
      const path = `${p}${n}.`;
      paths.push(path);
      // Now and then a link to an earlier claim (or to one that is not there) instead of a text.
      const body = link % 5 === 0 ? `-> See ${link % 2 ? paths[link % paths.length] : '9.9.'}` : text;
      return `${path} ${stance}${body}`;
    });
    return `Discussion Title: ${rows.length % 3 ? 'A question?' : '[T](https://x.org)'}\n\n1. The thesis.\n${lines.join('\n')}\n`;
  });
const KIALO = fc.oneof({ weight: 4, arbitrary: KIALO_LINES }, { weight: 1, arbitrary: KIALO_TOKENS });

const aifId = fc.constantFrom('1', '2', '3', '4', '5', '6', 'a', '__proto__', 'constructor', 7 as unknown as string);
const aifType = fc.constantFrom('I', 'I', 'I', 'RA', 'RA', 'CA', 'CA', 'MA', 'PA', 'L', 'YA', 'TA', 'XX');
const aifNode = fc.record(
  { nodeID: aifId, type: aifType, text: fc.oneof(fc.constantFrom('A claim.', '', 'Default Inference', 'Answering', 'Mark Rowley : said', 'RA'), fc.string({ maxLength: 8 })), scheme: fc.constantFrom('Analogy', 'Default Conflict', 'Answering') },
  { requiredKeys: ['nodeID', 'type'] },
);
const aifEdge = fc.record({ edgeID: aifId, fromID: aifId, toID: aifId }, { requiredKeys: ['fromID', 'toID'] });
const siteMember = fc.record({ claimIds: fc.boolean(), claims: fc.dictionary(aifId, fc.record({ kind: fc.constantFrom('question', 'position', 'evidence', 'context', 'assumption', 'x'), by: fc.constantFrom('rowley', 'nobody'), source: fc.constantFrom('article', 'none'), voice: fc.constantFrom('direct', 'framing') }, { requiredKeys: [] })), notes: fc.dictionary(fc.string({ maxLength: 12 }), fc.string({ maxLength: 6 })), frames: fc.array(fc.record({ from: aifId, to: aifId })) }, { requiredKeys: [] });
const AIF = fc.oneof(
  // Maps with structure: I-nodes, and inferences and conflicts between them (conflicts also on inferences).
  {
    weight: 4,
    arbitrary: fc
      .tuple(
        fc.array(fc.constantFrom('A claim.', 'Another.', '', 'Mark Rowley : said'), { minLength: 1, maxLength: 6 }),
        fc.array(fc.record({ type: fc.constantFrom('RA', 'RA', 'CA', 'MA', 'PA', 'YA'), from: fc.array(fc.nat(), { minLength: 0, maxLength: 3 }), to: fc.nat(), text: fc.constantFrom('Default Inference', 'Answering', 'Analogy', 'Default Conflict') }), { maxLength: 6 }),
        siteMember,
      )
      .map(([texts, sNodes, site]) => {
        const nodes: { nodeID: string; type: string; text: string }[] = texts.map((text, i) => ({ nodeID: `${i + 1}`, type: 'I', text }));
        const edges: { fromID: string; toID: string }[] = [];
        sNodes.forEach((sn, k) => {
          const id = `s${k}`;
          const any = [...nodes];
          nodes.push({ nodeID: id, type: sn.type, text: sn.text });
          for (const f of sn.from) edges.push({ fromID: any[f % any.length].nodeID, toID: id });
          edges.push({ fromID: id, toID: any[sn.to % any.length].nodeID });
        });
        return JSON.stringify({ nodes, edges, site });
      }),
  },
  fc.record({ nodes: fc.array(aifNode, { maxLength: 12 }), edges: fc.array(aifEdge, { maxLength: 16 }), site: siteMember }, { requiredKeys: ['nodes', 'edges'] }).map((j) => JSON.stringify(j)),
  fc.record({ AIF: fc.record({ nodes: fc.array(aifNode, { maxLength: 8 }), edges: fc.array(aifEdge, { maxLength: 8 }) }) }).map((j) => JSON.stringify(j)),
  fc.json(),
  textOf(['{', '}', '[', ']', '"nodes"', '"edges"', ':', ',', '"I"', '1', 'null', ' ', '\n']),
);

/** Runs an importer; an `ImportError` is a fine ending, anything else thrown fails the property. */
function endsWell(run: () => ImportResult): ImportResult | undefined {
  try {
    return run();
  } catch (error) {
    if (error instanceof ImportError) {
      expect(error.message).toMatch(/^fuzz\.txt:\S*/);
      return undefined;
    }
    throw error;
  }
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'fuzz-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let sites = 0;
/** Compile imported pages alone, with the options' actor and source: they must validate. */
async function validates(result: ImportResult): Promise<string[]> {
  const root = path.join(dir, `site-${sites++}`);
  await mkdir(path.join(root, 'docs', 'imported'), { recursive: true });
  await writeFile(path.join(root, 'actors.yaml'), '- id: rowley\n  name: Mark Rowley\n  role: r\n  description: d\n');
  await writeFile(path.join(root, 'sources.yaml'), '- id: article\n  title: T\n  publisher: P\n  kind: article\n');
  for (const page of result.pages) await writeFile(path.join(root, 'docs', 'imported', pageFile(page)), renderPage(page));
  const compiled = await compileSite({ contentRoot: root, layout: false });
  await rm(root, { recursive: true, force: true });
  return compiled.ok ? [] : compiled.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code}: ${d.message}`);
}

describe('importers never throw anything but an ImportError', () => {
  it('Argdown', () => {
    fc.assert(fc.property(ARGDOWN, (text) => void endsWell(() => importArgdown(text, options))), { seed: SEED, numRuns: runs(400) });
  });
  it('AIF', () => {
    fc.assert(fc.property(AIF, (text) => void endsWell(() => importAif(text, options))), { seed: SEED, numRuns: runs(400) });
  });
  it('Kialo', () => {
    fc.assert(fc.property(KIALO, (text) => void endsWell(() => importKialo(text, options))), { seed: SEED, numRuns: runs(400) });
  });
});

describe('what an importer returns validates as a site', { timeout: 120_000 }, () => {
  for (const [name, arbitrary, run] of [
    ['Argdown', ARGDOWN, importArgdown],
    ['AIF', AIF, importAif],
    ['Kialo', KIALO, importKialo],
  ] as const) {
    it(name, async () => {
      await fc.assert(
        fc.asyncProperty(arbitrary, async (text) => {
          const result = endsWell(() => run(text, options));
          if (result) expect(await validates(result)).toEqual([]);
        }),
        { seed: SEED, numRuns: runs(60) },
      );
    });
  }
});

describe('the content loader never throws', () => {
  const YAML = textOf(['---\n', 'title: T\n', 'claims:\n', '  - id: a\n', '  - id: B c\n', '    kind: claim\n', '    kind: nope\n', '    text: Words.\n', '    text: "\n', '    supports: [a]\n', '    supports: [{to: a, note: n}]\n', '    undercuts: [{from: a, to: b}]\n', '    frames: [a]\n', '    voice: framing\n', '    source: article\n', '    quote: q\n', 'focus: [a]\n', '<Claim id="a" />\n', ': ', '- ', '  ', '\t', '{', '[', '&x', '*x', '!!binary', '\n']);

  it('loadPage: a page or diagnostics with a file and line', () => {
    fc.assert(
      fc.property(YAML, (text) => {
        const loaded = loadPage({ file: 'docs/p.mdx', text }, 'p.mdx');
        for (const d of loaded.diagnostics) expect(d).toMatchObject({ file: 'docs/p.mdx', line: expect.any(Number) });
        expect(loaded.value !== null || loaded.diagnostics.length > 0).toBe(true);
      }),
      { seed: SEED, numRuns: runs(500) },
    );
  });

  it('loadActors and loadSources: items or diagnostics', () => {
    const REGISTRY = textOf(['- id: a\n', '  name: N\n', '  role: R\n', '  description: D\n', '  title: T\n', '  publisher: P\n', '  kind: news\n', '  url: https://x.org/\n', '  url: javascript:x\n', '  date: 2015\n', '- ', ': ', '  ', '[', ']', '{', '\n']);
    fc.assert(
      fc.property(REGISTRY, (text) => {
        for (const load of [loadActors, loadSources]) {
          const loaded = load({ file: 'r.yaml', text });
          expect(Array.isArray(loaded.value.items)).toBe(true);
        }
      }),
      { seed: SEED, numRuns: runs(300) },
    );
  });

  it('decodeText: text or a problem with a position, for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const decoded = decodeText(bytes);
        if (!decoded.ok) expect(decoded.problem.offset).toBeLessThanOrEqual(bytes.length);
      }),
      { seed: SEED, numRuns: runs(2000) },
    );
  });

  it('compileSite on a content folder with fuzzed pages and bytes: a graph or diagnostics', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(YAML, fc.uint8Array({ maxLength: 40 })), { minLength: 1, maxLength: 3 }), async (files) => {
        const root = path.join(dir, `compile-${sites++}`);
        await mkdir(path.join(root, 'docs'), { recursive: true });
        await writeFile(path.join(root, 'actors.yaml'), '[]\n');
        await writeFile(path.join(root, 'sources.yaml'), '[]\n');
        for (const [i, f] of files.entries()) await writeFile(path.join(root, 'docs', `p${i}.mdx`), f);
        const result = await compileSite({ contentRoot: root, layout: false });
        await rm(root, { recursive: true, force: true });
        if (!result.ok) expect(result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
      }),
      { seed: SEED, numRuns: runs(60) },
    );
  });
});

describe('npm run import writes nothing when it fails', () => {
  it('for fuzzed Argdown, AIF and Kialo files: exit 0 with the page written, or an error and no folder', { timeout: 120_000 }, async () => {
    const content = path.join(dir, 'cli-content');
    await mkdir(path.join(content, 'docs'), { recursive: true });
    await writeFile(path.join(content, 'actors.yaml'), '[]\n');
    await writeFile(path.join(content, 'sources.yaml'), '[]\n');
    let n = 0;
    const file = fc.oneof(ARGDOWN.map((t) => ['argdown', t] as const), AIF.map((t) => ['json', t] as const), KIALO.map((t) => ['txt', t] as const), fc.uint8Array({ maxLength: 30 }).map((b) => ['argdown', b] as const));
    await fc.assert(
      fc.asyncProperty(file, async ([ext, body]) => {
        const input = path.join(dir, `in-${n}.${ext}`);
        const out = path.join(dir, `out-${n++}`);
        await writeFile(input, body);
        const lines: string[] = [];
        const code = await runImport([input, '--content', content, '--out', out, '--name', 'fz'], { out: (l) => lines.push(l), err: (l) => lines.push(l) });
        expect([0, 1, 2], lines.join('\n')).toContain(code);
        expect(existsSync(out)).toBe(code === 0);
        if (code !== 0) expect(lines.join('\n')).toMatch(/nothing written|cannot tell the format|usage/);
      }),
      { seed: SEED, numRuns: runs(80) },
    );
  });
});
