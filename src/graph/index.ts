/**
 * The graph compiler's front door: read a content folder, then load → validate → compile → layout.
 * The only module in src/graph that touches the file system.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { compileGraph } from './compile.ts';
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
}

const EMPTY_LAYOUT: CompiledGraph['layout'] = { boxes: {}, refs: {}, drawnFrom: {}, routes: {}, anchors: {}, bounds: { x: 0, y: 0, width: 0, height: 0 } };

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

  const read = async (file: string) => ({ file: rel(file), text: await readFile(file, 'utf8') });
  const diagnostics: Diagnostic[] = [];
  const actorsFile = await read(path.join(root, 'actors.yaml'));
  const sourcesFile = await read(path.join(root, 'sources.yaml'));
  const actors = loadActors(actorsFile);
  const sources = loadSources(sourcesFile);
  diagnostics.push(...actors.diagnostics, ...sources.diagnostics);

  const docsDir = path.join(root, 'docs');
  const pages: LoadedPage[] = [];
  for (const docPath of await listDocs(docsDir)) {
    const loaded = loadPage(await read(path.join(docsDir, docPath)), docPath);
    diagnostics.push(...loaded.diagnostics);
    if (loaded.value) pages.push(loaded.value);
  }

  const sourceTexts: Record<string, string> = {};
  for (const source of sources.value.items) {
    if (!source.text) continue;
    try {
      sourceTexts[source.id] = await readFile(path.join(root, source.text), 'utf8');
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
  const layout = options.layout === false ? EMPTY_LAYOUT : layoutMap(compiled.nodes, compiled.edges);
  lap('layout');
  return { ok: true, graph: { ...compiled, layout, diagnostics: sorted }, timings };
}
