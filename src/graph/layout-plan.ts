/**
 * Planning a tree drawing within a width. An item's children stand in columns below it, like the columns
 * of a newspaper page: each column a stack of child blocks, read top to bottom, columns left to right. The
 * first child of a column hangs straight below the item; the lines of the others run up a narrow gutter on
 * the column's left. For every item this module finds the ways its block can be drawn (a width and a height
 * each, the narrow ones taller), bottom up, by choosing where the columns break and how wide each child is
 * drawn. `layout.ts` then draws the plan chosen for the width the map has.
 */
import { GAP_X, GAP_Y, TRACK } from './drawing.ts';

/** One way to draw a block. */
export interface Option {
  width: number;
  height: number;
  plan: Plan;
}

/**
 * How a block is drawn: its children in bands, each band a row of columns (child indices, in order), and the
 * option each child is drawn with. The first band hangs from the item itself; each further band hangs from a
 * small "continued" reference to the item, so no line has to climb past a whole band to reach it.
 */
export interface Plan {
  bands: number[][][];
  kidOption: number[];
  besideOption: number[];
}

/** What the planner needs to know about one item. */
export interface PlanItem {
  box: { w: number; h: number };
  /** The "continued" reference that heads every band after the first. */
  chip: { w: number; h: number };
  /** Options of the undercutters beside it, nearest first. */
  beside: Option[][];
  /** Options of its children, in order, and how far above its top each child draws (its diamonds). */
  kids: { options: Option[]; above: number }[];
}

export const GUTTER_TRACK = 6;
export const GUTTER_PAD = 8;
/** Width of the gutter on a column's left that carries the lines to its children below the first. */
export const gutterWidth = (children: number) => (children > 1 ? GUTTER_PAD * 2 + GUTTER_TRACK * (children - 2) : 0);
/** Between two child blocks stacked in a column: room for the line into the lower one. */
export const STACK_GAP = GAP_Y + TRACK;
/** Lines into an item from `lines` children: tracks needed in the channel below it (an estimate). */
export const channelTracks = (lines: number) => (lines <= 1 ? 0 : Math.ceil(lines / 2));
/** Between one band of children and the "continued" reference heading the next. */
export const BAND_GAP = GAP_Y * 3;
/**
 * No column is stacked taller than this (unless one child alone is): a line from a child at the bottom of a column
 * climbs past everything above it, so taller stacks start a new band instead.
 */
export const STACK_LIMIT = 820;

/** Widths a block is tried at, widest first; coarser steps when the map is large keep the layout linear. */
export function budgets(maxWidth: number, minWidth: number, step: number): number[] {
  const out: number[] = [];
  for (let b = maxWidth; b > minWidth; b -= step) out.push(b);
  out.push(minWidth);
  return out;
}

/** The shortest option of each child no wider than `width`: index, or -1. Options are narrowest first. */
const shortestWithin = (options: Option[], width: number) => {
  let pick = -1;
  for (let i = 0; i < options.length && options[i].width <= width; i++) pick = i;
  return pick;
};

interface Band {
  columns: number[][];
  /** The option of each child of the band, in order. */
  chosen: number[];
  width: number;
  /** From the bottom of the band's header (the item, or its "continued" reference) to the band's bottom. */
  body: number;
}

/** Columns for a run of children within a height: the least total width, and where it comes from. */
interface Fit {
  width: number;
  /** Children from `start` to this end form the last column, drawn at `widths[at]`; `start` is where the rest ends. */
  start: number;
  at: number;
}

/** A run of children stacked in one column, at each width the children can be drawn at (see `Children.stack`). */
interface Stack {
  /** Height of the column at each width: Infinity where a child is wider. Never grows with the width. */
  height: Float64Array;
  /** Width the column actually takes at each width: its widest child. */
  used: Float64Array;
}

/**
 * The planner of one item's children. Each way of drawing a run of children is asked for many times (for
 * every width the item is tried at, and in the binary searches below), so answers are kept for the item.
 */
