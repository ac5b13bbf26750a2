/**
 * Astro integration: compiles the argument graph and serves it as `virtual:argument-graph`.
 *
 * Build: compiles once before the build and stops it on content errors.
 * Dev: recompiles when a file in the content folder changes, re-parsing only the files that changed. A content
 * error is printed once (file:line, claim, message, hint) and shown in the browser's error overlay at the MDX
 * file and line, to every page that connects until it is fixed; meanwhile pages keep the last good graph.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { ViteDevServer } from 'vite';
import { compileSite, formatDiagnostic, ContentError, type CompileCache, type CompileResult } from '../graph/index.ts';
import { codeFrame, diagnosticColumn } from '../graph/diagnostics.ts';
import { splitFrontmatter } from '../graph/load.ts';
import { siteLayout } from '../graph/site-layout.ts';
import type { CompiledGraph, Diagnostic } from '../graph/types.ts';
import { contentRoot } from './content-root.ts';

const VIRTUAL_ID = 'virtual:argument-graph';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;
const LAYOUT_MODULE = fileURLToPath(new URL('../graph/site-layout.ts', import.meta.url));

const UPDATE_EVENT = 'argument-graph:update';

/**
 * The module pages import. The graph travels as one JSON string (Vite parses a string literal far faster than
 * the same data as an object literal), and the whole-map layout is computed the first time a page reads it
 * (the full map and the graph export do; a page's own map is laid out on its own), not on every compile.
 * In the dev server the exported object lives as long as the server (kept in the module's hot data), and each
 * recompiled graph is put into it (see `refreshGraphModule`): the modules that imported it see the new graph, and
 * neither they nor this module run again.
 */
function graphModule(graph: CompiledGraph): string {
  return `import { siteLayout } from ${JSON.stringify(LAYOUT_MODULE)};
const hot = import.meta.hot;
const graph = hot?.data.graph ?? {};
function refill(next) {
  for (const key of Object.keys(graph)) delete graph[key];
  Object.assign(graph, next);
  let layout;
  Object.defineProperty(graph, 'layout', { enumerable: true, configurable: true, get: () => (layout ??= siteLayout(graph)) });
}
refill(JSON.parse(${JSON.stringify(JSON.stringify(graph))}));
if (hot) {
  hot.data.graph = graph;
  hot.on(${JSON.stringify(UPDATE_EVENT)}, refill);
}
export default graph;
`;
}

const EMPTY_GRAPH: CompiledGraph = { nodes: [], edges: [], actors: {}, sources: {}, pages: [], layout: siteLayout({ nodes: [], edges: [] }), diagnostics: [] };

/** The error Vite's overlay shows for content errors: the first error's file, line, column and frontmatter. */
function overlayError(diagnostics: Diagnostic[]) {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const first = errors[0];
  const file = path.resolve(first.file);
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    /* deleted meanwhile: no code to show */
  }
  // For a page, only its frontmatter: that is where claims are declared.
  const end = /\.mdx?$/i.test(file) ? (splitFrontmatter(text)?.bodyLine ?? 1) - 1 : 0;
  const code = end > 0 ? text.split('\n').slice(0, end).join('\n') : text;
  const column = diagnosticColumn(first, code.split('\n')[first.line - 1] ?? '');
  const more = errors.length > 1 ? `\n\n${errors.length - 1} more content error${errors.length > 2 ? 's' : ''} in the terminal.` : '';
  return {
    name: 'ContentError',
    title: `Content error in ${path.basename(file)}`,
    message: `${first.claim ? `[${first.claim}] ` : ''}${first.message}${more}`,
    hint: first.hint,
    id: file,
    plugin: 'argument-graph',
    loc: { file, line: first.line, column },
    frame: codeFrame(code, first.line, column),
    // Astro's overlay highlights this code, with the error line marked.
    fullCode: code,
    // Not a fault in the code: no stack trace to show.
    stack: '',
  };
}

interface InProcessRunner {
  hmrClient?: unknown;
  evaluatedModules: { getModuleById(id: string): { evaluated: boolean } | undefined; invalidateModule(node: unknown): void };
}

/**
 * Make every server environment read the new graph. Where the graph module already runs in this process with hot
 * updates (the SSR runner), it is sent the graph and refills the object its importers hold, at once; its code is
 * then brought up to date in the background, so that it is not run again either. Elsewhere it and, softly, what
 * imports it are marked stale, to run again on the next render.
 */
function refreshGraphModule(server: ViteDevServer, graph: CompiledGraph): void {
  for (const environment of Object.values(server.environments)) {
    const mod = environment.moduleGraph.getModuleById(RESOLVED_ID);
    if (!mod) continue;
    const runner = (environment as { runner?: InProcessRunner }).runner;
    const running = runner?.hmrClient !== undefined && runner.evaluatedModules.getModuleById(RESOLVED_ID)?.evaluated === true;
    const seen = new Set<typeof mod>();
    environment.moduleGraph.invalidateModule(mod, seen, Date.now(), true);
    if (running) {
      environment.hot.send(UPDATE_EVENT, graph);
      // A failure here would show again, with its message, when a page next imports the module.
      environment.transformRequest(mod.url).catch(() => undefined);
      continue;
    }
    for (const stale of seen) {
      const evaluated = stale.id ? runner?.evaluatedModules.getModuleById(stale.id) : undefined;
      if (evaluated) runner!.evaluatedModules.invalidateModule(evaluated);
    }
  }
}

