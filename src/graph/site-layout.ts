/**
 * The layout of the whole map (/map/ and the graph export): every claim and relation laid out at once. One function
 * for the compiler (`compileSite`) and for the dev server's graph module, which computes it only when a page reads it.
 */
import { layoutMap } from './layout.ts';
import type { CompiledGraph, Layout } from './types.ts';

export function siteLayout(graph: Pick<CompiledGraph, 'nodes' | 'edges'>): Layout {
  return layoutMap(graph.nodes, graph.edges);
}
