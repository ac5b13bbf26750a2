/**
 * The catalogue of bad content (`tests/fixtures/bad/<case>/`): each case is a small content root that
 * must fail with exactly one diagnostic, pinned here down to file, line, claim, code and message.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/graph/diagnostics.ts';
import { compileSite } from '../../src/graph/index.ts';
import { LABEL_WARNING_LENGTH, normaliseForQuote, quotedInSource } from '../../src/graph/validate.ts';
import type { Diagnostic } from '../../src/graph/types.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BAD = 'tests/fixtures/bad';

interface Expected {
  code: string;
  /** Relative to the case folder; the diagnostic names it relative to the project root. */
  file: string;
  line: number;
  claim?: string;
  message: string;
  /** The offending line of the file contains this text: the error points at the entry, not near it. */
  at: string;
  /** Pinned where the hint carries information (suggestions, lists); otherwise it only has to be non-empty. */
  hint?: string;
}

const INDEX = 'docs/index.mdx';

/** One row per folder in tests/fixtures/bad. */
const CASES: Record<string, Expected> = {
  'malformed-yaml': {
    code: 'yaml-syntax',
    file: INDEX,
    line: 15,
    message: 'YAML syntax error: Nested mappings are not allowed in compact mappings',
    at: 'text: Companies create blind spots: the police cannot see.',
  },
  'unknown-field': {
    code: 'schema-unrecognized_keys',
    file: INDEX,
    line: 16,
    claim: 'blind-spots',
    message: 'unknown field `speaker`',
    at: 'speaker: rowley',
  },
  'id-with-spaces': {
    code: 'schema-invalid_format',
    file: INDEX,
    line: 13,
    claim: 'blind spots',
    message: '`id` must be kebab-case: lowercase letters, digits and single hyphens',
    at: '- id: blind spots',
    hint: 'Use lowercase letters, digits and single hyphens, e.g. `blind-spots`.',
  },
  'id-with-capitals': {
    code: 'schema-invalid_format',
    file: INDEX,
    line: 13,
    claim: 'Blind-Spots',
    message: '`id` must be kebab-case: lowercase letters, digits and single hyphens',
    at: '- id: Blind-Spots',
  },
  'duplicate-id-one-file': {
    code: 'duplicate-id',
    file: INDEX,
    line: 17,
    claim: 'blind-spots',
    message: `claim id \`blind-spots\` is already declared in ${BAD}/duplicate-id-one-file/docs/index.mdx:13`,
    at: '- id: blind-spots',
  },
  'duplicate-id-two-files': {
    code: 'duplicate-id',
    file: 'docs/other.mdx',
    line: 11,
    claim: 'blind-spots',
    message: `claim id \`blind-spots\` is already declared in ${BAD}/duplicate-id-two-files/docs/index.mdx:13`,
    at: '- id: blind-spots',
  },
  'unknown-actor': {
    code: 'unknown-actor',
    file: INDEX,
    line: 16,
    claim: 'blind-spots',
    message: 'unknown actor `mark-rowley`',
    at: 'by: mark-rowley',
    hint: `Use an id from ${BAD}/unknown-actor/actors.yaml (rowley, org), or add the actor there.`,
  },
  'unknown-source': {
    code: 'unknown-source',
    file: INDEX,
    line: 17,
    claim: 'blind-spots',
    message: 'unknown source `guardian`',
    at: 'source: guardian',
  },
  'unknown-relation-target': {
    code: 'unknown-target',
    file: INDEX,
    line: 18,
    claim: 'blind-spots',
    message: '`supports` points to unknown claim `access`',
    at: '- access',
    hint: 'Did you mean `more-access`?',
  },
  'unknown-undercut-target': {
    code: 'unknown-relation',
    file: INDEX,
    line: 22,
    claim: 'speech-date',
    message: '`undercuts` names a relation from `more-access` to `blind-spots` that does not exist',
    at: '- from: more-access',
  },
  'wrong-kind-relation': {
    code: 'wrong-kind',
    file: INDEX,
    line: 13,
    claim: 'more-access',
    message: 'a position cannot support evidence (`spectrum`)',
    at: 'supports: [spectrum]',
    hint: 'Reasons flow up to positions: let `spectrum` support the position, or make this a claim.',
  },
  'answers-non-question': {
    code: 'wrong-kind',
    file: INDEX,
    line: 21,
    claim: 'target-suspects',
    message: '`answers` must point to a question, but `blind-spots` is a claim',
    at: 'answers: blind-spots',
  },
  'answers-from-claim': {
    code: 'wrong-kind',
    file: INDEX,
    line: 16,
    claim: 'blind-spots',
    message: 'only a position can answer a question, but this is a claim',
    at: 'answers: q',
  },
  'evidence-without-quote': {
    code: 'missing-field',
    file: INDEX,
    line: 13,
    claim: 'spectrum',
    message: 'an evidence needs `quote`',
    at: '- id: spectrum',
  },
  'quote-not-in-source': {
    code: 'quote-not-found',
    file: INDEX,
    line: 19,
    claim: 'blind-spots',
    message: 'the quote is not in the text of `article`',
    at: 'quote: social media companies are causing a "growing number of black spots"',
  },
  'context-without-source': {
    code: 'missing-field',
    file: INDEX,
    line: 17,
    claim: 'speech-date',
    message: 'a context needs `source`',
    at: '- id: speech-date',
  },
  'self-support': {
    code: 'self-support',
    file: INDEX,
    line: 18,
    claim: 'blind-spots',
    message: 'the claim supports itself',
    at: '- blind-spots',
  },
  'support-cycle': {
    code: 'support-cycle',
    file: INDEX,
    line: 13,
    claim: 'blind-spots',
    message: 'supports go round in a circle: `blind-spots` → `encryption` → `fragmented` → `blind-spots`',
    at: '- id: blind-spots',
  },
  'empty-text': {
    code: 'schema-too_small',
    file: INDEX,
    line: 15,
    claim: 'blind-spots',
    message: '`text` must not be empty',
    at: 'text: "   "',
  },
  'non-http-url': {
    code: 'schema-custom',
    file: 'sources.yaml',
    line: 10,
    claim: 'source:drum',
    message: '`url` must start with http:// or https:// and be a full web address',
    at: 'url: javascript:alert(1)',
  },
  'missing-required-field': {
    code: 'schema-invalid_value',
    file: INDEX,
    line: 13,
    claim: 'blind-spots',
    message: 'missing required field `kind`',
    at: '- id: blind-spots',
  },
  'unknown-kind': {
    code: 'schema-invalid_value',
    file: INDEX,
    line: 14,
    claim: 'blind-spots',
    message: 'unknown kind "opinion"',
    at: 'kind: opinion',
    hint: 'Use one of: question, position, claim, evidence, assumption, context.',
  },
  'missing-voice': {
    code: 'missing-voice',
    file: INDEX,
    line: 17,
    claim: 'blind-spots',
    message: 'a claim from the article needs `voice`',
    at: 'source: article',
  },
  'voice-not-direct': {
    code: 'voice-not-direct',
    file: INDEX,
    line: 18,
    claim: 'blind-spots',
    message: 'the quote is marked `voice: direct`, but in the source it is not all inside quotation marks',
    at: 'voice: direct',
    hint: 'Quote only the words inside the quotation marks, or use `voice: paraphrase` when the writer is reporting the speaker.',
  },
  'voice-without-source': {
    code: 'voice-without-source',
    file: INDEX,
    line: 17,
    claim: 'blind-spots',
    message: '`voice` says whose words a source gives, but the claim has no `source`',
    at: 'voice: paraphrase',
  },
  'framing-as-reason': {
    code: 'framing-as-reason',
    file: INDEX,
    line: 21,
    claim: 'headline',
    message: 'the writer’s framing cannot be a reason or an objection, but this claim `supports` another',
    at: '- more-access',
    hint: 'Framing is shown, not weighed: write the link as `frames: [<claim id>]` and say in its `note` what the framing does.',
  },
  'frames-without-framing': {
    code: 'frames-without-framing',
    file: INDEX,
    line: 22,
    claim: 'blind-spots',
    message: '`frames` is only for the writer’s framing, but this claim is not `voice: framing`',
    at: '- more-access',
  },
  'self-frame': {
    code: 'self-frame',
    file: INDEX,
    line: 22,
    claim: 'headline',
    message: 'the claim frames itself',
    at: '- headline',
  },
  'accessed-not-a-date': {
    code: 'schema-invalid_format',
    file: 'sources.yaml',
    line: 9,
    claim: 'source:drum',
    message: '`accessed` must be YYYY, YYYY-MM or YYYY-MM-DD',
    at: 'accessed: 5 October 2015',
  },
  'unknown-focus': {
    code: 'unknown-focus',
    file: INDEX,
    line: 21,
    claim: 'blind-spot',
    message: 'the page refers to unknown claim `blind-spot`',
    at: '<Claim id="blind-spot" />',
  },
};

