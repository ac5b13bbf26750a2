/**
 * "Test your view" on the page: the reader's choices, the labels they lead to and their explanations. The
 * semantics module is imported only when this mode starts, so readers who never use it never download it.
 */
import type { GraphNode } from '../../graph/types.ts';
import type { Choice, Label, MapData } from '../map-data.ts';
import { viewGraphEdges } from '../../graph/view-types.ts';

export interface Verdicts {
  labels: Record<string, Label>;
  /** Why each claim has its label, in sentences naming its direct neighbours. */
  explanations: Record<string, string>;
}

/** Evaluate the map with the reader's choices (only claims on this map count). */
export async function evaluateMap(data: MapData, choices: Record<string, Choice>, name: (id: string) => string): Promise<Verdicts> {
  const { evaluate, explain } = await import('../../graph/semantics.ts');
  const graph = {
    nodes: data.view.nodes.map((n) => ({ ...n, text: '', label: n.lines.join(' '), origin: { file: '', line: 0 } }) as GraphNode),
    edges: viewGraphEdges(data.view),
  };
  const onMap = new Set(graph.nodes.map((n) => n.id));
  const mine = Object.fromEntries(Object.entries(choices).filter(([id]) => onMap.has(id)));
  const result = evaluate(graph, mine);
  const explanations = Object.fromEntries(Object.keys(result.labels).map((id) => [id, explain(result.labels[id], result.explanations[id], name)]));
  return { labels: result.labels, explanations };
}
