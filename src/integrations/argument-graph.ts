/**
 * Astro integration: compiles the argument graph once before the build (stopping it on content errors)
 * and serves the result as `virtual:argument-graph`.
 */
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { compileSite, ContentError, formatDiagnostic } from '../graph/index.ts';
import type { CompiledGraph } from '../graph/types.ts';
import { contentRoot } from './content-root.ts';

const VIRTUAL_ID = 'virtual:argument-graph';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

async function compileOrThrow(): Promise<CompiledGraph> {
  const result = await compileSite({ contentRoot: contentRoot() });
  if (!result.ok) throw new ContentError(result.diagnostics);
  return result.graph;
}

export default function argumentGraph(): AstroIntegration {
  let graph: CompiledGraph | undefined;
  return {
    name: 'argument-graph',
    hooks: {
      'astro:config:setup': async ({ updateConfig, logger, command, addWatchFile }) => {
        graph = await compileOrThrow();
        for (const d of graph.diagnostics) logger.warn(formatDiagnostic(d));
        logger.info(`${graph.nodes.length} claims, ${graph.edges.length} relations, ${graph.pages.length} pages`);
        if (command === 'dev') {
          addWatchFile(path.resolve(contentRoot(), 'actors.yaml'));
          addWatchFile(path.resolve(contentRoot(), 'sources.yaml'));
        }
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'argument-graph',
                resolveId: (id: string) => (id === VIRTUAL_ID ? RESOLVED_ID : undefined),
                load: async (id: string) => {
                  if (id !== RESOLVED_ID) return undefined;
                  // In dev, recompile on every load so edits show up; the build compiles once.
                  if (command === 'dev') graph = await compileOrThrow();
                  return `export default ${JSON.stringify(graph)};`;
                },
                handleHotUpdate: ({ file, server }: { file: string; server: { moduleGraph: { getModuleById(id: string): unknown; invalidateModule(m: unknown): void } } }) => {
                  if (!file.startsWith(path.resolve(contentRoot()))) return;
                  const mod = server.moduleGraph.getModuleById(RESOLVED_ID);
                  if (mod) server.moduleGraph.invalidateModule(mod);
                },
              },
            ],
          },
        });
      },
    },
  };
}
