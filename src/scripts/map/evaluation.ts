/**
 * "Test your view" on the page: the reader's choices, the labels and strengths they lead to, and each claim's
 * reading in words. The semantics module is imported only when this mode starts, so readers who never use it
 * never download it.
 */
import type { ClaimReading } from '../../graph/semantics.ts';
import { viewGraphEdges } from '../../graph/view-types.ts';
import type { Choice, Label, MapData } from '../map-data.ts';

export interface Verdicts {
  labels: Record<string, Label>;
  /** Each labelled claim's reading: label, explanation, strength and band, and where the two views disagree. */
  readings: Record<string, ClaimReading>;
  /** Claims whose strength had not settled (a cycle of attacks); empty when every strength settled. */
  unsettled: string[];
}

/** Evaluate the map with the reader's choices (only claims on this map count). */
export async function evaluateMap(data: MapData, choices: Record<string, Choice>, name: (id: string) => string): Promise<Verdicts> {
  const { evaluate, strengths, claimReading } = await import('../../graph/semantics.ts');
  const graph = { nodes: data.view.nodes, edges: viewGraphEdges(data.view) };
  const onMap = new Set(graph.nodes.map((n) => n.id));
  const mine = Object.fromEntries(Object.entries(choices).filter(([id]) => onMap.has(id)));
  const result = evaluate(graph, mine);
  const weights = strengths(graph, mine);
  const readings: Record<string, ClaimReading> = {};
  for (const id of Object.keys(result.labels)) {
    const reading = claimReading(id, result, weights, name);
    if (reading) readings[id] = reading;
  }
  return { labels: result.labels, readings, unsettled: weights.unsettled };
}
