import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CompiledGraphSchema, exportGraphJson, exportGraphSchema, graphJsonSchema } from '../../src/graph/export/graph-json.ts';
import { compileSite, formatDiagnostic } from '../../src/graph/index.ts';
import type { CompiledGraph } from '../../src/graph/types.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('graph.json and its JSON Schema', () => {
  let graph: CompiledGraph;
  beforeAll(async () => {
    const result = await compileSite({ contentRoot: path.join(ROOT, 'content'), cwd: ROOT });
    if (!result.ok) throw new Error(`site content has errors:\n${result.diagnostics.map(formatDiagnostic).join('\n')}`);
    graph = result.graph;
  });

  it('the real compiled graph (with its layout) parses with the Zod schema', () => {
    const parsed = CompiledGraphSchema.safeParse(graph);
    expect(parsed.success ? [] : parsed.error.issues.slice(0, 5)).toEqual([]);
  });

  it('graph.json is the graph, pretty-printed, byte-for-byte stable', () => {
    const text = exportGraphJson(graph);
    expect(JSON.parse(text)).toEqual(graph);
    expect(exportGraphJson(structuredClone(graph))).toBe(text);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('the schema is draft 2020-12 with a title and description and no $id', () => {
    const schema = graphJsonSchema();
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.title).toBe('Compiled argument graph');
    expect(typeof schema.description).toBe('string');
    expect(schema).not.toHaveProperty('$id');
    expect(schema.required).toEqual(['nodes', 'edges', 'actors', 'sources', 'pages', 'layout', 'diagnostics']);
    expect(exportGraphSchema()).toBe(exportGraphSchema());
    expect(JSON.parse(exportGraphSchema())).toEqual(schema);
  });

  it('the schema rejects drift: an unknown field or kind', () => {
    const node = graph.nodes[0];
    expect(CompiledGraphSchema.safeParse({ ...graph, nodes: [{ ...node, extra: 1 }] }).success).toBe(false);
    expect(CompiledGraphSchema.safeParse({ ...graph, nodes: [{ ...node, kind: 'opinion' }] }).success).toBe(false);
    expect(CompiledGraphSchema.safeParse({ ...graph, edges: [{ id: 'x', kind: 'rebuts', from: 'a', to: 'b' }] }).success).toBe(false);
  });
});