const compile = (contentRoot: string) => compileSite({ contentRoot, cwd: ROOT, layout: false });
const diagnosticsOf = async (contentRoot: string): Promise<Diagnostic[]> => {
  const result = await compile(contentRoot);
  return result.ok ? result.graph.diagnostics : result.diagnostics;
};

describe('bad content catalogue', () => {
  it('has one table row per fixture folder', () => {
    const folders = readdirSync(path.join(ROOT, BAD), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    expect(folders).toEqual(Object.keys(CASES).sort());
  });

  describe.each(Object.entries(CASES))('%s', (name, expected) => {
    const dir = `${BAD}/${name}`;

    it('fails with exactly the expected diagnostic', async () => {
      const result = await compile(dir);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.diagnostics).toEqual([
        {
          severity: 'error',
          code: expected.code,
          file: `${dir}/${expected.file}`,
          line: expected.line,
          ...(expected.claim ? { claim: expected.claim } : {}),
          message: expected.message,
          hint: expected.hint ?? expect.any(String),
        },
      ]);
      const [d] = result.diagnostics;
      expect(d.hint.trim()).not.toBe('');
      if (!expected.claim) expect(d).not.toHaveProperty('claim');
    });

    it('points at the offending line', () => {
      const lines = readFileSync(path.join(ROOT, dir, expected.file), 'utf8').split('\n');
      expect(lines[expected.line - 1]).toContain(expected.at);
    });

    it('formats as file:line [claim] error: message, then the hint', async () => {
      const [d] = await diagnosticsOf(dir);
      const claim = expected.claim ? ` [${expected.claim}]` : '';
      expect(formatDiagnostic(d)).toBe(`${dir}/${expected.file}:${expected.line}${claim} error: ${expected.message}\n    hint: ${d.hint}`);
    });
  });
});

