/** The static SVG map: escaped text, one shape per claim, one marker per relation kind. */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { KIND_STYLES, RELATION_STYLES } from '../../src/graph/encoding.ts';
import { compileSite } from '../../src/graph/index.ts';
import { drawingStart, escapeXml, renderMapSvg } from '../../src/graph/svg.ts';
import type { CompiledGraph, EdgeKind } from '../../src/graph/types.ts';
import { claimView, fullView, type MapView } from '../../src/graph/view.ts';
import { graphOf } from './graph-support.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const OPTIONS = { title: 'Map', description: 'The map.', idPrefix: 'm1' };
const EVIL = `<script>alert("x")</script> & 'quoted' "text"`;

const count = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].length;

/** `<g …>…</g>` of one node, by id. */
const nodeGroup = (svg: string, id: string) => new RegExp(`<g class="map-node[^"]*" data-id="${id}">.*?</g>`).exec(svg)?.[0] ?? '';

describe('escapeXml', () => {
  it('escapes the five XML specials', () => {
    expect(escapeXml(EVIL)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39; &quot;text&quot;');
  });

  it('escapes ampersands first, so nothing is double-escaped', () => {
    expect(escapeXml('&lt;')).toBe('&amp;lt;');
  });
});

describe('renderMapSvg', () => {
  let graph: CompiledGraph;
  let view: MapView;
  let svg: string;
  beforeAll(async () => {
    const result = await compileSite({ contentRoot: 'tests/fixtures/valid', cwd: ROOT });
    if (!result.ok) throw new Error('valid fixture does not compile');
    graph = result.graph;
    view = fullView(graph);
    svg = renderMapSvg(view, OPTIONS);
  });

  it('is one labelled svg element with balanced groups', () => {
    expect(svg.startsWith('<svg class="map-svg" xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.endsWith('</svg>')).toBe(true);
    expect(svg).toContain('role="img" aria-labelledby="m1-title m1-desc"');
    expect(svg).toContain('<title id="m1-title">Map</title><desc id="m1-desc">The map.</desc>');
    expect(count(svg, /<g[ >]/g)).toBe(count(svg, /<\/g>/g));
    expect(count(svg, /<text[ >]/g)).toBe(count(svg, /<\/text>/g));
  });

  it('stars the claims a map is about in their tag, as the canvas does', () => {
    const local = claimView(graph, view.nodes[1].id);
    const drawn = renderMapSvg(local, OPTIONS);
    for (const node of local.nodes) {
      const tag = `>${node.focus ? '★ ' : ''}${KIND_STYLES[node.kind].tag}</text>`;
      expect(nodeGroup(drawn, node.id), node.id).toContain(tag);
    }
    expect(local.nodes.filter((n) => n.focus)).toHaveLength(1);
  });

  it('draws exactly one shape per claim, in the kind’s shape', () => {
    expect(count(svg, /<g class="map-node /g)).toBe(view.nodes.length);
    expect(count(svg, /class="map-shape"/g)).toBe(view.nodes.length + view.refs.length);
    for (const node of view.nodes) {
      const group = nodeGroup(svg, node.id);
      expect(count(group, /class="map-shape"/g), node.id).toBe(1);
      expect(group, node.id).toMatch(Array.isArray(KIND_STYLES[node.kind].shape) ? /<polygon / : /<rect /);
      expect(group, node.id).toContain(`>${KIND_STYLES[node.kind].tag}</text>`);
      expect(group, node.id).toContain(`kind-${node.kind}`);
    }
  });

  it('defines one marker per relation kind, prefixed for this map', () => {
    const kinds = Object.keys(RELATION_STYLES) as EdgeKind[];
    expect(count(svg, /<marker /g)).toBe(kinds.length);
    for (const kind of kinds) expect(count(svg, new RegExp(`<marker id="m1-arrow-${kind}" `, 'g')), kind).toBe(1);
  });

  it('draws every relation once, as its routed line with the arrowhead of its kind, and a diamond per undercut', () => {
    expect(count(svg, /<path class="map-edge /g)).toBe(view.edges.length);
    for (const kind of ['supports', 'attacks', 'answers', 'undercuts'] as const) {
      const arrows = view.edges.filter((e) => e.kind === kind).length;
      expect(count(svg, new RegExp(`marker-end="url\\(#m1-arrow-${kind}\\)"`, 'g')), kind).toBe(arrows);
    }
    for (const e of view.edges) expect(svg).toContain(`d="${e.points.map((p, i) => `${i ? 'L' : 'M'}${p.x},${p.y}`).join(' ')}"`);
    expect(count(svg, /class="map-anchor"/g)).toBe(view.anchors.length);
  });

  it('draws a reference chip for each claim repeated where it also connects, naming the claim it stands for', () => {
    expect(view.refs.length).toBeGreaterThan(0);
    for (const ref of view.refs) expect(svg).toContain(`<g class="map-ref kind-${view.nodes.find((n) => n.id === ref.claim)!.kind}" data-id="${ref.id}" data-claim="${ref.claim}">`);
  });

  it('marks focus claims', () => {
    const focused = { ...view, nodes: view.nodes.map((n) => ({ ...n, focus: n.id === 'q' })) };
    const out = renderMapSvg(focused, OPTIONS);
    expect(count(out, /is-focus/g)).toBe(1);
    expect(nodeGroup(out, 'q')).toContain('is-focus');
  });

  it('escapes claim text, labels, titles and descriptions', () => {
    const evilGraph = graphOf([
      { id: 'evil', text: EVIL, label: EVIL, supports: ['other'] },
      { id: 'other', kind: 'question', text: 'Fine?' },
    ]);
    const out = renderMapSvg(fullView(evilGraph), { title: EVIL, description: EVIL, idPrefix: 'e' });
    expect(out).not.toContain('<script');
    expect(out).not.toContain('"x"');
    expect(out).not.toContain("'quoted'");
    expect(out).toContain('<title id="e-title">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39; &quot;text&quot;</title>');
    expect(out).toContain('&lt;script&gt;alert(&quot;x&quot;)');
    // Every tag in the output is one the renderer writes.
    const tags = new Set([...out.matchAll(/<\/?([a-zA-Z]+)/g)].map((m) => m[1]));
    expect([...tags].sort()).toEqual(['circle', 'defs', 'desc', 'g', 'marker', 'path', 'polygon', 'rect', 'svg', 'text', 'title', 'tspan']);
  });
});

describe('drawingStart', () => {
  const node = (id: string, kind: string, x: number, y: number, focus: boolean) => ({ id, kind, x, y, width: 200, height: 40, focus }) as MapView['nodes'][number];

  it('starts just below the highest focus claim, in drawing pixels (margin included)', () => {
    const nodes = [node('q', 'question', 100, 20, false), node('a', 'claim', 500, 300, true), node('b', 'claim', 900, 100, true)];
    expect(drawingStart({ nodes })).toEqual({ x: 900 + 16, y: 80 + 140 + 16 });
  });

  it('among claims at the same height, takes the one nearest the middle of the group', () => {
    const nodes = [node('a', 'claim', 100, 100, true), node('b', 'claim', 1000, 100, true), node('c', 'claim', 2000, 100, true)];
    expect(drawingStart({ nodes })?.x).toBe(1000 + 16);
  });

  it('falls back to the question, and to nothing', () => {
    expect(drawingStart({ nodes: [node('q', 'question', 300, 20, false), node('a', 'claim', 900, 300, false)] })).toEqual({ x: 316, y: 156 });
    expect(drawingStart({ nodes: [node('a', 'claim', 900, 300, false)] })).toBeUndefined();
  });
});
