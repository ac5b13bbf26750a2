/**
 * How legible a drawn map is, measured on its lines as drawn: pairs of relations whose lines cross, lines
 * that run through a box that is not one of their ends, and the drawing's size. `npm run graph` prints these
 * for every map and a test holds them to the budget.
 */
import type { Point } from './types.ts';
import type { MapView } from './view-types.ts';

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface DrawingMetrics {
  width: number;
  height: number;
  boxes: number;
  edges: number;
  /** Pairs of relations whose lines cross (touching where an undercut meets its link does not count). */
  crossings: number;
  /** Relations whose line passes through a box that is neither of its ends. */
  throughBoxes: number;
  /** Median length of a relation's line, in drawing units. */
  medianLength: number;
}

/** Do segments ab and cd cross or touch, other than at a shared end point? */
function segmentsMeet(a: Point, b: Point, c: Point, d: Point): boolean {
  const cross = (p: Point, q: Point, r: Point) => (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x);
  const on = (p: Point, q: Point, r: Point) => Math.min(p.x, q.x) <= r.x && r.x <= Math.max(p.x, q.x) && Math.min(p.y, q.y) <= r.y && r.y <= Math.max(p.y, q.y);
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  return (d1 === 0 && on(c, d, a)) || (d2 === 0 && on(c, d, b)) || (d3 === 0 && on(a, b, c)) || (d4 === 0 && on(a, b, d));
}

/** Does segment ab enter the inside of the rectangle (its border shrunk by a pixel)? */
function segmentInRect(a: Point, b: Point, r: Rect): boolean {
  const left = r.left + 1;
  const top = r.top + 1;
  const right = r.right - 1;
  const bottom = r.bottom - 1;
  // Clearly apart (most boxes near a line are).
  if (Math.max(a.x, b.x) < left || Math.min(a.x, b.x) > right || Math.max(a.y, b.y) < top || Math.min(a.y, b.y) > bottom) return false;
  // Liang–Barsky clipping: does any part of the segment lie strictly inside?
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const range = { t0: 0, t1: 1 };
  return clip(-dx, a.x - left, range) && clip(dx, right - a.x, range) && clip(-dy, a.y - top, range) && clip(dy, bottom - a.y, range) && range.t0 < range.t1;
}

/** One edge of the clipping: false when the segment is wholly outside it. */
function clip(p: number, q: number, range: { t0: number; t1: number }): boolean {
  if (p === 0) return q > 0;
  const t = q / p;
  if (p < 0) range.t0 = Math.max(range.t0, t);
  else range.t1 = Math.min(range.t1, t);
  return true;
}

/** Side of the grid cells that find the lines and boxes near each other (drawing units). */
const CELL = 128;

/** Things by the cells of a square grid that their bounding boxes touch: what is near a line is found without looking at everything. */
class Grid<T> {
  readonly cells = new Map<number, T[]>();

  /** Put `item` in every cell the box from (left, top) to (right, bottom) touches (once, when items come in order). */
  add(left: number, top: number, right: number, bottom: number, item: T) {
    this.visit(left, top, right, bottom, (key) => {
      const list = this.cells.get(key);
      if (!list) this.cells.set(key, [item]);
      else if (list[list.length - 1] !== item) list.push(item);
    });
  }

  /** Whether `test` holds for anything in a cell the box touches. */
  some(left: number, top: number, right: number, bottom: number, test: (item: T) => boolean): boolean {
    let found = false;
    this.visit(left, top, right, bottom, (key) => {
      const list = this.cells.get(key);
      if (!found && list) found = list.some(test);
    });
    return found;
  }

  private visit(left: number, top: number, right: number, bottom: number, at: (key: number) => void) {
    const x1 = Math.floor(right / CELL);
    const y1 = Math.floor(bottom / CELL);
    for (let x = Math.floor(left / CELL); x <= x1; x++) for (let y = Math.floor(top / CELL); y <= y1; y++) at(x * 1_000_003 + y);
  }
}

type Line = MapView['edges'][number];

