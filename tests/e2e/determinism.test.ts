/**
 * The same content builds to the same bytes: two clean builds of `content/` into fresh folders, with the same
 * environment, give identical trees (file list and sha256 of every file, Pagefind's index included), and the
 * graph compiler writes identical artefacts. A difference means a timestamp, a random id or an unstable order
 * crept in; the failure names the first file that differs and where.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, ROOT } from './support.ts';



const temp: string[] = [];
/**
 * Build folders go inside the project: Astro puts a build's server chunks in <cwd>/.astro when the out dir is
 * outside the working directory, where a concurrent build would overwrite them.
 */
const tempDir = (prefix: string, parent = path.join(ROOT, '.cache')) => {
  mkdirSync(parent, { recursive: true });
  const dir = mkdtempSync(path.join(parent, prefix));
  temp.push(dir);
  return dir;
};

/** Every file below `dir`, relative and with forward slashes, sorted. */
function files(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(path.relative(dir, full).split(path.sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Where two buffers first differ, with some text around it from each. */
function firstDifference(a: Buffer, b: Buffer): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const around = (buf: Buffer) => JSON.stringify(buf.subarray(Math.max(0, i - 80), i + 80).toString('utf8'));
  return `sizes ${a.length} and ${b.length}, first difference at byte ${i}:\n  first:  ${around(a)}\n  second: ${around(b)}`;
}

/** Compare two built trees; returns a description of the first difference, or undefined. */
function compareTrees(a: string, b: string): string | undefined {
  const listA = files(a);
  const listB = files(b);
  const onlyA = listA.filter((f) => !listB.includes(f));
  const onlyB = listB.filter((f) => !listA.includes(f));
  if (onlyA.length || onlyB.length) {
    return `the builds have different files (hashed names differ when content does):\n  only in the first: ${onlyA.slice(0, 10).join(', ') || '-'}\n  only in the second: ${onlyB.slice(0, 10).join(', ') || '-'}`;
  }
  const differing = listA.filter((f) => sha256(path.join(a, f)) !== sha256(path.join(b, f)));
  if (differing.length === 0) return undefined;
  const first = differing[0];
  return `${differing.length} file(s) differ, first ${first}: ${firstDifference(readFileSync(path.join(a, first)), readFileSync(path.join(b, first)))}\n  all: ${differing.slice(0, 20).join(', ')}`;
}

afterAll(() => {
  for (const dir of temp) rmSync(dir, { recursive: true, force: true });
});

describe('site build is deterministic', () => {
  let first = '';
  let second = '';
  beforeAll(() => {
    for (const dir of [tempDir('argmap-det-a-'), tempDir('argmap-det-b-')]) {
      const build = buildSite({ outDir: dir });
      if (build.status !== 0) throw new Error(`build into ${dir} failed:\n${build.output.slice(-4000)}`);
      if (!first) first = dir;
      else second = dir;
    }
  }, 600_000);

  it('two clean builds of content/ are byte-identical', () => {
    expect(files(first).length).toBeGreaterThan(10);
    expect(compareTrees(first, second)).toBeUndefined();
  });
});

describe('graph artefact is deterministic', () => {
  it('`scripts/build-graph.ts --out` twice writes identical bytes', () => {
    const dir = tempDir('argmap-det-graph-', os.tmpdir());
    const outputs = ['a.json', 'b.json'].map((name) => {
      const out = path.join(dir, name);
      const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build-graph.ts'), '--out', out], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CONTENT_ROOT: undefined } });
      expect(run.status, run.stderr).toBe(0);
      return readFileSync(out);
    });
    expect(outputs[0].length).toBeGreaterThan(100);
    const same = outputs[0].equals(outputs[1]);
    expect(same, same ? '' : firstDifference(outputs[0], outputs[1])).toBe(true);
  });
});
