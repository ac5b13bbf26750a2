/**
 * `scripts/import.ts` end to end on a small temporary content folder: it validates before writing, writes the page,
 * reports what it did, and on malformed input or invalid content prints file and position, exits 1, writes nothing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalContent } from './import-support.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TESTDATA = path.resolve(import.meta.dirname, '../fixtures/external');

let dir: string;
let content: string;

const run = (...args: string[]) => {
  const result = spawnSync(process.execPath, ['scripts/import.ts', ...args, '--content', content], { cwd: ROOT, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};

beforeAll(async () => {
  ({ dir, content } = await minimalContent('import-cli-', '- id: lisa-nandy\n  name: Lisa Nandy\n  role: MP\n  description: A speaker.\n'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('npm run import', { timeout: 180_000 }, () => {
  it('imports, validates and writes an Argdown file, and says what it did', async () => {
    const out = path.join(content, 'docs', 'imported', 'softdrugs');
    const { code, stdout } = run(path.join(TESTDATA, 'argdown/src/legalisation-softdrugs.argdown'), '--name', 'softdrugs');
    expect(code).toBe(0);
    expect(stdout).toContain('claims: claim 18');
    expect(stdout).toContain('relations: supports 9, attacks 8, undercuts 2');
    expect(stdout).toContain('tags #con, #pro: the site has no tags');
    expect(await readdir(out)).toEqual(['index.mdx']);
    const page = await readFile(path.join(out, 'index.mdx'), 'utf8');
    expect(page).toMatch(/^---\ntitle: Pros and Cons Legalisation of Soft Drugs\nclaims:\n {2}- id: softdrugs-legalisation-of-soft-drugs\n/);
  });

  it('turns a known speaker into `by` (AIF), and reports the dialogue layer', async () => {
    const { code, stdout } = run(path.join(TESTDATA, 'aif/qt30_nodeset21318.json'), '--out', path.join(dir, 'qt'));
    expect(code).toBe(0);
    expect(stdout).toContain('dialogue layer: 10 L, 8 YA, 4 TA nodes');
    expect(await readFile(path.join(dir, 'qt', 'index.mdx'), 'utf8')).toContain('by: lisa-nandy');
  });

  it('refuses an existing folder without --force, and with --force replaces only imported pages', async () => {
    const file = path.join(TESTDATA, 'kialo/should-hate-speech-be-illegal.txt');
    const out = path.join(dir, 'hate');
    expect(run(file, '--out', out).code).toBe(0);
    const again = run(file, '--out', out, '--name', 'hate-2');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
    expect(run(file, '--out', out, '--force').code).toBe(0);
  });

  it('rejects pages that clash with the site (duplicate ids) and writes nothing', () => {
    const out = path.join(dir, 'clash');
    const { code, stderr } = run(path.join(TESTDATA, 'argdown/src/legalisation-softdrugs.argdown'), '--name', 'softdrugs', '--out', out);
    expect(code).toBe(1);
    expect(stderr).toMatch(/duplicate|already declared/);
    expect(stderr).toContain('nothing written');
    expect(existsSync(out)).toBe(false);
  });

  const malformed: [string, string, RegExp][] = [
    ['bad.json', '{\n  "nodes": [\n    {"nodeID": "1", "type": "I", "text": "a"},,\n  ]\n}\n', /bad\.json:3:\d+: invalid JSON/],
    ['type.json', JSON.stringify({ nodes: [{ nodeID: 'n1', type: 'QQ', text: '?' }], edges: [] }), /type\.json:\$\.nodes\[0\] \(node n1\): unknown node type "QQ"/],
    ['edge.json', JSON.stringify({ nodes: [{ nodeID: 'n1', type: 'I', text: 'a' }], edges: [{ edgeID: 'e1', fromID: 'n1', toID: 'n2' }] }), /edge\.json:\$\.edges\[0\] \(edge e1\): edge ends at missing node n2/],
    ['bad.argdown', '[a]: fine\n\n  + [b]: starts a paragraph with a relation\n', /bad\.argdown:3:1: Argdown syntax error/],
    ['bad.txt', 'Discussion Title: T\n\n1. Thesis.\n1.2.1. Pro: orphan\n', /bad\.txt:4:1: claim 1\.2\.1\. responds to 1\.2\./],
  ];
  for (const [name, text, message] of malformed) {
    it(`malformed ${name}: error with file and position, exit 1, nothing written`, async () => {
      const file = path.join(dir, name);
      await writeFile(file, text);
      const out = path.join(dir, `out-${name}`);
      const { code, stderr } = run(file, '--out', out);
      expect(code).toBe(1);
      expect(stderr).toMatch(message);
      expect(stderr).toContain('nothing written');
      expect(existsSync(out)).toBe(false);
    });
  }
});