class Children {
  private readonly kids: PlanItem['kids'];
  private readonly maxRun: number;
  /** Every width any child can be drawn at, ascending. */
  private readonly widths: number[];
  /** For each child and each of `widths`: its shortest option no wider (-1: none), that option's height and width. */
  private readonly pick: Int32Array[];
  private readonly pickHeight: Float64Array[];
  private readonly pickWidth: Float64Array[];
  private readonly stacks = new Map<number, Stack>();
  private readonly columns = new Map<number, Map<number, (Fit | undefined)[]>>();
  private readonly bands = new Map<number, { failsAt: number; found: { from: number; to: number; band: Band }[] }>();

  constructor(kids: PlanItem['kids'], maxRun: number) {
    this.kids = kids;
    this.maxRun = maxRun;
    const widths = [...new Set(kids.flatMap((kid) => kid.options.map((o) => o.width)))].sort((a, b) => a - b);
    this.widths = widths;
    this.pick = [];
    this.pickHeight = [];
    this.pickWidth = [];
    for (const { options } of kids) {
      const pick = new Int32Array(widths.length);
      const height = new Float64Array(widths.length);
      const width = new Float64Array(widths.length);
      let i = -1;
      widths.forEach((w, at) => {
        // Options are narrowest first: the shortest within `w` is the last one no wider.
        while (i + 1 < options.length && options[i + 1].width <= w) i++;
        pick[at] = i;
        height[at] = i < 0 ? Infinity : options[i].height;
        width[at] = i < 0 ? 0 : options[i].width;
      });
      this.pick.push(pick);
      this.pickHeight.push(height);
      this.pickWidth.push(width);
    }
  }

  /**
   * Children from…to−1 stacked in one column, at every width (each child at its shortest within it), built from the
   * column one child shorter.
   */
  private stack(from: number, to: number): Stack {
    const key = from * 65536 + to;
    const known = this.stacks.get(key);
    if (known) return known;
    const n = this.widths.length;
    const k = to - 1;
    const gap = k > from ? STACK_GAP + this.kids[k].above : 0;
    const above = to - 1 > from ? this.stack(from, to - 1) : { height: new Float64Array(n), used: new Float64Array(n) };
    const height = new Float64Array(n);
    const used = new Float64Array(n);
    for (let at = 0; at < n; at++) {
      height[at] = above.height[at] + (this.pickHeight[k][at] + gap);
      used[at] = Math.max(above.used[at], this.pickWidth[k][at]);
    }
    const made = { height, used };
    this.stacks.set(key, made);
    return made;
  }

