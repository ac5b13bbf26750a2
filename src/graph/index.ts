/**
 * The graph compiler's front door: read a content folder, then load → validate → compile → layout.
 * The only module in src/graph that touches the file system.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { compileGraph } from './compile.ts';
import { decodeText, printable } from './decode.ts';
import { sortDiagnostics } from './diagnostics.ts';
import { layoutMap } from './layout.ts';
import { loadActors, loadPage, loadSources, type LoadedPage } from './load.ts';
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
}

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
async function listDocs(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
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
  /** A file's text, or undefined once it is reported: missing (`onMissing`), or not UTF-8 (nor UTF-16 with a byte-order mark). */
  const read = async (file: string, onMissing: () => Diagnostic = () => missing(file)): Promise<string | undefined> => {
    const bytes = await readFile(file).catch(() => undefined);
    if (!bytes) return void diagnostics.push(onMissing());
    const decoded = decodeText(bytes);
    if (decoded.ok) return decoded.text;
    const { line, message, hint } = decoded.problem;
    diagnostics.push({ severity: 'error', code: 'encoding', file: rel(file), line, message: printable(message), hint });
  };
  const registry = async (name: string) => {
    const file = path.join(root, name);
    return { file: rel(file), text: (await read(file)) ?? '' };
  };
  const actorsFile = await registry('actors.yaml');
  const sourcesFile = await registry('sources.yaml');
  const actors = loadActors(actorsFile);
  const sources = loadSources(sourcesFile);
  diagnostics.push(...actors.diagnostics, ...sources.diagnostics);

  const docsDir = path.join(root, 'docs');
  const pages: LoadedPage[] = [];
  const overlay = options.overlay ?? {};
  const onDisk = await listDocs(docsDir).catch((): string[] => {
    diagnostics.push(missing(docsDir));
    return [];
  });
  const docPaths = [...new Set([...onDisk, ...Object.keys(overlay).filter((p) => overlay[p] !== null)])].sort();
  for (const docPath of docPaths) {
    const file = path.join(docsDir, docPath);
    // A page laid over the folder replaces the file at its path; `null` leaves the file out.
    const text = docPath in overlay ? overlay[docPath] : await read(file);
    if (text === undefined || text === null) continue;
    const loaded = loadPage({ file: rel(file), text }, docPath);
    diagnostics.push(...loaded.diagnostics);
    if (loaded.value) pages.push(loaded.value);
  }

  const sourceTexts: Record<string, string> = {};
  for (const source of sources.value.items) {
    if (!source.text) continue;
    const file = path.join(root, source.text);
    const text = await read(file, () => ({ severity: 'error', code: 'missing-source-text', file: sourcesFile.file, line: sources.value.lines[source.id] ?? 1, message: `source \`${source.id}\` names text file \`${source.text}\`, which does not exist`, hint: `Put the text at ${rel(file)}, or remove \`text:\`.` }));
    if (text !== undefined) sourceTexts[source.id] = text;
  }
  lap('load');

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
  const layout = options.layout === false ? EMPTY_LAYOUT : layoutMap(compiled.nodes, compiled.edges);
  lap('layout');
  return { ok: true, graph: { ...compiled, layout, diagnostics: sorted }, timings };
}
