/**
 * Deep graphs never overflow the stack: a 10,000-step support chain imports (Argdown, AIF, Kialo links), validates
 * and compiles, and a 10,000-claim support cycle is reported (validation) or broken (import) with a short message.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closingEdges } from '../../src/graph/cycles.ts';
import { compileSite } from '../../src/graph/index.ts';
import { importAif } from '../../src/graph/import/aif.ts';
import { importArgdown } from '../../src/graph/import/argdown.ts';
import { importKialo } from '../../src/graph/import/kialo.ts';
import { pageFile, renderPage } from '../../src/graph/import/write.ts';
import type { ImportResult } from '../../src/graph/import/types.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const STEPS = 10_000;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'deep-chain-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A content root holding one page of `STEPS` claims, each supporting the next (and the last the first if `cycle`). */
async function chainSite(name: string, cycle: boolean): Promise<string> {
  const root = path.join(dir, name);
  await mkdir(path.join(root, 'docs'), { recursive: true });
  await writeFile(path.join(root, 'actors.yaml'), '[]\n');
  await writeFile(path.join(root, 'sources.yaml'), '[]\n');
  const claims = Array.from({ length: STEPS }, (_, i) => {
    const next = i + 1 < STEPS ? i + 1 : cycle ? 0 : undefined;
    return `  - id: c${i}\n    kind: claim\n    text: Step ${i}.\n${next === undefined ? '' : `    supports: [c${next}]\n`}`;
  });
  await writeFile(path.join(root, 'docs', 'index.mdx'), `---\ntitle: Chain\nclaims:\n${claims.join('')}---\n\nA chain.\n`);
  return root;
}

/** Compile an import's pages alone in a content root. */
async function compileImport(result: ImportResult, name: string) {
  const root = path.join(dir, `import-${name}`);
  await mkdir(path.join(root, 'docs'), { recursive: true });
  await writeFile(path.join(root, 'actors.yaml'), '[]\n');
  await writeFile(path.join(root, 'sources.yaml'), '[]\n');
  for (const page of result.pages) await writeFile(path.join(root, 'docs', pageFile(page)), renderPage(page));
  return compileSite({ contentRoot: root, layout: false });
}

const supportsCount = (result: ImportResult) => result.report.relationsByKind.supports;

describe(`a ${STEPS.toLocaleString('en')}-step support chain`, { timeout: 120_000 }, () => {
  it('validates and compiles', async () => {
    const result = await compileSite({ contentRoot: await chainSite('chain', false), layout: false });
    expect(result.ok && result.graph.edges.length).toBe(STEPS - 1);
  });

  it('as a cycle, is one short support-cycle error, not a stack overflow', async () => {
    const result = await compileSite({ contentRoot: await chainSite('cycle', true), layout: false });
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.code, d.claim])).toEqual([['support-cycle', 'c0']]);
    expect(errors[0].message).toMatch(/^supports go round in a circle: `c0` → `c1` → .* … 9989 more … → .*`c9999` → `c0`$/);
  });

  it('`npm run graph -- --check` passes on it', async () => {
    const root = await chainSite('cli', false);
    const run = spawnSync(process.execPath, ['scripts/build-graph.ts', '--check'], { cwd: ROOT, env: { ...process.env, CONTENT_ROOT: root }, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`${STEPS} claims`);
  });

  it('imports from Argdown, and the import compiles', async () => {
    const text = Array.from({ length: STEPS }, (_, i) => `[s${i}]: Step ${i}.\n  +> [s${i + 1}]\n`).join('\n');
    const result = importArgdown(text, { name: 'deep', file: 'chain.argdown' });
    expect(supportsCount(result)).toBe(STEPS);
    const compiled = await compileImport(result, 'argdown');
    expect(compiled.ok && compiled.graph.nodes.length).toBe(STEPS + 1);
  });

  it('imports from AIF, and a closing support is dropped from a cycle of that length', async () => {
    const nodes = Array.from({ length: STEPS }, (_, i) => [
      { nodeID: `${i}`, type: 'I', text: `Step ${i}.` },
      { nodeID: `ra${i}`, type: 'RA', text: 'Default Inference' },
    ]).flat();
    const edges = Array.from({ length: STEPS }, (_, i) => [
      { edgeID: `${i}a`, fromID: `${i}`, toID: `ra${i}` },
      { edgeID: `${i}b`, fromID: `ra${i}`, toID: `${(i + 1) % STEPS}` },
    ]).flat();
    const result = importAif(JSON.stringify({ nodes, edges }), { name: 'deep', file: 'chain.json' });
    expect(supportsCount(result)).toBe(STEPS - 1);
    expect(result.report.skipped.map((s) => s.why)).toEqual([expect.stringMatching(/^it closes a cycle of supports \(`deep-step-0` → .* … 9989 more … → .*`deep-step-0`\)/)]);
    const compiled = await compileImport(result, 'aif');
    expect(compiled.ok && compiled.graph.edges.length).toBe(STEPS - 1);
  });

  it('follows a chain of Kialo links that long', () => {
    // 1.1. links to 1.2., which links to 1.3., …; the last is a real claim, and the first is a Pro of the thesis.
    const lines = ['Discussion Title: Links', '', '1. Thesis.'];
    for (let i = 1; i < STEPS; i++) lines.push(`1.${i}. Pro: -> See 1.${i + 1}.`);
    lines.push(`1.${STEPS}. Pro: The end of the chain.`);
    const result = importKialo(lines.join('\n'), { name: 'deep', file: 'links.txt' });
    // Every link line resolves to the one real claim, which supports the thesis once (duplicates merge).
    expect(result.report.claimsByKind).toEqual({ question: 1, claim: 2 });
    expect(supportsCount(result)).toBe(1);
  });

  it('the cycle search itself walks a 200,000-node path', () => {
    const n = 200_000;
    const found = closingEdges(Array.from({ length: n }, (_, i) => `${i}`), (id) => [`${(Number(id) + 1) % n}`], (to) => to);
    expect(found).toHaveLength(1);
    expect(found[0].cycle).toHaveLength(n + 1);
  });
});
