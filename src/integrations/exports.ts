/**
 * Astro integration: one route per export format of `src/graph/export/formats.ts`, at `/exports/<file>` and, for
 * the formats earlier links expect there, at `/<file>` too. Adding a format to that list is all it takes.
 */
import type { AstroIntegration } from 'astro';
import { EXPORT_FORMATS, exportPath } from '../graph/export/formats.ts';

export default function exportRoutes(): AstroIntegration {
  return {
    name: 'argument-graph-exports',
    hooks: {
      'astro:config:setup': ({ injectRoute }) => {
        const entrypoint = new URL('./export-route.ts', import.meta.url);
        for (const format of EXPORT_FORMATS) {
          injectRoute({ pattern: `/${exportPath(format)}`, entrypoint, prerender: true });
          if (format.atRoot) injectRoute({ pattern: `/${format.file}`, entrypoint, prerender: true });
        }
      },
    },
  };
}
