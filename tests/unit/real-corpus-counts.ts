/**
 * What each format's own tool reads from a file of the real-world corpus (`tests/fixtures/real/`), independently of
 * the importers: Argdown through `@argdown/core` with its default settings (as Argdown's own CLI reads a file), AIF
 * as the JSON it is, Kialo by its line format. `expected.json` records these counts, and the corpus test checks both
 * that the tools still read them and that `npm run import` agrees with them.
 */
import { ArgdownApplication, DataPlugin, ModelPlugin, ParserPlugin, type IArgdownRequest } from '@argdown/core';

export type Format = 'argdown' | 'aif' | 'kialo';

export interface ArgdownCounts {
  statements: number;
  arguments: number;
  relations: Record<string, number>;
  /** `line:column` of the first lexer or parser error Argdown reports, if any. */
  firstError?: string;
  errors: number;
}

export interface AifCounts {
  nodes: Record<string, number>;
  edges: number;
  /** Edges from I-node to I-node (not AIF: I-nodes are linked through RA or CA nodes). */
  directEdges: number;
  /** Keys of a JSON object that is not an AIF map (no `nodes` array anywhere). */
  notAif?: string[];
}

export interface KialoCounts {
  title: boolean;
  claims: number;
  pro: number;
  con: number;
  links: number;
}

const app = new ArgdownApplication();
app.addPlugin(new ParserPlugin(), 'parse-input');
app.addPlugin(new DataPlugin(), 'build-model');
app.addPlugin(new ModelPlugin(), 'build-model');

const tally = (values: string[]) => {
  const out: Record<string, number> = {};
  for (const v of values.sort()) out[v] = (out[v] ?? 0) + 1;
  return out;
};

export function argdownCounts(text: string): ArgdownCounts {
  const r = app.run({ input: text, process: ['parse-input', 'build-model'], logLevel: 'none', logExceptions: false } as IArgdownRequest);
  const errors = [...(r.lexerErrors ?? []).map((e) => `${e.line}:${e.column}`), ...(r.parserErrors ?? []).map((e) => `${e.token.startLine}:${e.token.startColumn}`)];
  return {
    statements: Object.keys(r.statements ?? {}).length,
    arguments: Object.keys(r.arguments ?? {}).length,
    relations: tally((r.relations ?? []).map((x) => x.relationType)),
    ...(errors.length ? { firstError: errors[0] } : {}),
    errors: errors.length,
  };
}

export function aifCounts(text: string): AifCounts {
  const json = JSON.parse(text) as Record<string, unknown>;
  const map = (Array.isArray(json.nodes) ? json : (json.AIF as Record<string, unknown> | undefined)) as { nodes?: { nodeID: unknown; type: string }[]; edges?: { fromID: unknown; toID: unknown }[] } | undefined;
  if (!map || !Array.isArray(map.nodes)) return { nodes: {}, edges: 0, directEdges: 0, notAif: Object.keys(json).sort() };
  const type = new Map(map.nodes.map((n) => [String(n.nodeID), n.type]));
  const edges = map.edges ?? [];
  return {
    nodes: tally(map.nodes.map((n) => n.type)),
    edges: edges.length,
    directEdges: edges.filter((e) => type.get(String(e.fromID)) === 'I' && type.get(String(e.toID)) === 'I').length,
  };
}

export function kialoCounts(text: string): KialoCounts {
  const lines = text.split(/\r?\n/);
  const claims = lines.filter((l) => /^(\d+\.)+\s/.test(l));
  return {
    title: /^Discussion Title:/.test(lines[0] ?? ''),
    claims: claims.length,
    pro: claims.filter((l) => /^(\d+\.)+\s+Pro:/.test(l)).length,
    con: claims.filter((l) => /^(\d+\.)+\s+Con:/.test(l)).length,
    links: claims.filter((l) => /(Pro|Con):\s*->\s*See\s/.test(l)).length,
  };
}

export function toolCounts(format: Format, text: string): ArgdownCounts | AifCounts | KialoCounts {
  if (format === 'argdown') return argdownCounts(text);
  if (format === 'aif') return aifCounts(text);
  return kialoCounts(text);
}

/** The counts `npm run import` prints: `claims: question 1, claim 512` and the like, as objects. */
export function parseImportReport(stdout: string): { claims: Record<string, number>; relations: Record<string, number>; notImported: Record<string, number> } {
  const line = (label: string) => {
    const found = new RegExp(`^  ${label}: (.*)$`, 'm').exec(stdout)?.[1] ?? '';
    if (found === 'none' || found === 'nothing') return {};
    // `kind 3, other kind 12`: a name (which may hold commas) then a count, separated by `, `.
    return Object.fromEntries([...found.matchAll(/(.+?) (\d+)(?:, |$)/g)].map((m) => [m[1], Number(m[2])]));
  };
  return { claims: line('claims'), relations: line('relations'), notImported: line('not imported as written') };
}
