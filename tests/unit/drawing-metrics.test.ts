/**
 * The legibility budget of every map on the site, measured on the drawing as drawn: at most 10 % of a map's
 * relations cross another, none runs through a claim that is not one of its ends, and the drawing fits the
 * width a page gives it. Also checks that the measures themselves see crossings and boxes in the way.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAP_MAX_WIDTH } from '../../src/graph/drawing.ts';
import { measureDrawing } from '../../src/graph/drawing-metrics.ts';
import { compileSite } from '../../src/graph/index.ts';
import type { CompiledGraph } from '../../src/graph/types.ts';
import { fullView, pageView, type MapView } from '../../src/graph/view.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

const box = (id: string, x: number, y: number) => ({ id, x, y, width: 100, height: 40 });
const edge = (id: string, source: string, points: [number, number][]) => ({ id, kind: 'supports' as const, from: source, to: 'top', source, points: points.map(([x, y]) => ({ x, y })) });
const drawing = (nodes: ReturnType<typeof box>[], edges: ReturnType<typeof edge>[]) =>
  ({ nodes, refs: [], edges, anchors: [], width: 1000, height: 1000 }) as unknown as MapView;

describe('measureDrawing', () => {
  it('counts two lines that cross once, and lines that run side by side not at all', () => {
    const nodes = [box('top', 500, 20), box('a', 100, 400), box('b', 900, 400)];
    const crossing = drawing(nodes, [edge('e1', 'a', [[100, 380], [100, 200], [600, 200], [600, 40]]), edge('e2', 'b', [[900, 380], [900, 100], [400, 100], [400, 40]])]);
    expect(measureDrawing(crossing).crossings).toBe(1);
    const apart = drawing(nodes, [edge('e1', 'a', [[100, 380], [100, 200], [490, 200], [490, 40]]), edge('e2', 'b', [[900, 380], [900, 200], [510, 200], [510, 40]])]);
    expect(measureDrawing(apart).crossings).toBe(0);
  });

  it('finds lines that meet anywhere: on the edge of its search grid, and at the far end of a long segment', () => {
    const nodes = [box('top', 500, 20), box('a', 100, 5000), box('b', 900, 5000), box('far', 256, 4000)];
    // The two lines cross at (256, 128) and (256, 3840): multiples of the grid's cell size.
    const lines = [edge('e1', 'a', [[100, 4980], [100, 3840], [600, 3840], [600, 40]]), edge('e2', 'b', [[900, 4980], [900, 4500], [256, 4500], [256, 128], [400, 128], [400, 40]])];
    const m = measureDrawing(drawing(nodes, lines));
    expect(m.crossings).toBe(1);
    // e2 runs up x = 256 from 4500 to 128, through the box `far` at (256, 4000).
    expect(m.throughBoxes).toBe(1);
  });

  it('counts a line through a box that is not one of its ends', () => {
    const nodes = [box('top', 500, 20), box('a', 500, 400), box('middle', 500, 200)];
    expect(measureDrawing(drawing(nodes, [edge('e1', 'a', [[500, 380], [500, 40]])])).throughBoxes).toBe(1);
    expect(measureDrawing(drawing(nodes, [edge('e1', 'a', [[500, 380], [500, 300], [700, 300], [700, 100], [500, 100], [500, 40]])])).throughBoxes).toBe(0);
  });
});

describe('every map of the site', () => {
  let graph: CompiledGraph;
  beforeAll(async () => {
    const result = await compileSite({ contentRoot: 'content', cwd: ROOT });
    if (!result.ok) throw new Error('site content does not compile');
    graph = result.graph;
  });

  it('has at most 10 % of its relations crossing, none through a claim, and fits the map width', () => {
    const maps: [string, MapView][] = [['/map/', fullView(graph)]];
    for (const page of graph.pages) {
      const view = pageView(graph, page.slug);
      if (view) maps.push([`/${page.slug}`, view]);
    }
    expect(maps.length).toBeGreaterThanOrEqual(9);
    for (const [name, view] of maps) {
      const m = measureDrawing(view);
      expect(m.crossings, `${name}: ${m.crossings} crossings of ${m.edges} relations`).toBeLessThanOrEqual(Math.floor(m.edges * 0.1));
      expect(m.throughBoxes, `${name}: relations through a claim`).toBe(0);
      expect(m.width, `${name}: width`).toBeLessThanOrEqual(MAP_MAX_WIDTH);
      expect(m.edges, `${name}: every relation among its claims is drawn`).toBe(view.edges.length);
    }
  });
});
