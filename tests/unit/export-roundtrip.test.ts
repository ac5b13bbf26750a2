/**
 * import(export(graph)) gives back everything the site shows, through Argdown and through AIF, for a hand-made graph
 * and for the site's real graph: the same claim ids (permalinks), kinds, texts, labels, speakers, sources, quotes,
 * voices and notes, and the same relations (supports, attacks, undercuts, answers, frames) with their notes. The
 * imported pages are validated by compiling them with the graph's actors and sources, and compared compiled.
 * Also AIF → site → AIF keeps a linked argument (several premises into one RA) as one RA.
 */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
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
const edge = (kind: GraphEdge['kind'], from: string, to: string, note?: string): GraphEdge => ({
  id: kind === 'undercuts' ? `undercuts:${from}->(${to})` : `${kind}:${from}->${to}`,
  kind,
  from,
  to,
  ...(note ? { note } : {}),
});

/**
 * Every kind, every relation (with and without notes), voices, framing, an unanswered question, Argdown's special
 * characters and a shared undercutter.
 */
const handMade: CompiledGraph = {
  nodes: [
    node('q', 'question', 'Should police get more powers? [yes] {no}'),
    node('q2', 'question', 'A question nobody answers?'),
    node('p', 'position', 'Yes: the powers close blind spots.', { by: 'rowley', label: 'More powers' }),
    node('a', 'claim', 'Communications moved online, e.g. to apps; 1.5 million users.', { note: 'A note {with braces} and a \u2028 separator.' }),
    node('ev', 'evidence', 'Rowley said *so* at RUSI — #2015 @home <b> a//b .->. :x: x = y === z \\ end', { by: 'rowley', source: 's', quote: 'said so', voice: 'direct' }),
    node('c', 'claim', 'Most of it is encrypted end to end.'),
    node('u', 'claim', 'The speech is not evidence of the facts.'),
    node('v', 'assumption', 'Encryption does not hide metadata.', { note: 'Reconstructed.' }),
    node('w', 'claim', 'A second reason.\nOn two lines.'),
    node('f', 'claim', 'The headline calls it a “blind spot”.', { source: 's', voice: 'framing' }),
    node('ctx', 'context', 'The bill was published in November 2015.', { source: 'web', label: 'Bill published' }),
  ],
  edges: [
    edge('answers', 'p', 'q'),
    edge('supports', 'a', 'p', 'Why a supports p.'),
    edge('supports', 'ev', 'a'),
    edge('supports', 'w', 'a'),
    edge('supports', 'ctx', 'c'),
    edge('attacks', 'c', 'a', 'Why c attacks a: {braces}.'),
    edge('attacks', 'c', 'w'),
    edge('undercuts', 'u', 'supports:ev->a', 'Why u undercuts.'),
    edge('undercuts', 'v', 'attacks:c->a'),
    edge('undercuts', 'v', 'attacks:c->w'),
    edge('frames', 'f', 'a', 'Presents a as settled.'),
    edge('frames', 'f', 'c'),
  ],
  actors: { rowley: { id: 'rowley', name: 'Mark Rowley', role: 'AC', description: 'Police.', inArticle: true } },
  sources: {
    s: { id: 's', title: 'The speech', publisher: 'RUSI', kind: 'speech', url: 'https://example.org/speech' },
    web: { id: 'web', title: 'The bill', publisher: 'Home Office', kind: 'legislation', url: 'https://example.org/bill' },
  },
  pages: [],
  layout: { boxes: {}, refs: {}, drawnFrom: {}, drawnTo: {}, routes: {}, anchors: {}, bounds: { x: 0, y: 0, width: 0, height: 0 } },
  diagnostics: [],
};

/** Argdown statements are one paragraph: whitespace comes back as single spaces. */
const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Everything the site shows of a graph: claims with their fields, relations with their notes, by id. */
function shown(graph: Pick<CompiledGraph, 'nodes' | 'edges'>, whitespace: 'exact' | 'flat' = 'exact') {
  const t = (s: string) => (whitespace === 'flat' ? flat(s) : s);
  const byId = <T extends { id: string }>(a: T, b: T) => a.id.localeCompare(b.id);
  return {
    claims: graph.nodes
      .map(({ id, kind, text, label, by, source, quote, voice, note }) => ({ id, kind, text: t(text), label: t(label), by, source, quote, voice, note }))
      .sort(byId),
    relations: graph.edges.map(({ id, kind, from, to, note }) => ({ id, kind, from, to, note })).sort(byId),
  };
}