  /**
   * The narrowest column for children from…to−1 that is no taller than `height`, as an index into the widths, or
   * -1. A wider column is never taller, so a binary search finds it. (A width no child of the run has gives the
   * same column as the widest of theirs below it, so searching every child's widths finds the same column.)
   */
  private narrowestStack(from: number, to: number, height: number): number {
    const heights = this.stack(from, to).height;
    let lo = 0;
    let hi = heights.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (heights[mid] <= height) hi = mid;
      else lo = mid + 1;
    }
    return lo < heights.length ? lo : -1;
  }

  /**
   * The columns for children from…to−1 with the least total width such that no column is taller than `height`:
   * dynamic programming over where the columns break (the table for `from` and `height` grows as runs are asked
   * for). Returns undefined when no arrangement fits.
   */
  private columnsWithin(from: number, to: number, height: number): { width: number; columns: number[][]; chosen: number[] } | undefined {
    let byHeight = this.columns.get(from);
    if (!byHeight) this.columns.set(from, (byHeight = new Map()));
    let best = byHeight.get(height);
    if (!best) byHeight.set(height, (best = [{ width: -GAP_X, start: from, at: -1 }]));
    for (let end = from + best.length; end <= to; end++) {
      let pick: Fit | undefined;
      for (let start = Math.max(from, end - this.maxRun); start < end; start++) {
        const before = best[start - from];
        if (!before) continue;
        const at = this.narrowestStack(start, end, height);
        if (at < 0) continue;
        const width = before.width + GAP_X + gutterWidth(end - start) + this.stack(start, end).used[at];
        if (!pick || width < pick.width) pick = { width, start, at };
      }
      best.push(pick);
    }
    const last = best[to - from];
    if (!last) return undefined;
    const columns: number[][] = [];
    const chosen: number[] = [];
    for (let end = to; end > from; ) {
      const fit = best[end - from]!;
      columns.push(range(fit.start, end));
      for (let k = end - 1; k >= fit.start; k--) chosen.push(this.pick[k][fit.at]);
      end = fit.start;
    }
    return { width: last.width, columns: columns.reverse(), chosen: chosen.reverse() };
  }

  /**
   * The shortest arrangement of children from…to−1 within `width`, columns no taller than the stack limit.
   * Its search only compares widths with `width`, and every arrangement it accepts is at most as wide as the one
   * it returns: so that answer holds for every width from its own up to `width`, and "none" for every width below.
   */
  arrangeBand(from: number, to: number, width: number): Band | undefined {
    const key = from * 65536 + to;
    let known = this.bands.get(key);
    if (!known) this.bands.set(key, (known = { failsAt: -Infinity, found: [] }));
    if (width <= known.failsAt) return undefined;
    for (const f of known.found) if (f.from <= width && width <= f.to) return f.band;
    const band = this.searchBand(from, to, width);
    if (band) known.found.push({ from: band.width, to: width, band });
    else known.failsAt = Math.max(known.failsAt, width);
    return band;
  }

  private searchBand(from: number, to: number, width: number): Band | undefined {
    const kids = this.kids;
    let lowest = 0;
    let highest = 0;
    for (let k = from; k < to; k++) {
      lowest = Math.max(lowest, kids[k].options.at(-1)!.height);
      highest += kids[k].options[0].height + STACK_GAP + kids[k].above;
    }
    let lo = lowest;
    let hi = Math.min(highest, Math.max(STACK_LIMIT, lowest));
    let fit = this.columnsWithin(from, to, hi);
    if (!fit || fit.width > width) return undefined;
    // Binary search for the shortest column height whose arrangement still fits.
    while (hi - lo > 4) {
      const mid = Math.floor((lo + hi) / 2);
      const attempt = this.columnsWithin(from, to, mid);
      if (attempt && attempt.width <= width) {
        hi = mid;
        fit = attempt;
      } else lo = mid;
    }
    const columnHeights = fit.columns.map((col) => col.reduce((sum, c, j) => sum + kids[c].options[fit!.chosen[c - from]].height + (j ? STACK_GAP + kids[c].above : 0), 0));
    const topAbove = Math.max(0, ...fit.columns.map((col) => kids[col[0]].above));
    const body = GAP_Y + TRACK * channelTracks(to - from) + topAbove + Math.max(...columnHeights);
    return { columns: fit.columns, chosen: fit.chosen, width: fit.width, body };
  }

  /** Bands for every child within `width`: each band as many children as fit, left to right, top to bottom. */
  arrangeBands(width: number): Band[] | undefined {
    const bands: Band[] = [];
    const n = this.kids.length;
    for (let start = 0; start < n; ) {
      // The longest run of children from `start` that still fits one band (binary search: fewer always fit).
      let lo = start + 1;
      let hi = n;
      let best = this.arrangeBand(start, lo, width);
      if (!best) return undefined;
      let end = lo;
      while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        const band = this.arrangeBand(start, mid, width);
        if (band) {
          best = band;
          end = mid;
          lo = mid;
        } else hi = mid - 1;
      }
      bands.push(best);
      start = end;
    }
    return bands;
  }
}

