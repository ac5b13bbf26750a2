import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importAif } from '../../src/graph/import/aif.ts';
import { ImportError, type ImportResult } from '../../src/graph/import/types.ts';
import { validationErrors } from './import-support.ts';

const TESTDATA = path.resolve(import.meta.dirname, '../fixtures/external/aif');


/** Relations as `kind:<node id>-><node id>` (undercuts: `undercuts:<by>|<from>-><to>`), by AIF node ids. */
function importedRelations(result: ImportResult): string[] {
  const o = (id: string) => result.report.origins[id].replace(/^node /, '');
  const out: string[] = [];
  for (const c of result.pages.flatMap((p) => p.claims)) {
    for (const kind of ['supports', 'attacks'] as const) for (const ref of c[kind] ?? []) out.push(`${kind}:${o(c.id)}->${o(typeof ref === 'string' ? ref : ref.to)}`);
    for (const u of c.undercuts ?? []) out.push(`undercuts:${o(c.id)}|${o(u.from)}->${o(u.to)}`);
  }
  return out.sort();
}

interface Aif {
  nodes: { nodeID: string; type: string; text: string }[];
  edges: { fromID: string; toID: string }[];
}

/** I-nodes and the RA/CA structure, read straight from the file. */
function expectedStructure(aif: Aif) {
  const type = new Map(aif.nodes.map((n) => [n.nodeID, n.type]));
  const into = (id: string, t: string) => aif.edges.filter((e) => e.toID === id && type.get(e.fromID) === t).map((e) => e.fromID);
  const outOf = (id: string, t: string) => aif.edges.filter((e) => e.fromID === id && type.get(e.toID) === t).map((e) => e.toID);
  const relations = new Set<string>();
  const produced = new Map<string, [string, string][]>();
  for (const ra of aif.nodes.filter((n) => n.type === 'RA')) {
    const pairs = outOf(ra.nodeID, 'I').flatMap((c) => into(ra.nodeID, 'I').map((p): [string, string] => [p, c]));
    pairs.forEach(([p, c]) => relations.add(`supports:${p}->${c}`));
    produced.set(ra.nodeID, pairs);
  }
  for (const ca of aif.nodes.filter((n) => n.type === 'CA')) {
    for (const s of into(ca.nodeID, 'I')) {
      for (const t of outOf(ca.nodeID, 'I')) relations.add(`attacks:${s}->${t}`);
      for (const ra of outOf(ca.nodeID, 'RA')) for (const [p, c] of produced.get(ra) ?? []) relations.add(`undercuts:${s}|${p}->${c}`);
    }
  }
  return { iNodes: aif.nodes.filter((n) => n.type === 'I').map((n) => `node ${n.nodeID}`).sort(), relations: [...relations].sort() };
}

describe('AIF import of the external test set', async () => {
  const files = (await readdir(TESTDATA)).filter((f) => f.endsWith('.json')).sort();

  it('has the four files', () => expect(files).toHaveLength(4));

  for (const file of files) {
    it(`${file}: I-nodes, RA and CA structure preserved, and it validates`, async () => {
      const text = await readFile(path.join(TESTDATA, file), 'utf8');
      const result = importAif(text, { name: 'aif', file });
      const expected = expectedStructure(JSON.parse(text));
      expect(Object.values(result.report.origins).sort()).toEqual(expected.iNodes);
      expect(importedRelations(result)).toEqual(expected.relations);
      expect(await validationErrors(result, 'aif')).toEqual([]);
    });
  }

  it('araucaria_nodeset233: linked premises are noted, CA on a premise and on a conclusion become attacks', async () => {
    const result = importAif(await readFile(path.join(TESTDATA, 'araucaria_nodeset233.json'), 'utf8'), { name: 'ar', file: 'x.json' });
    expect(result.report.relationsByKind).toEqual({ supports: 2, attacks: 2 });
    const supports = result.pages[0].claims.flatMap((c) => c.supports ?? []);
    expect(supports.every((s) => typeof s === 'object' && /Linked premise/.test(s.note ?? ''))).toBe(true);
  });

  it('qt30_nodeset21318: reports MA and the dialogue layer, keeps speakers as notes or `by`', async () => {
    const text = await readFile(path.join(TESTDATA, 'qt30_nodeset21318.json'), 'utf8');
    const plain = importAif(text, { name: 'qt', file: 'x.json' });
    expect(plain.report.skipped.map((s) => s.what)).toEqual(['1 MA-node (707870)', 'dialogue layer: 10 L, 8 YA, 4 TA nodes']);
    expect(plain.pages[0].claims[0].note).toBe('Said by Lisa Nandy.');
    const known = importAif(text, { name: 'qt', file: 'x.json', actors: [{ id: 'nandy', name: 'Lisa Nandy' }] });
    expect(known.pages[0].claims[0]).toMatchObject({ by: 'nandy' });
    expect(known.pages[0].claims[0].note).toBeUndefined();
  });

  it('accepts the OVA3 envelope and numeric ids', async () => {
    const text = await readFile(path.join(TESTDATA, 'araucaria_nodeset233.json'), 'utf8');
    const aif = JSON.parse(text) as Aif;
    const numeric = {
      nodes: aif.nodes.map((n) => ({ ...n, nodeID: Number(n.nodeID) })),
      edges: aif.edges.map((e) => ({ ...e, fromID: Number(e.fromID), toID: Number(e.toID) })),
    };
    const ova = JSON.stringify({ AIF: { ...numeric, locutions: [], participants: [] }, OVA: { firstname: '', nodes: [], edges: [] } });
    const a = importAif(text, { name: 'ar', file: 'a.json' });
    const b = importAif(ova, { name: 'ar', file: 'b.json' });
    expect(b.pages[0].claims).toEqual(a.pages[0].claims);
  });
});

