import type { APIRoute } from 'astro';
import graph from 'virtual:argument-graph';
import { graphToApx } from '../../graph/export/iccma.ts';

/** Serves `/exports/graph.apx`: the map's Dung framework in ICCMA .apx. */
export const GET: APIRoute = () => new Response(graphToApx(graph), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
