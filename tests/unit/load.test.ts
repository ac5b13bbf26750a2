/** Load: frontmatter and registry YAML become typed records with the line of every entry. */
import { describe, expect, it } from 'vitest';
import { loadActors, loadPage, loadSources, slugForDocsPath, splitFrontmatter } from '../../src/graph/load.ts';

const page = (lines: string[]) => lines.join('\n');

describe('slugForDocsPath', () => {
  it.each([
    ['index.mdx', ''],
    ['rowley.mdx', 'rowley'],
    ['Debate/Index.md', 'debate'],
    ['sides/Open Rights.mdx', 'sides/open-rights'],
  ])('%s → %j', (file, slug) => expect(slugForDocsPath(file)).toBe(slug));
});

describe('splitFrontmatter', () => {
  it('returns null without a leading fence', () => {
    expect(splitFrontmatter('title: x\n')).toBeNull();
    expect(splitFrontmatter('\n---\ntitle: x\n---\n')).toBeNull();
  });

  it('gives the YAML, its first line and the first body line', () => {
    const split = splitFrontmatter('---\ntitle: x\nclaims: []\n---\n\nBody.\n');
    expect(split).toEqual({ yaml: 'title: x\nclaims: []', firstLine: 2, bodyLine: 5, body: '\nBody.\n' });
  });

  it('accepts CRLF line ends', () => {
    expect(splitFrontmatter('---\r\ntitle: x\r\n---\r\nBody')?.body).toBe('Body');
  });
});

describe('loadPage', () => {
  const text = page([
    '---', // 1
    'title: Overview', // 2
    'claims:', // 3
    '  - id: q', // 4
    '    kind: question', // 5
    '    text: Should police get more access?', // 6
    '  - id: more-access', // 7
    '    kind: position', // 8
    '    text: Yes.', // 9
    '    by: rowley', // 10
    '    answers: q', // 11
    '  - id: blind-spots', // 12
    '    kind: claim', // 13
    '    text: Blind spots.', // 14
    '    supports:', // 15
    '      - more-access', // 16
    '      - { to: q, note: hmm }', // 17
    '    attacks: [x, y]', // 18
    '    undercuts:', // 19
    '      - from: a', // 20
    '        to: b', // 21
    'focus:', // 22
    '  - other', // 23
    '---', // 24
    '', // 25
    'import Claim from "~/components/Claim.astro";', // 26
    '', // 27
    'See <Claim id="q" /> and <Claim id=\'blind-spots\' />.', // 28
    'And <Claim id="later" />.', // 29
  ]);

  it('keeps the line of each claim and each relation entry', () => {
    const { value, diagnostics } = loadPage({ file: 'docs/index.mdx', text }, 'index.mdx');
    expect(diagnostics).toEqual([]);
    expect(value?.slug).toBe('');
    expect(value?.title).toBe('Overview');
    expect(value?.claims.map((c) => [c.id, c.line])).toEqual([
      ['q', 4],
      ['more-access', 7],
      ['blind-spots', 12],
    ]);
    const [q, position, claim] = value!.claims;
    expect(q).toMatchObject({ supports: [], attacks: [], undercuts: [], file: 'docs/index.mdx' });
    expect(position.lines).toMatchObject({ answers: 11, by: 10, kind: 8, text: 9 });
    expect(claim.lines).toMatchObject({ 'supports.0': 16, 'supports.1': 17, 'attacks.0': 18, 'attacks.1': 18, 'undercuts.0': 20, kind: 13, text: 14 });
    expect(claim.supports).toEqual(['more-access', { to: 'q', note: 'hmm' }]);
    expect(claim.undercuts).toEqual([{ from: 'a', to: 'b' }]);
  });

  it('collects focus from frontmatter and <Claim id> in the body, each with its own line', () => {
    const { value } = loadPage({ file: 'docs/index.mdx', text }, 'index.mdx');
    expect(value?.focus).toEqual([
      { id: 'other', line: 23 },
      { id: 'q', line: 28 },
      { id: 'blind-spots', line: 28 },
      { id: 'later', line: 29 },
    ]);
    const lines = text.split('\n');
    expect(lines[27]).toContain('<Claim id="q" />');
    expect(lines[28]).toContain('<Claim id="later" />');
  });

  it('reports a page without frontmatter on line 1', () => {
    const { value, diagnostics } = loadPage({ file: 'docs/a.mdx', text: '# Title\n' }, 'a.mdx');
    expect(value).toBeNull();
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'no-frontmatter', file: 'docs/a.mdx', line: 1 })]);
  });

  it('reports YAML syntax errors with the line in the file, not in the frontmatter', () => {
    const bad = page(['---', 'title: x', 'claims:', '  - id: a', '    kind: claim', '    kind: claim', '    text: t', '---']);
    const { value, diagnostics } = loadPage({ file: 'f.mdx', text: bad }, 'f.mdx');
    expect(value).toBeNull();
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'yaml-syntax', line: 6, message: expect.stringContaining('YAML syntax error') })]);
  });

  it('reports one YAML syntax error per file: the first, not the parser\'s follow-on errors', () => {
    // One line indented a space short: the parser reports it, then every line of the claim after it.
    const bad = page(['---', 'title: x', 'claims:', '  - id: a', '   kind: claim', '    text: t', '    by: b', '---']);
    const { diagnostics } = loadPage({ file: 'f.mdx', text: bad }, 'f.mdx');
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([['yaml-syntax', 5]]);
  });

  const oneClaim = (...fields: string[]) => page(['---', 'title: x', 'claims:', '  - id: a', ...fields.map((f) => `    ${f}`), '---']);

  it.each([
    [['text: t'], 4, 'schema-invalid_value', 'missing required field `kind`'],
    [['kind: claim'], 4, 'schema-invalid_type', 'missing required field `text`'],
    [['kind: claim', 'text: t', 'who: x', 'why: y'], 7, 'schema-unrecognized_keys', 'unknown fields `who`, `why`'],
    [['kind: claim', 'text: t', 'supports: [Bad Id]'], 7, 'schema-invalid_format', '`supports` must be kebab-case: lowercase letters, digits and single hyphens'],
    [['kind: claim', 'text: t', 'undercuts: [{ from: a }]'], 7, 'schema-invalid_type', 'missing required field `to`'],
    [['kind: claim', 'text: t', 'label: ""'], 7, 'schema-too_small', '`label` must not be empty'],
  ])('%j → line %i %s %s', (fields, line, code, message) => {
    const { value, diagnostics } = loadPage({ file: 'f.mdx', text: oneClaim(...fields) }, 'f.mdx');
    expect(value).toBeNull();
    expect(diagnostics).toEqual([{ severity: 'error', code, file: 'f.mdx', line, claim: 'a', message, hint: expect.stringMatching(/\S/) }]);
  });
});

