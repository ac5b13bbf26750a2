/**
 * import(export(graph)) gives back the same claims (texts) and relations (kinds and endpoints), through Argdown and
 * through AIF, for a hand-made graph and for the site's real graph. The imported pages are validated by compiling
 * them with the graph's actors, and the relations are compared on the compiled result.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportAif } from '../../src/graph/export/aif.ts';
import { exportArgdown } from '../../src/graph/export/argdown.ts';
import { compileSite, formatDiagnostic } from '../../src/graph/index.ts';
import { importAif } from '../../src/graph/import/aif.ts';
import { importArgdown } from '../../src/graph/import/argdown.ts';
import type { ImportResult } from '../../src/graph/import/types.ts';
import { pageFile, renderPage } from '../../src/graph/import/write.ts';
import type { CompiledGraph, GraphEdge, GraphNode } from '../../src/graph/types.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

const node = (id: string, kind: GraphNode['kind'], text: string, extra: Partial<GraphNode> = {}): GraphNode => ({
  id,
  kind,
  text,
  label: text,
  page: 'p',
  origin: { file: 'content/docs/p.mdx', line: 1 },
  ...extra,
});
const edge = (kind: GraphEdge['kind'], from: string, to: string): GraphEdge => ({
  id: kind === 'undercuts' ? `undercuts:${from}->(${to})` : `${kind}:${from}->${to}`,
  kind,
  from,
  to,
});

/** Supports, attacks, undercuts of both, an answer, Argdown's special characters and a shared undercutter. */
const handMade: CompiledGraph = {
  nodes: [
    node('q', 'question', 'Should police get more powers? [yes] {no}'),
    node('p', 'position', 'Yes: the powers close blind spots.', { by: 'rowley', label: 'More powers' }),
    node('a', 'claim', 'Communications moved online, e.g. to apps; 1.5 million users.'),
    node('ev', 'evidence', 'Rowley said *so* at RUSI — #2015 @home <b> a//b .->. :x: x = y === z \\ end', { by: 'rowley', source: 's', quote: 'said so' }),
    node('c', 'claim', 'Most of it is encrypted end to end.'),
    node('u', 'claim', 'The speech is not evidence of the facts.'),
    node('v', 'assumption', 'Encryption does not hide metadata.', { note: 'Reconstructed.' }),
    node('w', 'claim', 'A second reason.\nOn two lines.'),
  ],
  edges: [
    edge('answers', 'p', 'q'),
    edge('supports', 'a', 'p'),
    edge('supports', 'ev', 'a'),
    edge('supports', 'w', 'a'),
    edge('attacks', 'c', 'a'),
    edge('attacks', 'c', 'w'),
    edge('undercuts', 'u', 'supports:ev->a'),
    edge('undercuts', 'v', 'attacks:c->a'),
    edge('undercuts', 'v', 'attacks:c->w'),
  ],
  actors: { rowley: { id: 'rowley', name: 'Mark Rowley', role: 'AC', description: 'Police.', inArticle: true } },
  sources: {},
  pages: [],
  layout: { boxes: {}, refs: {}, drawnFrom: {}, routes: {}, anchors: {}, bounds: { x: 0, y: 0, width: 0, height: 0 } },
  diagnostics: [],
};

const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Claims by text, and relations by the texts of their ends (undercuts by the texts of the relation they attack). */
function signature(graph: Pick<CompiledGraph, 'nodes' | 'edges'>) {
  const text = new Map(graph.nodes.map((n) => [n.id, flat(n.text)]));
  const edges = new Map(graph.edges.map((e) => [e.id, e]));
  const rel = (e: GraphEdge): string => {
    if (e.kind !== 'undercuts') return `${e.kind}: ${text.get(e.from)} → ${text.get(e.to)}`;
    return `undercuts: ${text.get(e.from)} ⇒ (${rel(edges.get(e.to)!)})`;
  };
  return { claims: graph.nodes.map((n) => flat(n.text)).sort(), relations: graph.edges.map(rel).sort() };
}

