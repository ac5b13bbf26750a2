import type { APIRoute } from 'astro';
import graph from 'virtual:argument-graph';
import { graphToTgf } from '../../graph/export/iccma.ts';

/** Serves `/exports/graph.tgf`: the map's Dung framework in ICCMA .tgf. */
export const GET: APIRoute = () => new Response(graphToTgf(graph), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