describe('registries', () => {
  const actors = page([
    '- id: rowley', // 1
    '  name: Mark Rowley', // 2
    '  role: Police', // 3
    '  description: A police officer.', // 4
    '- id: rowley', // 5
    '  name: Someone else', // 6
    '  role: Police', // 7
    '  description: Another.', // 8
  ]);

  it('reports a duplicate actor id on its second line, naming the first', () => {
    const { value, diagnostics } = loadActors({ file: 'actors.yaml', text: actors });
    expect(value.items).toHaveLength(1);
    expect(value.lines).toEqual({ rowley: 1 });
    expect(diagnostics).toEqual([
      { severity: 'error', code: 'duplicate-actor', file: 'actors.yaml', line: 5, message: 'actor id `rowley` is defined twice (first on line 1)', hint: 'Give each actor a unique id.' },
    ]);
  });

  it('defaults inArticle to true', () => {
    const { value } = loadActors({ file: 'actors.yaml', text: actors.split('\n').slice(0, 4).join('\n') });
    expect(value.items[0].inArticle).toBe(true);
  });

  const source = (...fields: string[]) => page(['- id: s', '  title: T', '  publisher: P', '  kind: news', ...fields.map((f) => `  ${f}`)]);

  it.each([
    ['url: javascript:alert(1)', ['`url` must start with http:// or https:// and be a full web address']],
    ['url: "data:text/html,<script>alert(1)</script>"', ['`url` must start with http:// or https:// and be a full web address']],
    // Not a URL at all fails both checks (Zod runs the refinement even after `.url()` fails).
    ['url: not a url', ['`url` must start with http:// or https:// and be a full web address']],
    ['date: 6 October 2015', ['`date` must be YYYY, YYYY-MM or YYYY-MM-DD']],
  ])('rejects %s on its line, naming the source', (field, messages) => {
    const { value, diagnostics } = loadSources({ file: 'sources.yaml', text: source(field) });
    expect(value.items).toEqual([]);
    expect(diagnostics).toEqual(messages.map((message) => expect.objectContaining({ line: 5, claim: 'source:s', message })));
  });

  it('accepts http and https addresses', () => {
    for (const url of ['https://example.org/a', 'http://example.org/b', 'HTTPS://EXAMPLE.ORG/']) {
      expect(loadSources({ file: 'sources.yaml', text: source(`url: ${url}`) }).diagnostics).toEqual([]);
    }
  });

  it('reports an unknown source kind with the kind hint', () => {
    const { diagnostics } = loadSources({ file: 'sources.yaml', text: source('date: 2015').replace('kind: news', 'kind: blog') });
    expect(diagnostics).toEqual([expect.objectContaining({ line: 4, code: 'schema-invalid_value', message: 'unknown kind "blog"' })]);
  });
});
