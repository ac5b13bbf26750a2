import type { APIRoute } from 'astro';
import { exportGraphSchema } from '../../graph/export/graph-json.ts';

/** Serves `/exports/graph.schema.json`: the JSON Schema of `graph.json`. */
export const GET: APIRoute = () => new Response(exportGraphSchema(), { headers: { 'Content-Type': 'application/schema+json; charset=utf-8' } });
