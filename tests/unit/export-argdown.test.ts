import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeArgdownText, exportArgdown } from '../../src/graph/export/argdown.ts';
import { importArgdown } from '../../src/graph/import/argdown.ts';
import type { CompiledGraph, GraphNode } from '../../src/graph/types.ts';

const node = (id: string, text: string, extra: Partial<GraphNode> = {}): GraphNode => ({
  id, kind: 'claim', text, label: text, page: '', origin: { file: 'f', line: 1 }, ...extra,
});
const graphOf = (nodes: GraphNode[]): CompiledGraph => ({
  nodes, edges: [], actors: {}, sources: {}, pages: [], layout: { boxes: {}, refs: {}, drawnFrom: {}, drawnTo: {}, routes: {}, anchors: {}, bounds: { x: 0, y: 0, width: 0, height: 0 } }, diagnostics: [],
});

describe('Argdown export', () => {
  it('writes statements titled by claim id, with the site fields as data', () => {
    const text = exportArgdown(graphOf([node('a-b', 'Hello.', { label: 'Hi', note: 'N {x}' })]));
    expect(text).toContain('[a-b]: Hello. {"kind":"claim","label":"Hi","note":"N \\u007bx\\u007d"}');
  });

  it('escapes markup, so text comes back verbatim (whitespace collapsed)', () => {
    const chars = fc.constantFrom(...'abc XYZ 019 .,:;!?\'"()[]{}<>#@*_/\\-+=~|$%&^`\t\néü—…'.split(''));
    const texts = fc.oneof(fc.array(chars, { minLength: 1, maxLength: 40 }).map((a) => a.join('')), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }));
    fc.assert(
      fc.property(texts, fc.string({ unit: 'grapheme', maxLength: 20 }), (text, label) => {
        fc.pre(text.trim().length > 0 && !/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/.test(text + label));
        const result = importArgdown(exportArgdown(graphOf([node('x', text, { label: label.trim() || text })])), { name: 'p', file: 'f' });
        const claim = result.pages[0].claims[0];
        expect(claim.text).toBe(text.replace(/\s+/g, ' ').trim());
        expect(claim.label ?? claim.text).toBe((label.trim() || text).trim());
      }),
      { numRuns: 1000 },
    );
  });

  it('escapeArgdownText leaves plain prose alone', () => {
    expect(escapeArgdownText('Plain words, with commas; and a question? Yes.')).toBe('Plain words, with commas; and a question? Yes.');
  });
});