/** Write the pages into a temporary content root with the graph's actors, and compile it. */
async function compileImport(result: ImportResult, actors: CompiledGraph['actors']): Promise<CompiledGraph> {
  const root = await mkdtemp(path.join(tmpdir(), 'roundtrip-'));
  try {
    await writeFile(path.join(root, 'actors.yaml'), stringify(Object.values(actors)));
    await writeFile(path.join(root, 'sources.yaml'), '[]\n');
    const dir = path.join(root, 'docs', 'rt');
    await mkdir(dir, { recursive: true });
    for (const page of result.pages) await writeFile(path.join(dir, pageFile(page)), renderPage(page));
    const compiled = await compileSite({ contentRoot: root, layout: false });
    if (!compiled.ok) throw new Error(compiled.diagnostics.map(formatDiagnostic).join('\n'));
    return compiled.graph;
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

const knownActors = (graph: CompiledGraph) => Object.values(graph.actors).map((a) => ({ id: a.id, name: a.name }));

async function roundTrip(graph: CompiledGraph) {
  const options = { name: 'rt', actors: knownActors(graph) };
  const viaArgdown = await compileImport(importArgdown(exportArgdown(graph), { ...options, file: 'graph.argdown' }), graph.actors);
  const viaAif = await compileImport(importAif(exportAif(graph), { ...options, file: 'graph.aif.json' }), graph.actors);
  return { viaArgdown, viaAif };
}

describe('round trip of a hand-made graph', () => {
  it('Argdown: same claims and relations (supports, attacks, undercuts, answers)', async () => {
    const { viaArgdown } = await roundTrip(handMade);
    expect(signature(viaArgdown)).toEqual(signature(handMade));
    // Kinds that imports can express come back too, and so does the actor.
    expect(viaArgdown.nodes.map((n) => [n.kind, n.by ?? ''])).toEqual([
      ['question', ''], ['position', 'rowley'], ['claim', ''], ['claim', 'rowley'], ['claim', ''], ['claim', ''], ['claim', ''], ['claim', ''],
    ]);
    expect(viaArgdown.nodes.find((n) => n.kind === 'position')?.label).toBe('More powers');
  });

  it('AIF: same claims and relations', async () => {
    const { viaAif } = await roundTrip(handMade);
    expect(signature(viaAif)).toEqual(signature(handMade));
  });

  it('exports are deterministic and leave the graph untouched', () => {
    const before = JSON.stringify(handMade);
    expect(exportArgdown(handMade)).toBe(exportArgdown(structuredClone(handMade)));
    expect(exportAif(handMade)).toBe(exportAif(structuredClone(handMade)));
    expect(JSON.stringify(handMade)).toBe(before);
  });
});

describe('round trip of the site graph', () => {
  let graph: CompiledGraph;
  beforeAll(async () => {
    const result = await compileSite({ contentRoot: path.join(ROOT, 'content'), cwd: ROOT, layout: false });
    if (!result.ok) throw new Error(`site content has errors:\n${result.diagnostics.map(formatDiagnostic).join('\n')}`);
    graph = result.graph;
  });

  it('has claims and relations to round-trip', () => {
    expect(graph.nodes.length).toBeGreaterThan(5);
    expect(graph.edges.length).toBeGreaterThan(5);
  });

  // Neither format has a relation for the writer's framing, so `frames` links are compared separately.
  const argumentOnly = (g: CompiledGraph) => ({ ...g, edges: g.edges.filter((e) => e.kind !== 'frames') });

  it('Argdown: same claims (texts) and relations (kinds and endpoints)', async () => {
    const { viaArgdown } = await roundTrip(graph);
    expect(signature(viaArgdown)).toEqual(signature(argumentOnly(graph)));
  });

  it('AIF: same claims (texts) and relations (kinds and endpoints)', async () => {
    const { viaAif } = await roundTrip(graph);
    expect(signature(viaAif)).toEqual(signature(argumentOnly(graph)));
  });
});
