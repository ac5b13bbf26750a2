/**
 * `npm run graph` runs the graph CLI compiled into one file (scripts/graph-bundle.mjs): it must do exactly what the
 * TypeScript source does, and never run a bundle built from other code than the checkout's.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './support.ts';

const BUNDLE_DIR = path.join(ROOT, 'node_modules/.graph-cli');
const dir = mkdtempSync(path.join(os.tmpdir(), 'argmap-graph-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Run a script on the site's content; returns its exit status, its report without the timings line, and the JSON. */
function run(script: string, name: string) {
  const out = path.join(dir, `${name}.json`);
  const result = spawnSync(process.execPath, [path.join(ROOT, script), '--out', out], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CONTENT_ROOT: undefined } });
  return { status: result.status, stderr: result.stderr, report: result.stdout.replace(/^ {2}load .* ms$/m, '').replaceAll(out, 'OUT'), json: result.status === 0 ? readFileSync(out, 'utf8') : '' };
}

const recorded = () => JSON.parse(readFileSync(path.join(BUNDLE_DIR, 'sources.json'), 'utf8')) as Record<string, string>;
const digest = (file: string) => createHash('sha256').update(readFileSync(path.join(ROOT, file))).digest('hex');

describe('npm run graph', () => {
  it('writes the same graph and prints the same report as the TypeScript source', () => {
    const source = run('scripts/build-graph.ts', 'source');
    const bundled = run('scripts/graph.mjs', 'bundled');
    expect(source.status, source.stderr).toBe(0);
    expect(bundled.status, bundled.stderr).toBe(0);
    expect(bundled.report).toContain('/rowley-speech/');
    expect(bundled.report).toBe(source.report);
    expect(bundled.json).toBe(source.json);
  });

  it('builds the bundle again when a file it was built from has changed, instead of running the old one', () => {
    // A bundle from other code: it would exit 3, and its record says layout.ts had other bytes.
    mkdirSync(BUNDLE_DIR, { recursive: true });
    writeFileSync(path.join(BUNDLE_DIR, 'graph.mjs'), 'console.log("stale bundle"); process.exit(3);\n');
    writeFileSync(path.join(BUNDLE_DIR, 'sources.json'), JSON.stringify({ 'src/graph/layout.ts': '0'.repeat(64) }));

    const rebuilt = run('scripts/graph.mjs', 'rebuilt');
    expect(rebuilt.status, rebuilt.stderr).toBe(0);
    expect(rebuilt.report).not.toContain('stale bundle');
    expect(rebuilt.json).toBe(run('scripts/build-graph.ts', 'reference').json);
    // The new record names the code as it is now, the lock file included.
    const sources = recorded();
    expect(Object.keys(sources)).toEqual(expect.arrayContaining(['scripts/build-graph.ts', 'src/graph/layout.ts', 'src/graph/load.ts', 'package-lock.json']));
    for (const [file, sha] of Object.entries(sources)) expect(sha, file).toBe(digest(file));
  });
});
