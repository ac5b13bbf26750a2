/**
 * Every external test file (Argdown, AIF, Kialo) imported with `npm run import` into ONE copy of the site content,
 * then ONE `astro build` of it: the build succeeds, each import has its page, and the exports carry the imported claims.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, exportPath } from '../../src/graph/export/formats.ts';
import { buildSite, ROOT, type BuildResult } from './support.ts';

const TESTDATA = path.resolve(import.meta.dirname, '../fixtures/external');
const FILES = [
  ...readdirSync(path.join(TESTDATA, 'argdown/src')).filter((f) => f.endsWith('.argdown')).map((f) => `argdown/src/${f}`),
  ...readdirSync(path.join(TESTDATA, 'aif')).filter((f) => f.endsWith('.json')).map((f) => `aif/${f}`),
  ...readdirSync(path.join(TESTDATA, 'kialo')).filter((f) => f.endsWith('.txt')).map((f) => `kialo/${f}`),
].sort();
/** The import name `npm run import` derives from a file name. */
const nameOf = (file: string) => path.basename(file).replace(/\.[^.]+$/, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

let dir: string;
let build: BuildResult;
const imports: { file: string; status: number | null; output: string }[] = [];

beforeAll(async () => {
  // Inside the project (tmp/ is git-ignored): content pages import packages, which resolve from node_modules only there.
  await mkdir(path.join(ROOT, 'tmp'), { recursive: true });
  dir = await mkdtemp(path.join(ROOT, 'tmp', 'import-build-'));
  const content = path.join(dir, 'content');
  await cp(path.join(ROOT, 'content'), content, { recursive: true });
  for (const file of FILES) {
    const run = spawnSync(process.execPath, ['scripts/import.ts', path.join(TESTDATA, file), '--content', content], { cwd: ROOT, encoding: 'utf8' });
    imports.push({ file, status: run.status, output: `${run.stdout}\n${run.stderr}` });
  }
  build = buildSite({ contentRoot: content, outDir: path.join(dir, 'dist') });
}, 1_500_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('importing every test file into one site and building it', () => {
  it('has all 13 test files', () => expect(FILES).toHaveLength(13));

  it('every import validates against the site content plus the imports before it', () => {
    for (const i of imports) expect(i.status, `${i.file}\n${i.output}`).toBe(0);
  });

  it('astro build succeeds', () => {
    expect(build.status, build.output.slice(-4000)).toBe(0);
  });

  it('has a page per import', () => {
    for (const file of FILES) {
      expect(existsSync(path.join(build.outDir, 'imported', nameOf(file), 'index.html')), file).toBe(true);
    }
  });

  it('serves the exports, with the imported claims in them', async () => {
    const graph = JSON.parse(await readFile(path.join(build.outDir, 'graph.json'), 'utf8')) as { nodes: { id: string }[] };
    for (const file of FILES) expect(graph.nodes.some((n) => n.id.startsWith(`${nameOf(file)}-`)), file).toBe(true);
    for (const format of EXPORT_FORMATS.filter((f) => f.atRoot)) {
      expect(await readFile(path.join(build.outDir, format.file), 'utf8'), format.file).toBe(await readFile(path.join(build.outDir, exportPath(format)), 'utf8'));
    }
  });

  it('every served export is the one `npm run export` prints for the same content', async () => {
    for (const format of EXPORT_FORMATS) {
      const run = spawnSync(process.execPath, ['scripts/export.ts', '--format', format.id, '--content', path.join(dir, 'content')], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout, format.file).toBe(await readFile(path.join(build.outDir, exportPath(format)), 'utf8'));
    }
  }, 300_000);
});
