import type { APIRoute } from 'astro';
import graph from 'virtual:argument-graph';
import { exportArgdown } from '../../graph/export/argdown.ts';

/** Serves `/exports/graph.argdown`: the map as Argdown text. */
export const GET: APIRoute = () => new Response(exportArgdown(graph), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
