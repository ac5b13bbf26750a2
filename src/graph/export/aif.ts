/**
 * The compiled graph as AIF JSON in the AIFdb style: `{ nodes, edges, locutions, participants }`.
 *
 * - each claim → an I-node (nodeID = claim id, text = claim text);
 * - `supports` → an RA-node "Default Inference": premise I → RA → conclusion I;
 * - `attacks` → a CA-node "Default Conflict": I → CA → I;
 * - `undercuts` → a CA-node: I → CA → the RA (or CA) of the relation it undercuts;
 * - `answers` → an RA-node with scheme "Answering": position I → RA → question I (AIF has no answer relation
 *   between propositions; `importAif` reads such RAs back as `answers`);
 * - a claim whose actor (`by`) is known → L-node "<Actor name> : <quote or text>" → YA-node "Asserting" → I,
 *   with a locution naming the actor, and every such actor as a participant.
 * S-node ids are the graph's edge ids, L/YA ids are `L:<claim id>` / `YA:<claim id>`, edge ids `<from>=><to>`, so the
 * output is deterministic and stable across builds. Relation notes are not carried (AIF has no place for them).
 */
import type { CompiledGraph } from '../types.ts';

interface AifNode {
  nodeID: string;
  text: string;
  type: 'I' | 'RA' | 'CA' | 'L' | 'YA';
  scheme?: string;
}

/** AIF JSON (AIFdb style) for the graph, pretty-printed, ending in a newline. */
export function exportAif(graph: CompiledGraph): string {
  const nodes: AifNode[] = [];
  const edges: { edgeID: string; fromID: string; toID: string }[] = [];
  const link = (fromID: string, toID: string) => edges.push({ edgeID: `${fromID}=>${toID}`, fromID, toID });
  const locutions: { nodeID: string; personID: string }[] = [];
  const speakers = new Set<string>();

  for (const node of graph.nodes) {
    nodes.push({ nodeID: node.id, text: node.text, type: 'I' });
    const actor = node.by ? graph.actors[node.by] : undefined;
    if (actor) {
      const l = `L:${node.id}`;
      const ya = `YA:${node.id}`;
      nodes.push({ nodeID: l, text: `${actor.name} : ${node.quote ?? node.text}`, type: 'L' });
      nodes.push({ nodeID: ya, text: 'Asserting', type: 'YA', scheme: 'Asserting' });
      link(l, ya);
      link(ya, node.id);
      locutions.push({ nodeID: l, personID: actor.id });
      speakers.add(actor.id);
    }
  }
  const scheme = { supports: 'Default Inference', attacks: 'Default Conflict', undercuts: 'Default Conflict', answers: 'Answering' };
  for (const edge of graph.edges) {
    // The writer's framing is not an inference or a conflict: AIF has no node for it, so it is left out.
    if (edge.kind === 'frames') continue;
    const type = edge.kind === 'supports' || edge.kind === 'answers' ? 'RA' : 'CA';
    nodes.push({ nodeID: edge.id, text: scheme[edge.kind], type, scheme: scheme[edge.kind] });
    link(edge.from, edge.id);
    link(edge.id, edge.to);
  }
  const participants = Object.values(graph.actors)
    .filter((a) => speakers.has(a.id))
    .map((a) => {
      const [firstname, ...rest] = a.name.split(' ');
      return { participantID: a.id, firstname, surname: rest.join(' ') };
    });
  return `${JSON.stringify({ nodes, edges, locutions, participants }, null, 2)}\n`;
}
