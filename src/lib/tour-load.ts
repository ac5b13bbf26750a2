/**
 * The guided tour of this content folder (`tour.yaml` beside `docs/`), checked against the compiled graph.
 * Build time only (reads the file system). A content folder without the file has no tour.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CompiledGraph } from '../graph/types.ts';
import { fullView, pageView } from '../graph/view.ts';
import { contentRoot } from '../integrations/content-root.ts';
import { READING_ORDER } from '../integrations/sidebar.ts';
import { parseTour, type TourStep } from './tour.ts';
import { pageUrl } from './urls.ts';

/** Pages in reading order: the home page, then the sidebar's pages, with 'map' for the whole map. */
export const readingOrderSlugs = (): string[] => ['', ...READING_ORDER.flatMap((e) => ('link' in e ? [e.link.replace(/\/$/, '')] : e.pages.map((p) => p.slug)))];

const cache = new WeakMap<CompiledGraph, TourStep[] | undefined>();

export function loadTour(graph: CompiledGraph): TourStep[] | undefined {
  if (cache.has(graph)) return cache.get(graph);
  // Resolve from the working directory: `import.meta.url` points into the bundle after the build.
  const file = path.resolve(process.cwd(), contentRoot(), 'tour.yaml');
  let steps: TourStep[] | undefined;
  if (existsSync(file)) {
    const drawn = new Map<string, Set<string> | undefined>();
    steps = parseTour(readFileSync(file, 'utf8'), {
      file: path.relative(process.cwd(), file),
      claims: new Map(graph.nodes.map((n) => [n.id, { label: n.label, page: n.page }])),
      order: readingOrderSlugs(),
      drawn(page) {
        if (!drawn.has(page)) {
          const view = page === 'map' ? fullView(graph) : pageView(graph, page);
          drawn.set(page, view && new Set(view.nodes.map((n) => n.id)));
        }
        return drawn.get(page);
      },
    });
  }
  cache.set(graph, steps);
  return steps;
}

/** A page's title as the tour names it. */
export function pageTitle(graph: CompiledGraph, slug: string): string {
  if (slug === 'map') return 'The whole map';
  if (slug === '') return 'the home page';
  return graph.pages.find((p) => p.slug === slug)?.title ?? slug;
}

/** The address that shows step `n` (on its page, `?tour=n`). */
export const stepUrl = (step: TourStep) => `${pageUrl(step.page)}?tour=${step.n}`;

/** The page a built page's address names: '' for the home page, 'map', 'rowley-speech', 'claims/x'. */
export function slugOf(pathname: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  return (pathname.startsWith(base) ? pathname.slice(base.length) : pathname.replace(/^\//, '')).replace(/\/$/, '');
}
