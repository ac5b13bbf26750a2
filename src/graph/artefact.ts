/** The graph artefact on disk: stable JSON, so two builds of the same content are byte-identical. */
import type { CompiledGraph } from './types.ts';

export function serialiseGraph(graph: CompiledGraph): string {
  return `${JSON.stringify(graph, null, 2)}\n`;
}