/** Do two lines cross (or touch, other than at an end they share, or where an undercut meets its link)? */
function linesMeet(a: Line, b: Line): boolean {
  // An undercut ends on the link it undercuts: that meeting is the point of the drawing.
  if ((a.kind === 'undercuts' && a.to === b.id) || (b.kind === 'undercuts' && b.to === a.id)) return false;
  const p = a.points;
  const q = b.points;
  const same = (u: Point, v: Point) => u.x === v.x && u.y === v.y;
  // Ends of `a` that are also ends of `b`: a box's port both lines leave or reach.
  const first = same(p[0], q[0]) || same(p[0], q[q.length - 1]) ? p[0] : undefined;
  const last = same(p[p.length - 1], q[0]) || same(p[p.length - 1], q[q.length - 1]) ? p[p.length - 1] : undefined;
  const shared = (pt: Point) => (first !== undefined && same(pt, first)) || (last !== undefined && same(pt, last));
  for (let i = 1; i < p.length; i++) {
    for (let j = 1; j < q.length; j++) {
      if (!segmentsMeet(p[i - 1], p[i], q[j - 1], q[j])) continue;
      // Two lines leaving or reaching the same point only touch there.
      const touch = (shared(p[i - 1]) || shared(p[i]) || shared(q[j - 1]) || shared(q[j])) && !properCross(p[i - 1], p[i], q[j - 1], q[j]);
      if (!touch) return true;
    }
  }
  return false;
}

export function measureDrawing(view: Pick<MapView, 'nodes' | 'refs' | 'edges' | 'anchors' | 'width' | 'height'>): DrawingMetrics {
  const rects = new Map<string, Rect>();
  for (const b of [...view.nodes, ...view.refs]) rects.set(b.id, { left: b.x - b.width / 2, top: b.y - b.height / 2, right: b.x + b.width / 2, bottom: b.y + b.height / 2 });
  const lines = view.edges;
  const n = lines.length;
  const eachSegment = (line: Line, visit: (p: Point, q: Point) => boolean | void) => {
    for (let i = 1; i < line.points.length; i++) if (visit(line.points[i - 1], line.points[i])) return true;
    return false;
  };

  // Only lines that share a grid cell can meet: two segments that meet share a point, and that point's cell.
  const nearLines = new Grid<number>();
  lines.forEach((line, i) => eachSegment(line, (p, q) => nearLines.add(Math.min(p.x, q.x), Math.min(p.y, q.y), Math.max(p.x, q.x), Math.max(p.y, q.y), i)));
  const candidates = new Set<number>();
  // Each cell lists its lines in order, once each.
  for (const list of nearLines.cells.values()) for (let a = 0; a < list.length; a++) for (let b = a + 1; b < list.length; b++) candidates.add(list[a] * n + list[b]);
  let crossings = 0;
  for (const pair of candidates) if (linesMeet(lines[Math.floor(pair / n)], lines[pair % n])) crossings++;

  // Boxes by grid cell, the same way: a segment entering a box shares a cell with it.
  const nearBoxes = new Grid<[string, Rect]>();
  for (const entry of rects) nearBoxes.add(entry[1].left, entry[1].top, entry[1].right, entry[1].bottom, entry);
  let throughBoxes = 0;
  for (const line of lines) {
    const from = line.source;
    const to = line.kind === 'undercuts' ? '' : (line.target ?? line.to);
    const through = eachSegment(line, (p, q) =>
      nearBoxes.some(Math.min(p.x, q.x), Math.min(p.y, q.y), Math.max(p.x, q.x), Math.max(p.y, q.y), ([id, r]) => id !== from && id !== to && segmentInRect(p, q, r)),
    );
    if (through) throughBoxes++;
  }
  const lengths = lines
    .map((line) => {
      let sum = 0;
      eachSegment(line, (p, q) => void (sum += Math.abs(q.x - p.x) + Math.abs(q.y - p.y)));
      return sum;
    })
    .sort((x, y) => x - y);
  return {
    width: view.width,
    height: view.height,
    boxes: view.nodes.length + view.refs.length,
    edges: view.edges.length,
    crossings,
    throughBoxes,
    medianLength: lengths.length ? lengths[Math.floor(lengths.length / 2)] : 0,
  };
}

/** Strictly crossing (each segment's ends on opposite sides of the other). */
function properCross(a: Point, b: Point, c: Point, d: Point): boolean {
  const cross = (p: Point, q: Point, r: Point) => (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x);
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  return d1 * d2 < 0 && d3 * d4 < 0;
}
