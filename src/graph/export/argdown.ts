/**
 * The compiled graph as Argdown text that `@argdown/core` parses back to the same claims and relations
 * (`importArgdown` is its inverse; a unit test checks the round trip).
 *
 * - front matter `claimIds: true`: the titles are the site's claim ids, which an import keeps (permalinks survive);
 * - each claim → a statement `[<claim id>]: <text> {kind, label, by, answers, source, quote, voice, note, frames,
 *   notes}`: the title is the claim id, the site's fields ride in Argdown's data block (JSON, braces inside strings
 *   escaped as \u007b/\u007d); `frames` lists the claims it frames (`{to, note}`), `notes` the notes of its
 *   relations (`"supports b"`, `"attacks c"`, `"undercuts a b"`), which Argdown relations cannot carry;
 *   whitespace in the text becomes single spaces (an Argdown statement is one paragraph), Argdown's special
 *   characters are backslash-escaped;
 * - `supports` → `[a]` / `  +> [b]`; `attacks` → `  -> [b]`;
 * - an undercut `supports` a → b (both statements) → a reconstructed argument with no description,
 *   `<a supports b>` / `(1) [a]` / `----` / `(2) [b]`, whose inference the undercutter undercuts (`_>`); Argdown
 *   undercuts attack inferences, and `importArgdown` reads a bare one-step argument as the inference itself;
 * - an undercut `attacks` a → b: a is written as an argument `<a>: …` and the undercutter undercuts that argument,
 *   which `importArgdown` reads as an undercut of every relation going out of `<a>`. Exact when each of a's outgoing
 *   relations has the same undercutters (the usual case: an objection attacks one claim); otherwise the undercut
 *   spreads to a's other relations. The same applies to an undercut support whose end is such an argument.
 * - `answers` → the position's data `{answers: <question id>}` (Argdown has no answer relation); `frames` → data
 *   too (framing is not an argument).
 */
import type { CompiledGraph, GraphEdge, GraphNode } from '../types.ts';

/** Escape text for an Argdown statement: one line, no markup, no special-character shortcodes. */
export function escapeArgdownText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\[\]<>{}#@*_/=`]/g, '\\$&')
    .replace(/[.:](?=\S)/g, '\\$&');
}

/** A data block `{…}` Argdown's lexer and YAML reader both accept: JSON with braces inside strings as unicode escapes. */
function dataBlock(data: Record<string, unknown>): string {
  const entries = Object.entries(data).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0) && !(typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0));
  // Escape braces inside strings (they would end the block) and line separators (the lexer's `.` stops at them).
  return JSON.stringify(Object.fromEntries(entries)).replace(/"(?:[^"\\]|\\.)*"/g, (string) =>
    string.replace(/[{}\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
  );
}

/** Argdown text for the graph, ending in a newline. */
export function exportArgdown(graph: CompiledGraph): string {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const edgesById = new Map(graph.edges.map((e) => [e.id, e]));
  const undercutsOf = new Map<string, GraphEdge[]>();
  for (const e of graph.edges) if (e.kind === 'undercuts') undercutsOf.set(e.to, [...(undercutsOf.get(e.to) ?? []), e]);
  const undercut = [...undercutsOf.keys()].map((id) => edgesById.get(id)).filter((e): e is GraphEdge => !!e);

  // Claims written as arguments: sources of undercut attacks, and the ends of undercut supports touching them.
  const asArgument = new Set(undercut.filter((e) => e.kind === 'attacks').map((e) => e.from));
  for (let changed = true; changed; ) {
    changed = false;
    for (const e of undercut) {
      if (e.kind === 'supports' && !asArgument.has(e.from) && asArgument.has(e.to)) {
        asArgument.add(e.from);
        changed = true;
      }
    }
  }
  const ref = (id: string) => (asArgument.has(id) ? `<${id}>` : `[${id}]`);
  const asInference = (e: GraphEdge) => e.kind === 'supports' && undercutsOf.has(e.id) && !asArgument.has(e.from);

  const blocks: string[] = ['===\nclaimIds: true\n===', '// Argument map exported by the site. Titles are claim ids; data blocks carry the site fields.'];
  const outgoing = new Map<string, GraphEdge[]>();
  for (const e of graph.edges) (outgoing.get(e.from) ?? outgoing.set(e.from, []).get(e.from)!).push(e);
  const describe = (n: GraphNode) => {
    const mine = outgoing.get(n.id) ?? [];
    const answers = mine.find((e) => e.kind === 'answers')?.to;
    const frames = mine.filter((e) => e.kind === 'frames').map((e) => (e.note ? { to: e.to, note: e.note } : e.to));
    const notes: Record<string, string> = {};
    for (const e of mine) {
      if (!e.note || e.kind === 'frames') continue;
      const target = e.kind === 'undercuts' ? edgesById.get(e.to) : undefined;
      notes[target ? `undercuts ${target.from} ${target.to}` : `${e.kind} ${e.to}`] = e.note;
    }
    const data = dataBlock({ kind: n.kind, label: n.label, by: n.by, answers, source: n.source, quote: n.quote, voice: n.voice, note: n.note, frames, notes });
    return `${ref(n.id)}: ${escapeArgdownText(n.text)} ${data}`;
  };
  for (const n of graph.nodes) blocks.push(describe(n));

  for (const n of graph.nodes) {
    const lines = (outgoing.get(n.id) ?? [])
      .filter((e) => (e.kind === 'supports' || e.kind === 'attacks') && !asInference(e) && byId.has(e.to))
      .map((e) => `  ${e.kind === 'supports' ? '+>' : '->'} ${ref(e.to)}`);
    const argumentUndercutters = asArgument.has(n.id)
      ? [...new Set((outgoing.get(n.id) ?? []).flatMap((e) => (undercutsOf.get(e.id) ?? []).map((u) => u.from)))]
      : [];
    lines.push(...argumentUndercutters.map((u) => `  <_ ${ref(u)}`));
    if (lines.length) blocks.push([ref(n.id), ...lines].join('\n'));
  }

  for (const e of undercut.filter(asInference)) {
    const title = `<${e.from} supports ${e.to}>`;
    const by = (undercutsOf.get(e.id) ?? []).map((u) => `  <_ ${ref(u.from)}`);
    blocks.push(`${title}\n\n(1) [${e.from}]\n----\n(2) [${e.to}]`, [title, ...by].join('\n'));
  }
  return `${blocks.join('\n\n')}\n`;
}
