import type { APIRoute } from 'astro';
import graph from 'virtual:argument-graph';
import { exportGraphJson } from '../graph/export/graph-json.ts';

/** Serves `/graph.json`: the compiled graph as JSON (schema: /graph.schema.json). */
export const GET: APIRoute = () => new Response(exportGraphJson(graph), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
