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

const segments = (points: Point[]) => points.slice(1).map((p, i) => [points[i], p] as const);

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

/** Calls `visit` with the key of every grid cell the box from (left, top) to (right, bottom) touches. */
function eachCell(left: number, top: number, right: number, bottom: number, visit: (key: number) => void) {
  const x1 = Math.floor(right / CELL);
  const y1 = Math.floor(bottom / CELL);
  for (let x = Math.floor(left / CELL); x <= x1; x++) for (let y = Math.floor(top / CELL); y <= y1; y++) visit(x * 1_000_003 + y);
}

type Segment = readonly [Point, Point];
const segmentCells = ([p, q]: Segment, visit: (key: number) => void) => eachCell(Math.min(p.x, q.x), Math.min(p.y, q.y), Math.max(p.x, q.x), Math.max(p.y, q.y), visit);

export function measureDrawing(view: Pick<MapView, 'nodes' | 'refs' | 'edges' | 'anchors' | 'width' | 'height'>): DrawingMetrics {
  const rects = new Map<string, Rect>();
  for (const b of [...view.nodes, ...view.refs]) rects.set(b.id, { left: b.x - b.width / 2, top: b.y - b.height / 2, right: b.x + b.width / 2, bottom: b.y + b.height / 2 });
  const lines = view.edges.map((e) => ({ edge: e, segs: segments(e.points) }));

  // Only lines that share a grid cell can meet: two segments that meet share a point, and that point's cell.
  const linesIn = new Map<number, number[]>();
  lines.forEach(({ segs }, i) => {
    for (const seg of segs) {
      segmentCells(seg, (key) => {
        const list = linesIn.get(key);
        if (!list) linesIn.set(key, [i]);
        else if (list.at(-1) !== i) list.push(i);
      });
    }
  });
  const candidates = new Set<number>();
  for (const list of linesIn.values()) {
    for (let a = 0; a < list.length; a++) for (let b = a + 1; b < list.length; b++) if (list[a] !== list[b]) candidates.add(Math.min(list[a], list[b]) * lines.length + Math.max(list[a], list[b]));
  }
  let crossings = 0;
  for (const pair of candidates) {
    const a = lines[Math.floor(pair / lines.length)];
    const b = lines[pair % lines.length];
    // An undercut ends on the link it undercuts: that meeting is the point of the drawing.
    const meant = (u: typeof a, t: typeof a) => u.edge.kind === 'undercuts' && u.edge.to === t.edge.id;
    if (meant(a, b) || meant(b, a)) continue;
    const sharedEnds: Point[] = [];
    for (const p of [a.edge.points[0], a.edge.points.at(-1)!]) for (const q of [b.edge.points[0], b.edge.points.at(-1)!]) if (p.x === q.x && p.y === q.y) sharedEnds.push(p);
    const shared = (pt: Point) => sharedEnds.some((e) => e.x === pt.x && e.y === pt.y);
    let met = false;
    for (const [p, q] of a.segs) {
      for (const [r, s] of b.segs) {
        if (!segmentsMeet(p, q, r, s)) continue;
        // Two lines leaving or reaching the same point (a box's port) only touch there.
        const touch = (shared(p) || shared(q) || shared(r) || shared(s)) && !properCross(p, q, r, s);
        if (!touch) met = true;
      }
    }
    if (met) crossings++;
  }

  // Boxes by grid cell, the same way: a segment entering a box shares a cell with it.
  const boxesIn = new Map<number, [string, Rect][]>();
  for (const entry of rects) {
    const r = entry[1];
    eachCell(r.left, r.top, r.right, r.bottom, (key) => {
      const list = boxesIn.get(key);
      if (list) list.push(entry);
      else boxesIn.set(key, [entry]);
    });
  }
  let throughBoxes = 0;
  for (const { edge, segs } of lines) {
    const ends = new Set([edge.source, edge.kind === 'undercuts' ? '' : (edge.target ?? edge.to)]);
    let through = false;
    for (const seg of segs) {
      segmentCells(seg, (key) => {
        if (!through) through = (boxesIn.get(key) ?? []).some(([id, r]) => !ends.has(id) && segmentInRect(seg[0], seg[1], r));
      });
      if (through) break;
    }
    if (through) throughBoxes++;
  }
  const lengths = lines.map(({ segs }) => segs.reduce((sum, [p, q]) => sum + Math.abs(q.x - p.x) + Math.abs(q.y - p.y), 0)).sort((x, y) => x - y);
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
