/**
 * AIF JSON → site claims. Accepts the AIFdb envelope `{nodes, edges, locutions?, participants?}` (AraucariaDB files
 * are the same without locutions) and the OVA3 one `{AIF: {nodes, edges, …}, OVA: …}`.
 *
 * Mapping:
 * - I-node → `claim` (its text).
 * - I → RA → I → `supports` from each premise to each conclusion; linked premises (several into one RA) get a
 *   note on each support naming the others (`linkedPremiseNote`). An RA whose text or scheme is "Answering" (as
 *   `exportAif` writes a position's answer) → `answers`, kept when the answering claim has a known speaker and the
 *   target can be a question.
 * - I → CA → I → `attacks`; I → CA → RA → `undercuts` of each support that RA produced; I → CA → CA → `undercuts`
 *   of each attack that CA produced. An RA's or CA's scheme other than the default goes into the relation's note.
 * - the site's own export (a `site` member, see `aif-extension.ts`): node ids are kept as claim ids, and the claim
 *   fields, relation notes and framing it lists are read back.
 * - MA (rephrase) and PA (preference) → not imported, reported.
 * - L, YA, TA (dialogue layer) → not imported as nodes, reported; the speakers of L → YA → I chains become `by`
 *   when they match an actor of the site (by name or id), otherwise "Said by …" in the claim's `note`.
 */
import { findNodeAtLocation, parse as parseTolerant, parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { linkedPremiseNote, schemeNote } from '../aif-extension.ts';
import { createDraft, findActor, lineColumn, singlePageResult, siteFields } from './common.ts';
import { ImportError, type ImportOptions, type ImportResult } from './types.ts';

/** Node types the importer understands. */
const NODE_TYPES = ['I', 'RA', 'CA', 'MA', 'PA', 'L', 'YA', 'TA'] as const;
type NodeType = (typeof NODE_TYPES)[number];

interface AifNode {
  id: string;
  type: NodeType;
  text: string;
  scheme?: string;
  path: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isId = (v: unknown): v is string | number => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));

/** Parse JSON; on a syntax error, `jsonc-parser` locates it (V8's messages often lack a position) for an `ImportError`. */
function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const errors: ParseError[] = [];
    parseTolerant(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    const first = errors[0];
    const where = first ? lineColumn(text, first.offset) : '1:1';
    const what = first ? printParseErrorCode(first.error) : (error as Error).message;
    throw new ImportError(file, where, `invalid JSON: ${what}`);
  }
}

