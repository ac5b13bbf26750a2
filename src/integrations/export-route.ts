/** The endpoint behind every export route (see `exports.ts`): the format is the last part of the route. */
import type { APIRoute } from 'astro';
import graph from 'virtual:argument-graph';
import { exportFormatByFile } from '../graph/export/formats.ts';
import { exportResponse } from '../graph/export/render.ts';

export const GET: APIRoute = ({ routePattern }) => {
  const format = exportFormatByFile(routePattern.split('/').pop() ?? '');
  if (!format) return new Response('unknown export', { status: 404 });
  return exportResponse(format, graph);
};
