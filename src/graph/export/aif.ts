/**
 * The compiled graph as AIF JSON in the AIFdb style: `{ nodes, edges, locutions, participants, site }`.
 *
 * - each claim → an I-node (nodeID = claim id, text = claim text);
 * - `supports` → an RA-node "Default Inference" (or the scheme an AIF import noted, `schemeNote`): premise I → RA →
 *   conclusion I. Supports that an AIF import made
 *   from one linked argument (their notes name the same RA, see `linkedPremiseNote`) and that nothing undercuts
 *   separately share one RA again: each premise I → RA → conclusion I;
 * - `attacks` → a CA-node "Default Conflict" (or the noted scheme): I → CA → I;
 * - `undercuts` → a CA-node: I → CA → the RA (or CA) of the relation it undercuts;
 * - `answers` → an RA-node with scheme "Answering": position I → RA → question I (AIF has no answer relation
 *   between propositions; `importAif` reads such RAs back as `answers`);
 * - a claim whose actor (`by`) is known → L-node "<Actor name> : <quote or text>" → YA-node "Asserting" → I,
 *   with a locution naming the actor, and every such actor as a participant;
 * - what AIF has no place for (kinds, labels, sources, quotes, voices, notes, relation notes, the writer's framing)
 *   → the `site` member (`aif-extension.ts`), which AIF tools ignore and `importAif` reads back.
 * S-node ids are the graph's edge ids, L/YA ids are `L:<claim id>` / `YA:<claim id>`, edge ids `<from>=><to>`, so the
 * output is deterministic and stable across builds.
 */
import { AIF_EXTENSION_ABOUT, linkedGroup, schemeOf, type AifSiteExtension } from '../aif-extension.ts';
import type { CompiledGraph, GraphEdge } from '../types.ts';

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
  const site: AifSiteExtension = { about: AIF_EXTENSION_ABOUT, claimIds: true, claims: {}, notes: {}, frames: [] };

  for (const node of graph.nodes) {
    nodes.push({ nodeID: node.id, text: node.text, type: 'I' });
    const { kind, by, source, quote, voice, note } = node;
    site.claims[node.id] = { kind, ...(node.label !== node.text ? { label: node.label } : {}), ...(by ? { by } : {}), ...(source ? { source } : {}), ...(quote ? { quote } : {}), ...(voice ? { voice } : {}), ...(note ? { note } : {}) };
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

  // Linked premises: supports of one conclusion that an import made from one RA, undercut (if at all) together.
  const undercutters = new Map<string, string[]>();
  for (const e of graph.edges) if (e.kind === 'undercuts') undercutters.set(e.to, [...(undercutters.get(e.to) ?? []), e.from]);
  const groupKey = (e: GraphEdge) => {
    const ra = e.kind === 'supports' ? linkedGroup(e.note) : undefined;
    return ra === undefined ? undefined : JSON.stringify([ra, e.to, [...(undercutters.get(e.id) ?? [])].sort()]);
  };
  /** The S-node of each relation: its own, or the first of its linked group's. */
  const sNode = new Map<string, string>();
  const groupNode = new Map<string, string>();
  for (const e of graph.edges) {
    const key = groupKey(e);
    if (key === undefined) sNode.set(e.id, e.id);
    else sNode.set(e.id, groupNode.get(key) ?? groupNode.set(key, e.id).get(key)!);
  }

  const scheme = { supports: 'Default Inference', attacks: 'Default Conflict', undercuts: 'Default Conflict', answers: 'Answering' };
  for (const edge of graph.edges) {
    if (edge.note) site.notes[edge.id] = edge.note;
    // The writer's framing is not an inference or a conflict: AIF has no node for it.
    if (edge.kind === 'frames') {
      site.frames.push({ from: edge.from, to: edge.to, ...(edge.note ? { note: edge.note } : {}) });
      continue;
    }
    const id = sNode.get(edge.id)!;
    const first = id === edge.id;
    if (first) {
      const type = edge.kind === 'supports' || edge.kind === 'answers' ? 'RA' : 'CA';
      const name = schemeOf(edge.note) ?? scheme[edge.kind];
      nodes.push({ nodeID: id, text: name, type, scheme: name });
    }
    link(edge.from, id);
    if (first) link(id, edge.kind === 'undercuts' ? (sNode.get(edge.to) ?? edge.to) : edge.to);
  }
  const participants = Object.values(graph.actors)
    .filter((a) => speakers.has(a.id))
    .map((a) => {
      const [firstname, ...rest] = a.name.split(' ');
      return { participantID: a.id, firstname, surname: rest.join(' ') };
    });
  return `${JSON.stringify({ nodes, edges, locutions, participants, site }, null, 2)}\n`;
}