/** Parse AIF JSON text into pages of claims; throws `ImportError` (file and JSON path / node id) on malformed input. */
export function importAif(text: string, options: ImportOptions): ImportResult {
  const fail = (where: string, message: string): never => {
    throw new ImportError(options.file, where, message);
  };
  const json = parseJson(text, options.file);
  if (!isObject(json)) return fail('$', 'expected a JSON object with `nodes` and `edges`');
  // OVA3 wraps the map in `AIF`; some tools put only metadata there and the map at the top.
  const ova = isObject(json.AIF) && !Array.isArray(json.nodes);
  const root = ova ? (json.AIF as Record<string, unknown>) : json;
  const base = ova ? '$.AIF' : '$';
  if (!Array.isArray(root.nodes)) return fail(`${base}.nodes`, 'expected an array of AIF nodes');
  if (!Array.isArray(root.edges)) return fail(`${base}.edges`, 'expected an array of AIF edges');

  // Line of an entry, for messages about entries that parsed but mean something wrong.
  let tree: JsonNode | undefined;
  const lineOf = (path: (string | number)[]) => {
    tree ??= parseTree(text);
    const found = tree && findNodeAtLocation(tree, path);
    return found ? lineColumn(text, found.offset).split(':')[0] : '?';
  };
  const jsonPath = ova ? ['AIF'] : [];

  const nodes = new Map<string, AifNode>();
  /** Each node's entry as written, to tell an exact copy (merged) from a conflicting one (refused). */
  const written = new Map<string, { index: number; json: string }>();
  const copies: string[] = [];
  root.nodes.forEach((raw: unknown, i: number) => {
    const path = `${base}.nodes[${i}]`;
    if (!isObject(raw)) return fail(path, 'expected a node object');
    if (!isId(raw.nodeID)) return fail(path, 'node has no `nodeID`');
    const id = String(raw.nodeID);
    const type = raw.type;
    if (typeof type !== 'string' || !(NODE_TYPES as readonly string[]).includes(type)) {
      return fail(`${path} (node ${id})`, `unknown node type ${JSON.stringify(type)}; expected one of ${NODE_TYPES.join(', ')}`);
    }
    if (raw.text !== undefined && typeof raw.text !== 'string') return fail(`${path} (node ${id})`, '`text` must be a string');
    const json = JSON.stringify(raw);
    const first = written.get(id);
    if (first) {
      if (first.json === json) return void copies.push(id);
      const at = (index: number) => `${base}.nodes[${index}] (line ${lineOf([...jsonPath, 'nodes', index])})`;
      return fail(`${path} (node ${id})`, `node ${id} is declared twice with different content: at ${at(first.index)} and at ${at(i)}; keep one of them, or give the other its own nodeID`);
    }
    written.set(id, { index: i, json });
    const scheme = typeof raw.scheme === 'string' ? raw.scheme : undefined;
    nodes.set(id, { id, type: type as NodeType, text: (raw.text as string | undefined) ?? '', scheme, path });
  });

  const into = new Map<string, AifNode[]>();
  const outOf = new Map<string, AifNode[]>();
  const push = (map: Map<string, AifNode[]>, key: string, node: AifNode) => {
    const list = map.get(key);
    if (list) list.push(node);
    else map.set(key, [node]);
  };
  // An edge repeated (same ends) adds nothing: linked once, counted for the report.
  const linked = new Set<string>();
  let repeatedEdges = 0;
  root.edges.forEach((raw: unknown, i: number) => {
    const path = `${base}.edges[${i}]`;
    if (!isObject(raw)) return fail(path, 'expected an edge object');
    const label = isId(raw.edgeID) ? ` (edge ${raw.edgeID})` : '';
    if (!isId(raw.fromID) || !isId(raw.toID)) return fail(`${path}${label}`, 'edge needs `fromID` and `toID`');
    const from = nodes.get(String(raw.fromID));
    const to = nodes.get(String(raw.toID));
    if (!from) return fail(`${path}${label}`, `edge starts at missing node ${raw.fromID}`);
    if (!to) return fail(`${path}${label}`, `edge ends at missing node ${raw.toID}`);
    const key = JSON.stringify([from.id, to.id]);
    if (linked.has(key)) return void repeatedEdges++;
    linked.add(key);
    push(outOf, from.id, to);
    push(into, to.id, from);
  });

  // Speakers: locutions → participants, or the "Name : " prefix of the L-node text.
  const people = new Map<string, string>();
  if (Array.isArray(root.participants)) {
    for (const p of root.participants) {
      if (!isObject(p) || !isId(p.participantID)) continue;
      const name = [p.firstname, p.surname].filter((s) => typeof s === 'string' && s.trim()).join(' ').trim();
      if (name) people.set(String(p.participantID), name);
    }
  }
  const personOf = new Map<string, string>();
  if (Array.isArray(root.locutions)) {
    for (const l of root.locutions) {
      if (isObject(l) && isId(l.nodeID) && isId(l.personID)) personOf.set(String(l.nodeID), String(l.personID));
    }
  }
  const speakerOf = (l: AifNode): string | undefined => {
    const person = personOf.get(l.id);
    if (person && people.has(person)) return people.get(person);
    const match = /^(.+?)\s+:\s/.exec(l.text);
    if (match) return match[1].trim();
    return person ? `participant ${person}` : undefined;
  };

  // The site's own export carries what AIF has no place for (see `export/aif.ts`): claim ids, fields, notes, frames.
  const site = isObject(json.site) ? (json.site as Record<string, unknown>) : undefined;
  const siteClaims = site && isObject(site.claims) ? (site.claims as Record<string, unknown>) : {};
  const siteNotes = site && isObject(site.notes) ? (site.notes as Record<string, unknown>) : {};
  const claimIds = site?.claimIds === true;
  const noteOf = (edgeId: string) => (typeof siteNotes[edgeId] === 'string' ? (siteNotes[edgeId] as string) : undefined);

  const draft = createDraft(options);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (copies.length) {
    const ids = [...new Set(copies)];
    const shown = ids.length > 10 ? `${ids.slice(0, 10).join(', ')} and ${ids.length - 10} more` : ids.join(', ');
    draft.skip('repeated nodes (merged)', `${plural(copies.length, 'repeated node')} (nodeID ${shown})`, 'each is an exact copy of an earlier node with the same nodeID: merged into it', undefined, copies.length);
  }
  if (repeatedEdges) draft.skip('repeated edges (merged)', plural(repeatedEdges, 'repeated edge'), 'each links the same two nodes as an earlier edge: linked once', undefined, repeatedEdges);
  const count: Record<string, number> = {};
  const all = [...nodes.values()];
  const isAnswering = (n: AifNode) => n.type === 'RA' && (/^answering$/i.test(n.text.trim()) || /^answering$/i.test(n.scheme ?? ''));
  const questions = new Set(all.filter(isAnswering).flatMap((ra) => (outOf.get(ra.id) ?? []).map((n) => n.id)));
  all.forEach((node, i) => {
    count[node.type] = (count[node.type] ?? 0) + 1;
    if (i % 1000 === 999) options.onProgress?.(i + 1, all.length);
    if (node.type !== 'I') return;
    if (!node.text.trim()) return draft.skip('claims without text', `I-node ${node.id}`, 'it has no text', `node ${node.id}`);
    const speakers = new Set<string>();
    for (const ya of into.get(node.id) ?? []) {
      if (ya.type !== 'YA') continue;
      for (const l of into.get(ya.id) ?? []) {
        const speaker = l.type === 'L' ? speakerOf(l) : undefined;
        if (speaker) speakers.add(speaker);
      }
    }
    const fields = siteFields(isObject(siteClaims[node.id]) ? (siteClaims[node.id] as Record<string, unknown>) : undefined);
    const names = fields.by ? [fields.by] : [...speakers];
    const actor = names.length === 1 ? findActor(options.actors, names[0]) : undefined;
    draft.addClaim(node.id, {
      ...fields,
      id: claimIds ? node.id : undefined,
      slug: node.text,
      text: node.text,
      kind: questions.has(node.id) ? 'question' : (fields.kind ?? 'claim'),
      origin: `node ${node.id}`,
      by: actor?.id,
      note: [fields.note, names.length && !actor ? `Said by ${names.join(' and ')}.` : undefined].filter(Boolean).join(' '),
    });
  });
  options.onProgress?.(all.length, all.length);

  const iNodes = (list: AifNode[] | undefined) => (list ?? []).filter((n) => n.type === 'I' && draft.has(n.id));
  const at = (n: AifNode) => `node ${n.id}`;
  /** An S-node's scheme, for the relation note, unless it is the default one. */
  const schemeOfNode = (n: AifNode) => {
    const scheme = (n.scheme ?? n.text).replace(/\s+/g, ' ').trim();
    return scheme && !/^default (inference|conflict)$/i.test(scheme) && !/^(RA|CA)$/.test(scheme) ? schemeNote(scheme) : undefined;
  };
  const join = (...notes: (string | undefined)[]) => notes.filter(Boolean).join(' ') || undefined;
  /** The (premise, conclusion) pairs an RA produced, or the (source, target) pairs a CA produced. */
  const produced = new Map<string, [string, string][]>();

  for (const ra of all.filter((n) => n.type === 'RA')) {
    const premises = iNodes(into.get(ra.id));
    const conclusions = iNodes(outOf.get(ra.id));
    const answering = isAnswering(ra);
    if (!premises.length || !conclusions.length) {
      draft.skip('RA nodes without both ends', `RA-node ${ra.id}${ra.text ? ` (${ra.text})` : ''}`, `it has ${premises.length ? 'no conclusion' : 'no premise'} among the I-nodes`, at(ra));
      continue;
    }
    const pairs: [string, string][] = [];
    for (const c of conclusions) {
      for (const p of premises) {
        if (answering) {
          draft.answer(p.id, c.id, at(ra));
          continue;
        }
        const others = premises.filter((o) => o !== p).map((o) => `“${o.text.trim()}”`);
        const linkedNote = others.length ? linkedPremiseNote(others, ra.id) : undefined;
        const note = claimIds ? noteOf(`supports:${p.id}->${c.id}`) : join(linkedNote, schemeOfNode(ra));
        draft.relate('supports', p.id, c.id, note, at(ra));
        pairs.push([p.id, c.id]);
      }
    }
    produced.set(ra.id, pairs);
    const odd = [...(into.get(ra.id) ?? []), ...(outOf.get(ra.id) ?? [])].filter((n) => !['I', 'YA', 'CA', 'TA'].includes(n.type));
    for (const n of odd) draft.skip('nodes linked to an inference', `${n.type}-node ${n.id} linked to RA ${ra.id}`, 'only I-nodes can be premises or conclusions', at(n));
  }

  const cas = all.filter((n) => n.type === 'CA');
  for (const ca of cas) {
    const sources = iNodes(into.get(ca.id));
    const targets = (outOf.get(ca.id) ?? []).filter((n) => n.type !== 'YA' && n.type !== 'TA');
    if (!sources.length || !targets.length) {
      draft.skip('CA nodes without both ends', `CA-node ${ca.id}`, `it has ${sources.length ? 'no target' : 'no attacking I-node'}`, at(ca));
      continue;
    }
    const pairs: [string, string][] = [];
    for (const t of targets.filter((t) => t.type === 'I' && draft.has(t.id))) {
      for (const s of sources) {
        draft.relate('attacks', s.id, t.id, claimIds ? noteOf(`attacks:${s.id}->${t.id}`) : schemeOfNode(ca), at(ca));
        pairs.push([s.id, t.id]);
      }
    }
    produced.set(ca.id, pairs);
  }
  for (const ca of cas) {
    const sources = iNodes(into.get(ca.id));
    for (const t of outOf.get(ca.id) ?? []) {
      if (t.type === 'I' || t.type === 'YA' || t.type === 'TA') continue;
      const pairs = t.type === 'RA' || t.type === 'CA' ? (produced.get(t.id) ?? []) : [];
      if (!pairs.length) {
        draft.skip('CA nodes without both ends', `CA-node ${ca.id} → ${t.type}-node ${t.id}`, 'it does not attack a claim or an imported inference or conflict', at(ca));
        continue;
      }
      const kind = t.type === 'RA' ? 'supports' : 'attacks';
      for (const s of sources) {
        for (const [from, to] of pairs) draft.undercut(s.id, from, to, claimIds ? noteOf(`undercuts:${s.id}->(${kind}:${from}->${to})`) : schemeOfNode(ca), at(ca));
      }
    }
  }

  // The writer's framing has no AIF node: the site's export lists it in its extension.
  if (site && Array.isArray(site.frames)) {
    for (const f of site.frames) {
      if (isObject(f) && isId(f.from) && isId(f.to)) draft.frame(String(f.from), String(f.to), typeof f.note === 'string' ? f.note : undefined, `site.frames`);
    }
  }

  for (const type of ['MA', 'PA'] as const) {
    const list = all.filter((n) => n.type === type);
    if (list.length) {
      draft.skip(
        type === 'MA' ? 'rephrase (MA) nodes' : 'preference (PA) nodes',
        `${plural(list.length, `${type}-node`)} (${list.map((n) => n.id).join(', ')})`,
        type === 'MA' ? 'rephrase (MA) has no counterpart among supports, attacks and undercuts' : 'preference (PA) has no counterpart on the site',
        undefined,
        list.length,
      );
    }
  }
  const dialogue = (['L', 'YA', 'TA'] as const).filter((t) => count[t]);
  if (dialogue.length) {
    draft.skip(
      'dialogue nodes (L, YA, TA)',
      `dialogue layer: ${dialogue.map((t) => `${count[t]} ${t}`).join(', ')} nodes`,
      'the site maps claims, not dialogue; speakers are kept as `by` (known actors) or in notes',
      undefined,
      dialogue.reduce((n, t) => n + count[t], 0),
    );
  }
  const direct = all.filter((n) => n.type === 'I').flatMap((n) => iNodes(outOf.get(n.id)).map((m) => [n, m] as const));
  for (const [a, b] of direct) draft.skip('edges between two I-nodes', `edge from I-node ${a.id} to I-node ${b.id}`, 'I-nodes are linked through RA or CA nodes; a direct edge has no meaning', at(a));

  const title = (options.file.split(/[\\/]/).pop() ?? options.name).replace(/\.json$/i, '');
  return singlePageResult(options, title, 'AIF', draft);
}
