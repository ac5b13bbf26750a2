/**
 * Bad content stops both gates before anything is written: `node scripts/build-graph.ts --check`
 * (the graph half of `npm run check`) for every case in tests/fixtures/bad, and `astro build` (the
 * `npm run build` path) for a representative handful, since each build takes several seconds.
 * The exact diagnostic of every case is pinned in tests/unit/validate.test.ts; here the expected
 * diagnostics come from compileSite in-process and must show up in each tool's output.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileSite, formatDiagnostic } from '../../src/graph/index.ts';
import type { Diagnostic } from '../../src/graph/types.ts';
import { buildSite, ROOT } from './support.ts';

const BAD = 'tests/fixtures/bad';
const CASES = readdirSync(path.join(ROOT, BAD), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

/** The cases also pushed through a full `astro build`. */
const BUILD_CASES = [
  'unknown-relation-target',
  'duplicate-id-two-files',
  'quote-not-in-source',
  'missing-required-field',
  'unknown-kind',
  'support-cycle',
  'malformed-yaml',
  'non-http-url',
];

const tempDirs: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'argmap-bad-'));
  tempDirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

interface Run {
  status: number | null;
  output: string;
}

/** `node scripts/build-graph.ts …` from the project root. */
function buildGraph(...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [path.join(ROOT, 'scripts/build-graph.ts'), ...args], { cwd: ROOT, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') reject(error);
      else resolve({ status: error ? (error.code as number) : 0, output: `${stdout}\n${stderr}` });
    });
  });
}

/** Run `jobs` with at most one per core at a time (each is a separate Node process). */
async function pool<T>(jobs: (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, os.availableParallelism()) }, worker));
  return results;
}

/** What compileSite says about a content root (paths relative to the project root, as the tools print them). */
async function expectedErrors(dir: string): Promise<Diagnostic[]> {
  const result = await compileSite({ contentRoot: dir, cwd: ROOT, layout: false });
  expect(result.ok, `${dir} should not compile`).toBe(false);
  const errors = result.ok ? [] : result.diagnostics.filter((d) => d.severity === 'error');
  expect(errors.length).toBeGreaterThan(0);
  return errors;
}

/** The output names the place, the claim and the problem of every error. */
function expectReported(output: string, errors: Diagnostic[]) {
  for (const d of errors) {
    expect(output).toContain(`${d.file}:${d.line}`);
    if (d.claim) expect(output).toContain(`[${d.claim}]`);
    expect(output).toContain(d.message);
    expect(output).toContain(formatDiagnostic(d));
  }
}

it('the catalogue holds every case the build is tried on', () => {
  expect(CASES.length).toBeGreaterThanOrEqual(21);
  for (const name of BUILD_CASES) expect(CASES).toContain(name);
});

/** Every case's `--check` run, made up front on all cores; the tests below read the results. */
const checkRuns = new Map<string, Run>();
beforeAll(async () => {
  const runs = await pool(CASES.map((name) => () => buildGraph('--check', '--content', `${BAD}/${name}`)));
  CASES.forEach((name, i) => checkRuns.set(name, runs[i]));
});

describe.each(CASES)('build-graph --check: %s', (name) => {
  const dir = `${BAD}/${name}`;

  it('exits non-zero and prints file:line, the claim and the message', async () => {
    const errors = await expectedErrors(dir);
    const { status, output } = checkRuns.get(name)!;
    expect(status).toBe(1);
    expectReported(output, errors);
    expect(output).toContain(`error${errors.length === 1 ? '' : 's'} in ${dir}: nothing was written.`);
    expect(output).not.toContain('✓');
  });
});

describe.each(BUILD_CASES)('astro build: %s', (name) => {
  const dir = `${BAD}/${name}`;

  it('fails before writing anything and reports the error', async () => {
    const errors = await expectedErrors(dir);
    const outDir = freshDir();
    const { status, output } = buildSite({ contentRoot: dir, outDir });
    expect(status).not.toBe(0);
    expectReported(output, errors);
    expect(output).toContain(`${errors.length} content error`);
    expect(readdirSync(outDir)).toEqual([]);
  });

  it('npm run graph (without --check) writes no graph.json either', async () => {
    const outDir = freshDir();
    const { status } = await buildGraph('--content', dir, '--out', path.join(outDir, 'graph.json'));
    expect(status).toBe(1);
    expect(readdirSync(outDir)).toEqual([]);
  });
});

describe('warnings only', () => {
  const dir = 'tests/fixtures/warnings';

  it('build-graph --check exits 0 and prints both warnings', async () => {
    const result = await compileSite({ contentRoot: dir, cwd: ROOT, layout: false });
    expect(result.ok).toBe(true);
    const warnings = result.ok ? result.graph.diagnostics : [];
    expect(warnings.map((d) => [d.code, d.severity])).toEqual([
      ['long-label', 'warning'],
      ['orphan-claim', 'warning'],
    ]);
    const { status, output } = await buildGraph('--check', '--content', dir);
    expect(status).toBe(0);
    for (const d of warnings) expect(output).toContain(formatDiagnostic(d));
    expect(output).toContain(`${dir}/docs/index.mdx:11 [more-access] warning: the map label is`);
    expect(output).toContain(`${dir}/docs/index.mdx:22 [lonely] warning: the claim has no relations`);
    expect(output).toContain('2 warnings');
    expect(output).not.toContain('error');
  });

  it('typographic differences in quotes pass the check', async () => {
    const { status, output } = await buildGraph('--check', '--content', 'tests/fixtures/valid-curly');
    expect(status).toBe(0);
    expect(output).toContain('0 warnings');
  });
});
