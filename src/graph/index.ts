/**
 * The graph compiler's front door: read a content folder, then load → validate → compile → layout.
 * The only module in src/graph that touches the file system.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { compileGraph } from './compile.ts';
import { decodeText, printable } from './decode.ts';
import { sortDiagnostics } from './diagnostics.ts';
import { layoutGraph } from './layout.ts';
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
  /** A file's text; a file that is not UTF-8 (or UTF-16 with a byte-order mark) is reported and read as empty. */
  const read = async (file: string) => {
    const decoded = decodeText(await readFile(file));
    if (decoded.ok) return { file: rel(file), text: decoded.text };
    const { line, message, hint } = decoded.problem;
    diagnostics.push({ severity: 'error', code: 'encoding', file: rel(file), line, message: printable(message), hint });
    return { file: rel(file), text: '', unreadable: true };
  };
  const actorsFile = await read(path.join(root, 'actors.yaml'));
  const sourcesFile = await read(path.join(root, 'sources.yaml'));
  const actors = loadActors(actorsFile);
  const sources = loadSources(sourcesFile);
  diagnostics.push(...actors.diagnostics, ...sources.diagnostics);

  const docsDir = path.join(root, 'docs');
  const pages: LoadedPage[] = [];
  const overlay = options.overlay ?? {};
  const docPaths = [...new Set([...(await listDocs(docsDir)), ...Object.keys(overlay).filter((p) => overlay[p] !== null)])].sort();
  for (const docPath of docPaths) {
    const text = overlay[docPath];
    if (text === null) continue;
    const file = path.join(docsDir, docPath);
    const source = typeof text === 'string' ? { file: rel(file), text } : await read(file);
    if ('unreadable' in source) continue;
    const loaded = loadPage(source, docPath);
    diagnostics.push(...loaded.diagnostics);
    if (loaded.value) pages.push(loaded.value);
  }

  const sourceTexts: Record<string, string> = {};
  for (const source of sources.value.items) {
    if (!source.text) continue;
    try {
      const textFile = await read(path.join(root, source.text));
      if (!('unreadable' in textFile)) sourceTexts[source.id] = textFile.text;
    } catch {
      diagnostics.push({ severity: 'error', code: 'missing-source-text', file: sourcesFile.file, line: sources.value.lines[source.id] ?? 1, message: `source \`${source.id}\` names text file \`${source.text}\`, which does not exist`, hint: `Put the text at ${rel(path.join(root, source.text))}, or remove \`text:\`.` });
    }
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
  const layout = options.layout === false ? { positions: {}, sizes: {}, bounds: { x: 0, y: 0, width: 0, height: 0 } } : layoutGraph(compiled);
  lap('layout');
  return { ok: true, graph: { ...compiled, layout, diagnostics: sorted }, timings };
}
