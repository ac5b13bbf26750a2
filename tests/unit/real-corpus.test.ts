/**
 * The real-world corpus (`tests/fixtures/real/`, see its PROVENANCE.md) through `npm run import` (its command, run
 * in this process; `import-cli.test.ts` runs the script itself): every file reads as
 * its own format's tool reads it (the counts in `expected.json`), imports with exactly the recorded claims, relations
 * and report, and agrees with the tool's counts; every file that is not standard is refused with its position and
 * nothing is written.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../scripts/lib/import-command.ts';
import { parseImportReport, toolCounts, type AifCounts, type ArgdownCounts, type Format, type KialoCounts } from './real-corpus-counts.ts';
import { minimalContent } from './import-support.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const REAL = path.join(ROOT, 'tests/fixtures/real');

interface Expected {
  format: Format;
  args?: string[];
  tool: ArgdownCounts | AifCounts | KialoCounts;
  import?: ReturnType<typeof parseImportReport>;
  error?: { position: string; message: string };
}

const expected = JSON.parse(readFileSync(path.join(REAL, 'expected.json'), 'utf8')) as Record<string, Expected>;
const provenance = readFileSync(path.join(REAL, 'PROVENANCE.md'), 'utf8');
const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

let dir: string;
let content: string;
beforeAll(async () => {
  ({ dir, content } = await minimalContent('real-corpus-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the real-world corpus', () => {
  const onDisk = (['argdown', 'aif', 'kialo'] as const).flatMap((f) => readdirSync(path.join(REAL, f)).map((name) => `${f}/${name}`)).sort();

  it('has at least 20 files from at least 8 repositories, each recorded in expected.json and PROVENANCE.md', () => {
    expect(onDisk.length).toBeGreaterThanOrEqual(20);
    expect(Object.keys(expected).sort()).toEqual(onDisk);
    const rows = provenance.split('\n').filter((l) => /^\| `[a-z]+\//.test(l));
    expect(rows.map((r) => /^\| `([^`]+)`/.exec(r)![1]).sort()).toEqual(onDisk);
    const repos = new Set(rows.map((r) => /\| `([\w.-]+\/[\w.-]+)` @ `[0-9a-f]{12}`/.exec(r)?.[1]));
    expect(repos.has(undefined)).toBe(false);
    expect(repos.size).toBeGreaterThanOrEqual(8);
  });

  it('includes files that are not standard, in every format', () => {
    for (const format of ['argdown', 'aif', 'kialo']) {
      expect(Object.values(expected).some((e) => e.format === format && e.error), format).toBe(true);
    }
  });

  for (const [file, want] of Object.entries(expected)) {
    it(`${file}: ${want.error ? `refused at ${want.error.position}, nothing written` : 'imports as its own tool reads it'}`, { timeout: 60_000 }, async () => {
      const text = readFileSync(path.join(REAL, file), 'utf8');
      const tool = toolCounts(want.format, text);
      expect(tool, 'what the format’s own tool reads').toEqual(want.tool);

      const out = path.join(dir, 'out', file);
      const run = { status: 0, stdout: '', stderr: '' };
      const io = { out: (l: string) => void (run.stdout += `${l}\n`), err: (l: string) => void (run.stderr += `${l}\n`) };
      run.status = await runImport([path.join(REAL, file), ...(want.args ?? []), '--content', content, '--out', out], io);
      if (want.error) {
        expect(run.status, run.stdout).toBe(1);
        expect(run.stderr.split('\n')[0]).toBe(`✗ ${path.join(REAL, file)}:${want.error.position}: ${want.error.message}`);
        expect(run.stderr).toContain('nothing written');
        expect(existsSync(out)).toBe(false);
        // Argdown's own parser stops where the import does.
        if (want.format === 'argdown') expect(want.error.position).toBe((tool as ArgdownCounts).firstError);
        return;
      }
      expect(run.status, run.stderr).toBe(0);
      const report = parseImportReport(run.stdout);
      expect(report).toEqual(want.import);
      expect(readdirSync(out)).toEqual(['index.mdx']);

      const claims = sum(report.claims);
      if (want.format === 'argdown') {
        const t = tool as ArgdownCounts;
        expect(t.errors).toBe(0);
        expect(claims).toBe(t.statements + t.arguments - (report.notImported['arguments read as inferences'] ?? 0));
      } else if (want.format === 'aif') {
        expect(claims).toBe((tool as AifCounts).nodes.I);
        expect(report.notImported['edges between two I-nodes'] ?? 0).toBe((tool as AifCounts).directEdges);
      } else {
        const t = tool as KialoCounts;
        expect(report.claims).toEqual({ question: 1, claim: t.claims - t.links });
        expect(report.relations).toEqual({ supports: t.pro, attacks: t.con });
      }
    });
  }
});
