/**
 * The guided tour's steps, narration and claims (content/tour.yaml) as one file, fetched by the tour's script only
 * when a reader is on the tour: the pages themselves carry none of it, so they weigh the same for everyone else.
 */
import type { APIRoute } from 'astro';
import graph from 'virtual:argument-graph';
import { loadTour, pageTitle, stepUrl } from '../lib/tour-load.ts';
import { pageUrl } from '../lib/urls.ts';
import type { TourData } from '../scripts/learning/tour.ts';

export const prerender = true;

export const GET: APIRoute = () => {
  const steps = loadTour(graph) ?? [];
  const data: TourData = {
    steps: steps.map((s) => ({ n: s.n, title: s.title, url: stepUrl(s), path: pageUrl(s.page), page: pageTitle(graph, s.page) })),
    texts: Object.fromEntries(
      steps.map((s) => [
        s.n,
        {
          text: s.text,
          claims: s.claims.map((c) => ({ id: c.id, label: c.label, drawn: c.drawn, url: `${pageUrl(c.home)}#claim=${c.id}`, page: pageTitle(graph, c.home) })),
        },
      ]),
    ),
  };
  return new Response(JSON.stringify(data), { headers: { 'Content-Type': 'application/json' } });
};
