/**
 * The graph CLI (`scripts/build-graph.ts`) compiled into one JavaScript file for `npm run graph`. Node strips
 * TypeScript with a WebAssembly compiler that takes about 120 ms to start in every process, and the CLI's 120 modules
 * take about as long again to find and load one by one; a single compiled file skips both, as Argdown's own
 * compiled CLI does. It is built from the code alone, never from the content: on `npm install` (the `prepare`
 * script runs this file) and again by `scripts/graph.mjs` whenever a file it was built from, or the lock file, has
 * changed, so it never runs code other than the checkout's. Plain JavaScript, so that starting it strips no types.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(import.meta.dirname, '..');
export const SOURCE = path.join(ROOT, 'scripts/build-graph.ts');
const DIR = path.join(ROOT, 'node_modules/.graph-cli');
export const BUNDLE = path.join(DIR, 'graph.mjs');
/** The project files the bundle was built from, and the lock file, each with the SHA-256 of its bytes. */
const SOURCES = path.join(DIR, 'sources.json');

const digest = (file) => createHash('sha256').update(readFileSync(path.join(ROOT, file))).digest('hex');

/** Whether the bundle exists and was built from the files as they are now. */
export function bundleIsCurrent() {
  try {
    return Object.entries(JSON.parse(readFileSync(SOURCES, 'utf8'))).every(([file, sha]) => digest(file) === sha);
  } catch {
    return false;
  }
}

/** Write `text` to `file` through a temporary file, so a process starting meanwhile reads the old file or the new one. */
function writeAtomically(file, text) {
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, text);
  renameSync(partial, file);
}

/** Build the bundle and record what it was built from. Throws when it cannot be built (no rolldown, a syntax error). */
export async function compileBundle() {
  const { rolldown } = await import('rolldown');
  const bundle = await rolldown({ input: SOURCE, platform: 'node', logLevel: 'silent' });
  try {
    const { output } = await bundle.generate({ format: 'esm' });
    const [chunk] = output;
    const files = chunk.moduleIds
      .filter((id) => id.startsWith(ROOT + path.sep) && !id.includes(`${path.sep}node_modules${path.sep}`))
      .map((id) => path.relative(ROOT, id).split(path.sep).join('/'));
    const sources = Object.fromEntries([...files, 'package-lock.json'].sort().map((file) => [file, digest(file)]));
    mkdirSync(DIR, { recursive: true });
    writeAtomically(BUNDLE, chunk.code);
    writeAtomically(SOURCES, `${JSON.stringify(sources, null, 2)}\n`);
  } finally {
    await bundle.close();
  }
}

// `node scripts/graph-bundle.mjs` (npm's `prepare`): build it, and never fail an install over it.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    await compileBundle();
  } catch (error) {
    console.warn(`The graph CLI was not compiled (npm run graph runs its TypeScript source instead): ${error.message}`);
  }
}
