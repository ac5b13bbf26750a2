import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { graphToApx, graphToTgf } from '../../src/graph/export/iccma.ts';
import { parseApx, parseTgf } from '../../src/graph/iccma.ts';
import { compileSite, formatDiagnostic } from '../../src/graph/index.ts';
import { graphToFramework } from '../../src/graph/semantics.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('ICCMA exports of the site graph', () => {
  it('apx and tgf read back to the graph’s framework, deterministically', async () => {
    const result = await compileSite({ contentRoot: path.join(ROOT, 'content'), cwd: ROOT, layout: false });
    if (!result.ok) throw new Error(result.diagnostics.map(formatDiagnostic).join('\n'));
    const fw = graphToFramework(result.graph);
    expect(fw.args.length).toBeGreaterThan(0);
    expect(parseApx(graphToApx(result.graph))).toEqual(fw);
    expect(parseTgf(graphToTgf(result.graph))).toEqual(fw);
    expect(graphToApx(result.graph)).toBe(graphToApx(structuredClone(result.graph)));
  });
});