describe('good content', () => {
  it('the valid fixture compiles without diagnostics', async () => {
    const result = await compile('tests/fixtures/valid');
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.graph.diagnostics).toEqual([]);
  });

  it('quotes that differ only by curly/straight quotes, dashes and spacing pass', async () => {
    const result = await compile('tests/fixtures/valid-curly');
    expect(result.ok ? result.graph.diagnostics : result.diagnostics).toEqual([]);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.graph.nodes.filter((n) => n.quote).map((n) => n.id)).toEqual(['blind-spots', 'top-officer', 'harder', 'anti-terror']);
  });

  it('warnings alone do not fail: an orphan claim and an over-long label', async () => {
    const dir = 'tests/fixtures/warnings';
    const result = await compile(dir);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.graph.diagnostics).toEqual([
      {
        severity: 'warning',
        code: 'long-label',
        file: `${dir}/docs/index.mdx`,
        line: 11,
        claim: 'more-access',
        message: `the map label is 146 characters long (over ${LABEL_WARNING_LENGTH})`,
        hint: expect.stringMatching(/\S/),
      },
      {
        severity: 'warning',
        code: 'orphan-claim',
        file: `${dir}/docs/index.mdx`,
        line: 22,
        claim: 'lonely',
        message: 'the claim has no relations, so it floats alone on the map',
        hint: expect.stringMatching(/\S/),
      },
    ]);
    const lines = readFileSync(path.join(ROOT, dir, 'docs/index.mdx'), 'utf8').split('\n');
    expect(lines[10]).toMatch(/^\s+label: /);
    expect(lines[21]).toContain('- id: lonely');
  });
});

describe('the site’s own content', () => {
  it('says whose words every claim taken from the article is, and every direct quote is in quotation marks in the article', async () => {
    const result = await compile('content');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const graph = result.graph;
    const article = Object.values(graph.sources).find((s) => s.kind === 'article')!;
    const text = readFileSync(path.join(ROOT, 'content', article.text!), 'utf8');
    const fromArticle = graph.nodes.filter((n) => n.source === article.id);
    expect(fromArticle.length).toBeGreaterThan(20);
    expect(fromArticle.filter((n) => !n.voice).map((n) => n.id)).toEqual([]);
    for (const n of fromArticle.filter((n) => n.voice === 'direct')) expect(quotedInSource(text, n.quote!), n.id).toBe(true);
  });

  it('dates every source: when it was published, or when our research read it', async () => {
    const result = await compile('content');
    if (!result.ok) throw new Error('the site’s content does not compile');
    const undated = Object.values(result.graph.sources).filter((s) => !s.date && !s.accessed);
    expect(undated.map((s) => s.id)).toEqual([]);
  });

  it('keeps the writer’s framing out of the argument: framing claims only frame, and only framing claims frame', async () => {
    const result = await compile('content');
    if (!result.ok) throw new Error('the site’s content does not compile');
    const { nodes, edges } = result.graph;
    const framing = new Set(nodes.filter((n) => n.voice === 'framing').map((n) => n.id));
    expect(framing.size).toBeGreaterThan(0);
    expect(edges.filter((e) => framing.has(e.from)).map((e) => e.kind).every((k) => k === 'frames')).toBe(true);
    expect(edges.filter((e) => e.kind === 'frames').every((e) => framing.has(e.from))).toBe(true);
  });
});

describe('normaliseForQuote', () => {
  it('folds typographic quotes, dashes, ellipses and whitespace', () => {
    expect(normaliseForQuote('“It’s — a ‘test’…”\u00a0 ok ')).toBe(`"It's - a 'test'..." ok`);
    expect(normaliseForQuote('anti\u2013terror anti\u2014terror anti\u2011terror')).toBe('anti-terror anti-terror anti-terror');
  });

  it('folds nothing else: case, letters and punctuation still count', () => {
    expect(normaliseForQuote('Blind spots')).not.toBe(normaliseForQuote('blind spots'));
    expect(normaliseForQuote('blind spots.')).not.toBe(normaliseForQuote('blind spots'));
    expect(normaliseForQuote('"x"')).not.toBe(normaliseForQuote("'x'"));
  });
});