/** Write the pages into a temporary content root with the graph's actors and sources (and source texts), and compile it. */
async function compileImport(result: ImportResult, graph: CompiledGraph): Promise<CompiledGraph> {
  const root = await mkdtemp(path.join(tmpdir(), 'roundtrip-'));
  try {
    await writeFile(path.join(root, 'actors.yaml'), stringify(Object.values(graph.actors)));
    await writeFile(path.join(root, 'sources.yaml'), stringify(Object.values(graph.sources)));
    if (existsSync(path.join(ROOT, 'content', 'sources'))) await cp(path.join(ROOT, 'content', 'sources'), path.join(root, 'sources'), { recursive: true });
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

const registries = (graph: CompiledGraph) => ({
  actors: Object.values(graph.actors).map((a) => ({ id: a.id, name: a.name })),
  sources: Object.values(graph.sources).map((s) => ({ id: s.id, kind: s.kind, ...(s.url ? { url: s.url } : {}) })),
});

async function roundTrip(graph: CompiledGraph) {
  const options = { name: 'rt', ...registries(graph) };
  const argdown = importArgdown(exportArgdown(graph), { ...options, file: 'graph.argdown' });
  const aif = importAif(exportAif(graph), { ...options, file: 'graph.aif.json' });
  return { argdown, aif, viaArgdown: await compileImport(argdown, graph), viaAif: await compileImport(aif, graph) };
}

describe('round trip of a hand-made graph', () => {
  it('Argdown: the same claims (ids, kinds, fields), relations and notes; only whitespace in texts is folded', async () => {
    const { viaArgdown, argdown } = await roundTrip(handMade);
    expect(shown(viaArgdown, 'flat')).toEqual(shown(handMade, 'flat'));
    // Nothing the site shows was dropped on the way; only the bare inference and the dialogue layer are reported.
    expect(Object.keys(argdown.report.skippedByCategory)).toEqual(['arguments read as inferences']);
  });

  it('AIF: the same claims (ids, kinds, fields, exact texts), relations and notes', async () => {
    const { viaAif, aif } = await roundTrip(handMade);
    expect(shown(viaAif)).toEqual(shown(handMade));
    expect(Object.keys(aif.report.skippedByCategory)).toEqual(['dialogue nodes (L, YA, TA)']);
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

  it('has claims of every kind, voices, framing and notes to round-trip', () => {
    expect(new Set(graph.nodes.map((n) => n.kind)).size).toBeGreaterThanOrEqual(5);
    expect(graph.nodes.some((n) => n.voice)).toBe(true);
    expect(graph.edges.some((e) => e.kind === 'frames')).toBe(true);
    expect(graph.edges.some((e) => e.note)).toBe(true);
  });

  it('Argdown: the same claims, ids, fields, relations and notes', async () => {
    const { viaArgdown } = await roundTrip(graph);
    expect(shown(viaArgdown, 'flat')).toEqual(shown(graph, 'flat'));
  });

  it('AIF: the same claims, ids, fields, relations and notes', async () => {
    const { viaAif } = await roundTrip(graph);
    expect(shown(viaAif)).toEqual(shown(graph));
  });
});

describe('AIF → site → AIF', () => {
  it('keeps a linked argument (two premises into one RA) as one RA, and the attacks on it', async () => {
    const file = path.join(ROOT, 'tests/fixtures/external/aif/araucaria_nodeset233.json');
    const original = JSON.parse(await readFile(file, 'utf8')) as { nodes: { nodeID: string; type: string; text: string }[]; edges: { fromID: string; toID: string }[] };
    const empty: CompiledGraph = { ...handMade, nodes: [], edges: [], actors: {}, sources: {} };
    const site = await compileImport(importAif(JSON.stringify(original), { name: 'ar', file: 'araucaria.json' }), empty);
    const again = JSON.parse(exportAif(site)) as typeof original;
    /** Each RA and CA as the texts of its premises/attackers → its conclusion/target. */
    const structure = (aif: typeof original) => {
      const text = new Map(aif.nodes.map((n) => [n.nodeID, n.text]));
      return aif.nodes
        .filter((n) => n.type === 'RA' || n.type === 'CA')
        .map((s) => `${s.type}: ${aif.edges.filter((e) => e.toID === s.nodeID).map((e) => text.get(e.fromID)).sort().join(' + ')} → ${aif.edges.filter((e) => e.fromID === s.nodeID).map((e) => text.get(e.toID)).join(', ')}`)
        .sort();
    };
    expect(structure(again)).toEqual(structure(original));
    // The RA's scheme comes back too (the import keeps it in the relation notes).
    expect(again.nodes.filter((n) => n.type === 'RA').map((n) => [n.text, (n as { scheme?: string }).scheme])).toEqual([['Analogy', 'Analogy']]);
    expect(original.nodes.filter((n) => n.type === 'RA').some((ra) => original.edges.filter((e) => e.toID === ra.nodeID).length > 1)).toBe(true);
  });
});
