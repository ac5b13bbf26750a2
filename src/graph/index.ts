/**
 * The graph compiler's front door: read a content folder, then load → validate → compile → layout.
 * The only module in src/graph that touches the file system.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { compileGraph } from './compile.ts';
import { decodeText, printable } from './decode.ts';
import { sortDiagnostics } from './diagnostics.ts';
import { loadActors, loadPage, loadSources, type LoadedPage, type TextFile } from './load.ts';
import { siteLayout } from './site-layout.ts';
import type { CompiledGraph, Diagnostic } from './types.ts';
import { validateSite } from './validate.ts';

export { formatDiagnostic, ContentError } from './diagnostics.ts';

export interface CompileOptions {
  /** Folder holding `docs/`, `actors.yaml`, `sources.yaml` and `sources/`. */
  contentRoot: string;
  /** Paths in messages are relative to this folder. Defaults to the working directory. */
  cwd?: string;
  /** Skip the layout (validation only). */
  layout?: boolean;
  /**
   * Pages to check as if they were in `docs/` (path below it → MDX text), replacing a file at the same path, and
   * paths to leave out (`null`). `npm run import` validates its pages this way before writing anything.
   */
  overlay?: Record<string, string | null>;
  /** Reuse what unchanged files gave last time (see `CompileCache`). */
  cache?: CompileCache;
}

/**
 * What a compile remembers for the next one (the dev server recompiles on every save): each file's text and
 * what loading it gave, so an edit re-parses only the file that changed. Validation and compilation still see
 * the whole site, so results are the same as a fresh compile.
 */
export type CompileCache = Map<string, { text: string; loaded: unknown }>;

const EMPTY_LAYOUT: CompiledGraph['layout'] = { boxes: {}, refs: {}, drawnFrom: {}, drawnTo: {}, routes: {}, anchors: {}, bounds: { x: 0, y: 0, width: 0, height: 0 } };

export interface Timings {
  load: number;
  validate: number;
  compile: number;
  layout: number;
}

export type CompileResult =
  | { ok: true; graph: CompiledGraph; timings: Timings }
  | { ok: false; diagnostics: Diagnostic[]; timings: Timings };

/** Every .md/.mdx file below `dir`, relative to it, in a stable order. */
function listDocs(dir: string): string[] {
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && /\.mdx?$/i.test(e.name) && !e.name.startsWith('_'))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

export async function compileSite(options: CompileOptions): Promise<CompileResult> {
  const cwd = options.cwd ?? process.cwd();
  const root = path.resolve(cwd, options.contentRoot);
  const rel = (p: string) => path.relative(cwd, p).split(path.sep).join('/') || '.';
  const timings: Timings = { load: 0, validate: 0, compile: 0, layout: 0 };
  let t = performance.now();
  const lap = (key: keyof Timings) => {
    const now = performance.now();
    timings[key] = Math.round(now - t);
    t = now;
  };

  const diagnostics: Diagnostic[] = [];
  const missing = (file: string): Diagnostic => ({ severity: 'error', code: 'missing-file', file: rel(file), line: 1, message: `${rel(file)} does not exist or cannot be read`, hint: `A content folder holds actors.yaml, sources.yaml and docs/; check the path (${rel(root)}).` });
  /**
   * A file's text, or undefined once it is reported: missing (`onMissing`), or not UTF-8 (nor UTF-16 with a
   * byte-order mark). Read synchronously: a few small files, and in the dev server the compile then runs in one go
   * instead of interleaving with the other work a save sets off.
   */
  const read = (file: string, onMissing: () => Diagnostic = () => missing(file)): string | undefined => {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      return void diagnostics.push(onMissing());
    }
    const decoded = decodeText(bytes);
    if (decoded.ok) return decoded.text;
    const { line, message, hint } = decoded.problem;
    diagnostics.push({ severity: 'error', code: 'encoding', file: rel(file), line, message: printable(message), hint });
  };
  const registry = (name: string) => {
    const file = path.join(root, name);
    return { file: rel(file), text: read(file) ?? '' };
  };
  const seen = new Set<string>();
  /** `load(file)`, or what it gave last time for the same text. */
  const cached = <T>(file: TextFile, load: (file: TextFile) => T): T => {
    seen.add(file.file);
    const hit = options.cache?.get(file.file);
    if (hit?.text === file.text) return hit.loaded as T;
    const loaded = load(file);
    options.cache?.set(file.file, { text: file.text, loaded });
    return loaded;
  };
  const actorsFile = registry('actors.yaml');
  const sourcesFile = registry('sources.yaml');
  const actors = cached(actorsFile, loadActors);
  const sources = cached(sourcesFile, loadSources);
  diagnostics.push(...actors.diagnostics, ...sources.diagnostics);

  const docsDir = path.join(root, 'docs');
  const pages: LoadedPage[] = [];
  const overlay = options.overlay ?? {};
  let onDisk: string[] = [];
  try {
    onDisk = listDocs(docsDir);
  } catch {
    diagnostics.push(missing(docsDir));
  }
  const docPaths = [...new Set([...onDisk, ...Object.keys(overlay).filter((p) => overlay[p] !== null)])].sort();
  for (const docPath of docPaths) {
    const file = path.join(docsDir, docPath);
    // A page laid over the folder replaces the file at its path; `null` leaves the file out.
    const text = docPath in overlay ? overlay[docPath] : read(file);
    if (text === undefined || text === null) continue;
    const loaded = cached({ file: rel(file), text }, (page) => loadPage(page, docPath));
    diagnostics.push(...loaded.diagnostics);
    if (loaded.value) pages.push(loaded.value);
  }

  const sourceTexts: Record<string, string> = {};
  for (const source of sources.value.items) {
    if (!source.text) continue;
    const file = path.join(root, source.text);
    const text = read(file, () => ({ severity: 'error', code: 'missing-source-text', file: sourcesFile.file, line: sources.value.lines[source.id] ?? 1, message: `source \`${source.id}\` names text file \`${source.text}\`, which does not exist`, hint: `Put the text at ${rel(file)}, or remove \`text:\`.` }));
    if (text !== undefined) sourceTexts[source.id] = text;
  }
  // Forget deleted files.
  for (const file of options.cache?.keys() ?? []) if (!seen.has(file)) options.cache!.delete(file);
  lap('load');

  // A file that could not be read leaves its claims undeclared, so checking references now would bury its one
  // error under an "unknown claim" for every mention of them elsewhere: report the load errors alone first.
  if (diagnostics.some((d) => d.severity === 'error')) return { ok: false, diagnostics: sortDiagnostics(diagnostics), timings };
  diagnostics.push(
    ...validateSite({
      pages,
      actors: { ...actors.value, file: actorsFile.file },
      sources: { ...sources.value, file: sourcesFile.file },
      sourceTexts,
    }),
  );
  lap('validate');
  const sorted = sortDiagnostics(diagnostics);
  if (sorted.some((d) => d.severity === 'error')) return { ok: false, diagnostics: sorted, timings };

  const compiled = compileGraph(pages, actors.value.items, sources.value.items);
  lap('compile');
  const layout = options.layout === false ? EMPTY_LAYOUT : siteLayout(compiled);
  lap('layout');
  return { ok: true, graph: { ...compiled, layout, diagnostics: sorted }, timings };
}