/** Compiles the content folder, keeps the last good graph and says what changed, printing each problem once. */
function createContent(logger: AstroIntegrationLogger, dev: boolean) {
  const cache: CompileCache = new Map();
  let printed = '';
  let generation = 0;
  const state = {
    current: undefined as Promise<CompileResult> | undefined,
    graph: undefined as CompiledGraph | undefined,
    code: '',
    errors: undefined as Diagnostic[] | undefined,
  };
  /** Compile; resolves to whether the graph module changed (false for a stale compile overtaken by a newer one). */
  const compile = async (): Promise<boolean> => {
    const mine = ++generation;
    const pending = compileSite({ contentRoot: contentRoot(), layout: false, cache });
    state.current = pending;
    const result = await pending;
    if (mine !== generation) return false;
    const diagnostics = result.ok ? result.graph.diagnostics : result.diagnostics;
    const report = diagnostics.map(formatDiagnostic).join('\n');
    if (report !== printed) {
      if (result.ok) for (const d of diagnostics) logger.warn(formatDiagnostic(d));
      // A build throws the errors instead (see below), which prints them.
      else if (dev) logger.error(`${result.diagnostics.filter((d) => d.severity === 'error').length} content error(s):\n${report}`);
    }
    const wasBroken = state.errors !== undefined;
    printed = report;
    if (!result.ok) {
      state.errors = result.diagnostics;
      return false;
    }
    state.errors = undefined;
    const { graph } = result;
    if (wasBroken || !state.graph) logger.info(`${wasBroken ? 'content fixed: ' : ''}${graph.nodes.length} claims, ${graph.edges.length} relations, ${graph.pages.length} pages`);
    const code = graphModule(graph);
    if (code === state.code) return false;
    state.graph = graph;
    state.code = code;
    return true;
  };
  return { state, compile };
}

export default function argumentGraph(): AstroIntegration {
  return {
    name: 'argument-graph',
    hooks: {
      'astro:config:setup': async ({ updateConfig, logger, command }) => {
        const content = createContent(logger, command === 'dev');
        await content.compile();
        const { state } = content;
        if (command !== 'dev' && state.errors) throw new ContentError(state.errors);
        const root = path.resolve(contentRoot());

        const showErrors = (server: ViteDevServer) => {
          if (state.errors) server.environments.client.hot.send({ type: 'error', err: overlayError(state.errors) });
        };
        const onContentChange = async (server: ViteDevServer, file: string): Promise<void> => {
          const hadGraph = state.graph !== undefined;
          const changed = await content.compile();
          if (state.errors) return showErrors(server);
          if (!changed) return;
          refreshGraphModule(server, state.graph!);
          // A page edit already reloads the browser (Astro reloads after any module change it rendered); other
          // files are no modules, and a stand-in page (below) rendered none.
          if (!hadGraph || !/\.mdx?$/i.test(file)) server.environments.client.hot.send({ type: 'full-reload', path: '*' });
        };

        updateConfig({
          vite: {
            // Editors (and Node's writeFile) empty a file before writing it: a change is reported once the file
            // has stopped changing, so neither this compile nor Astro's content loader reads a half-saved page.
            server: { watch: { awaitWriteFinish: { stabilityThreshold: 40, pollInterval: 10 } } },
            plugins: [
              {
                name: 'argument-graph',
                resolveId: (id: string) => (id === VIRTUAL_ID ? RESOLVED_ID : undefined),
                load: async (id: string) => {
                  if (id !== RESOLVED_ID) return undefined;
                  await state.current;
                  // No graph yet (errors since the start): page requests get the stand-in page, and anything else
                  // that reads the graph (e.g. route matching for /favicon.ico) sees no claims rather than an error.
                  // No source map: the code is generated, and mapping a 100 KB line costs time on every reload.
                  return { code: state.code || graphModule(EMPTY_GRAPH), map: { mappings: '' } };
                },
                configureServer(server: ViteDevServer) {
                  /** Settles once the last content change is compiled and in the graph module. */
                  let settled: Promise<void> = Promise.resolve();
                  server.middlewares.use(async (req, res, next) => {
                    if (!req.headers.accept?.includes('text/html')) return next();
                    // A page requested just after a save (the browser reloads) renders with the new graph.
                    await settled;
                    // Until the content has compiled once there is no graph to render pages with: answer with a
                    // stand-in that only loads Vite's client, which then shows the overlay.
                    if (state.graph || !state.errors) return next();
                    res.writeHead(500, { 'Content-Type': 'text/html; charset=utf-8' });
                    res.end(`<!doctype html><title>Content error</title><link rel="icon" href="data:,"><script type="module" src="${server.config.base}@vite/client"></script><p>The content has errors: see the terminal.</p>`);
                  });
                  server.watcher.add(root);
                  const onFile = (file: string) => {
                    if (file.startsWith(root + path.sep)) settled = onContentChange(server, file).catch((error: Error) => logger.error(error.message));
                  };
                  server.watcher.on('add', onFile).on('change', onFile).on('unlink', onFile);
                  // A reload (Astro reloads the page after every edit) would drop the overlay: show it again.
                  server.environments.client.hot.on('vite:client:connect', () => showErrors(server));
                },
              },
            ],
          },
        });
      },
    },
  };
}