describe('malformed AIF', () => {
  const error = (text: string): ImportError => {
    try {
      importAif(text, { name: 'bad', file: 'bad.json' });
    } catch (e) {
      if (e instanceof ImportError) return e;
      throw e;
    }
    throw new Error('no error');
  };

  it('bad JSON: line and column', () => {
    expect(error('{\n  "nodes": [,]\n}').message).toBe('bad.json:2:13: invalid JSON: ValueExpected');
  });
  it('unknown node type: JSON path and node id', () => {
    const text = JSON.stringify({ nodes: [{ nodeID: '1', type: 'I', text: 'a' }, { nodeID: '7', type: 'XX', text: '?' }], edges: [] });
    expect(error(text).message).toBe('bad.json:$.nodes[1] (node 7): unknown node type "XX"; expected one of I, RA, CA, MA, PA, L, YA, TA');
  });
  it('edge to a missing node: JSON path and edge id', () => {
    const text = JSON.stringify({ nodes: [{ nodeID: '1', type: 'I', text: 'a' }], edges: [{ edgeID: 'e9', fromID: '1', toID: '2' }] });
    expect(error(text).message).toBe('bad.json:$.edges[0] (edge e9): edge ends at missing node 2');
  });
  it('no nodes array', () => {
    expect(error('{"AIF": {"edges": []}}').message).toBe('bad.json:$.AIF.nodes: expected an array of AIF nodes');
  });
});

describe('AIF schemes', () => {
  it('puts a scheme other than the default in the relation note', () => {
    const aif = {
      nodes: [
        { nodeID: '1', type: 'I', text: 'Experts say so.' },
        { nodeID: '2', type: 'I', text: 'It is so.' },
        { nodeID: '3', type: 'I', text: 'They are paid to say so.' },
        { nodeID: '4', type: 'RA', text: 'Argument From Expert Opinion', scheme: 'Argument From Expert Opinion' },
        { nodeID: '5', type: 'CA', text: 'Default Conflict' },
      ],
      edges: [
        { edgeID: 'a', fromID: '1', toID: '4' },
        { edgeID: 'b', fromID: '4', toID: '2' },
        { edgeID: 'c', fromID: '3', toID: '5' },
        { edgeID: 'd', fromID: '5', toID: '1' },
      ],
    };
    const claims = importAif(JSON.stringify(aif), { name: 's', file: 's.json' }).pages[0].claims;
    expect(claims.map((c) => [c.supports, c.attacks])).toEqual([
      [[{ to: 's-it-is-so', note: 'AIF scheme: Argument From Expert Opinion.' }], undefined],
      [undefined, undefined],
      [undefined, ['s-experts-say-so']],
    ]);
  });
});

describe('real exports with harmless noise', () => {
  it('merges nodes repeated byte for byte, and repeated edges, and reports them', async () => {
    const aif = JSON.parse(await readFile(path.join(TESTDATA, 'araucaria_nodeset233.json'), 'utf8')) as Aif;
    const clean = importAif(JSON.stringify(aif), { name: 'n', file: 'clean.json' });
    // Every node and every edge written twice more, as some AIFdb exports do.
    const noisy = { ...aif, nodes: [...aif.nodes, ...aif.nodes, ...aif.nodes], edges: [...aif.edges, ...aif.edges] };
    const result = importAif(JSON.stringify(noisy, null, 2), { name: 'n', file: 'clean.json' });
    expect(result.pages).toEqual(clean.pages.map((p) => ({ ...p, body: expect.any(String) })));
    expect(importedRelations(result)).toEqual(importedRelations(clean));
    const n = aif.nodes.length * 2;
    expect(result.report.skipped.slice(0, 2)).toEqual([
      { category: 'repeated nodes (merged)', what: `${n} repeated nodes (nodeID ${[...new Set(aif.nodes.map((x) => x.nodeID))].join(', ')})`, why: 'each is an exact copy of an earlier node with the same nodeID: merged into it', count: n },
      { category: 'repeated edges (merged)', what: `${aif.edges.length} repeated edges`, why: 'each links the same two nodes as an earlier edge: linked once', count: aif.edges.length },
    ]);
    expect(result.report.skippedByCategory).toMatchObject({ 'repeated nodes (merged)': n, 'repeated edges (merged)': aif.edges.length });
  });

  it('refuses a nodeID declared twice with different content, naming both places and their lines', () => {
    const text = JSON.stringify({ nodes: [{ nodeID: '1', type: 'I', text: 'a' }, { nodeID: '2', type: 'I', text: 'b' }, { nodeID: '1', type: 'I', text: 'a, changed' }], edges: [] }, null, 2);
    expect(() => importAif(text, { name: 'n', file: 'clash.json' })).toThrow(
      new ImportError('clash.json', '$.nodes[2] (node 1)', 'node 1 is declared twice with different content: at $.nodes[0] (line 3) and at $.nodes[2] (line 13); keep one of them, or give the other its own nodeID'),
    );
  });
});