/** Every Pareto-best way to draw one item's block, narrowest first. */
export function planOptions(item: PlanItem, widths: number[], maxRun = 12): Option[] {
  const found: Option[] = [];
  const children = new Children(item.kids, maxRun);
  for (const width of widths) {
    // Undercutters beside the item share what the item leaves of the width: each the shortest drawing that fits.
    const room = (width - item.box.w) / Math.max(1, item.beside.length) - GAP_X;
    const besideOption = item.beside.map((options) => Math.max(0, shortestWithin(options, room)));
    found.push(...planWith(item, children, [width], besideOption));
    // Without undercutters, no children or a single child give the same options at every width.
    if (item.kids.length <= 1 && item.beside.length === 0) break;
  }
  return paretoFront(found);
}

/** The block's options for the widths given, with the undercutters drawn as `besideOption` says (unsorted). */
function planWith(item: PlanItem, children: Children, widths: number[], besideOption: number[]): Option[] {
  const besideWidth = item.beside.reduce((sum, o, i) => sum + o[besideOption[i]].width + GAP_X, 0);
  const headHeight = Math.max(item.box.h, ...item.beside.map((o, i) => o[besideOption[i]].height));
  const k = item.kids.length;
  if (k === 0) return [{ width: besideWidth + item.box.w, height: headHeight, plan: { bands: [], kidOption: [], besideOption } }];
  if (k === 1) {
    // One child hangs straight below: each of its options is one of this block's.
    const kid = item.kids[0];
    return kid.options.map((o, i) => {
      const rootLeft = Math.max(besideWidth, o.width / 2 - item.box.w / 2);
      const width = Math.max(rootLeft + item.box.w, o.width + Math.max(0, besideWidth - (o.width / 2 - item.box.w / 2)));
      return { width, height: headHeight + GAP_Y + kid.above + o.height, plan: { bands: [[[0]]], kidOption: [i], besideOption } };
    });
  }

  const found: Option[] = [];
  for (const width of widths) {
    const bands = children.arrangeBands(width);
    if (!bands) continue;
    const first = bands[0];
    // The item sits centred over its first band, its undercutters to its left.
    // (Undercutters wider than half the first band push it right; later bands have their own heads.)
    const shift = Math.max(0, besideWidth - (first.width / 2 - item.box.w / 2));
    const rootLeft = first.width / 2 - item.box.w / 2 + shift;
    const blockWidth = Math.max(rootLeft + item.box.w, first.width + shift, ...bands.slice(1).map((b) => b.width));
    const height = headHeight + first.body + bands.slice(1).reduce((sum, b) => sum + BAND_GAP + item.chip.h + b.body, 0);
    found.push({ width: blockWidth, height, plan: { bands: bands.map((b) => b.columns), kidOption: bands.flatMap((b) => b.chosen), besideOption } });
  }
  if (found.length === 0) {
    // Nothing fits even the narrowest width: one band per child, each at its narrowest.
    const chosen = item.kids.map(() => 0);
    const height = headHeight + item.kids.reduce((sum, kid, j) => sum + (j ? BAND_GAP + item.chip.h : 0) + GAP_Y + kid.above + kid.options[0].height, 0);
    const width = Math.max(besideWidth + item.box.w, ...item.kids.map((kid) => kid.options[0].width));
    found.push({ width, height, plan: { bands: item.kids.map((_, i) => [[i]]), kidOption: chosen, besideOption } });
  }
  return found;
}

/** Keep the Pareto front: each wider option must be shorter than every narrower one. */
function paretoFront(found: Option[]): Option[] {
  found.sort((a, b) => a.width - b.width || a.height - b.height);
  const front: Option[] = [];
  for (const o of found) if (!front.length || o.height < front.at(-1)!.height) front.push(o);
  return front;
}

const range = (from: number, to: number) => {
  const out: number[] = [];
  for (let i = from; i < to; i++) out.push(i);
  return out;
};
