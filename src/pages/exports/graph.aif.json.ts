import type { APIRoute } from 'astro';
import graph from 'virtual:argument-graph';
import { exportAif } from '../../graph/export/aif.ts';

/** Serves `/exports/graph.aif.json`: the map in AIF JSON (AIFdb style). */
export const GET: APIRoute = () => new Response(exportAif(graph), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
