/**
 * Starlight route middleware, run for every page (docs pages and `<StarlightPage>` alike):
 * - titles reach `<head>` as text whatever their origin (MDX, an import, a claim label): see `src/lib/head.ts`;
 * - "last updated" from git for pages in content/docs (Starlight only reads git dates for src/content/docs).
 *   Same commit, same dates: the build stays deterministic.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import graph from 'virtual:argument-graph';
import { escapeHeadText } from './lib/head.ts';

// Kept across the dev server's re-runs of this module (every content edit re-runs it): one `git log` per file for
// the life of the server, not one blocking child process per page render.
const cache: Map<string, Date | undefined> = import.meta.hot?.data.gitDates ?? new Map();
if (import.meta.hot) import.meta.hot.data.gitDates = cache;

function lastCommitDate(file: string): Date | undefined {
  if (!cache.has(file)) {
    let date: Date | undefined;
    try {
      const iso = execFileSync('git', ['log', '-1', '--format=%cI', '--', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
      date = iso ? new Date(iso) : undefined;
    } catch {
      date = undefined; // not a git checkout (e.g. a tarball): no date rather than a wrong one
    }
    cache.set(file, date);
  }
  return cache.get(file);
}

/** Whether a page draws an argument map (see `MarkdownContent.astro`). Read per request: in the dev server the graph changes with each save. */
const drawsMap = (slug: string) => graph.pages.some((p) => p.slug === slug && p.focus.length > 0);

export const onRequest = defineRouteMiddleware((context) => {
  const route = context.locals.starlightRoute;
  // A page with a map gives it the whole width: its sections are listed at the top instead of in a side column.
  if (drawsMap(route.id) && route.entry.data.map !== false) route.toc = undefined;
  escapeHeadText(route);
  const file = route.entry.filePath;
  // Pages made with <StarlightPage> (the map, claim permalinks) carry made-up paths: no git call for those.
  if (!route.lastUpdated && file && !file.startsWith('..') && !file.startsWith('/') && existsSync(file)) route.lastUpdated = lastCommitDate(file);
});
