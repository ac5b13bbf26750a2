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

/** How a block is drawn: its children in columns (indices, in order) and the option each child is drawn with. */
export interface Plan {
  columns: number[][];
  kidOption: number[];
  besideOption: number[];
}

/** What the planner needs to know about one item. */
export interface PlanItem {
  box: { w: number; h: number };
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

interface Column {
  width: number;
  height: number;
  chosen: number[];
}

/** Children from…to−1 stacked in one column drawn `width` wide (every child at its shortest within it). */
function stack(kids: PlanItem['kids'], from: number, to: number, width: number): Column | undefined {
  let height = 0;
  let used = 0;
  const chosen: number[] = [];
  for (let k = from; k < to; k++) {
    const i = shortestWithin(kids[k].options, width);
    if (i < 0) return undefined;
    chosen.push(i);
    const o = kids[k].options[i];
    used = Math.max(used, o.width);
    height += o.height + (k > from ? STACK_GAP + kids[k].above : 0);
  }
  return { width: used, height, chosen };
}

/** The narrowest column for children from…to−1 that is no taller than `height`. */
function narrowestStack(kids: PlanItem['kids'], from: number, to: number, height: number): Column | undefined {
  const widths = new Set<number>();
  for (let k = from; k < to; k++) for (const o of kids[k].options) widths.add(o.width);
  for (const w of [...widths].sort((a, b) => a - b)) {
    const col = stack(kids, from, to, w);
    if (col && col.height <= height) return col;
  }
  return undefined;
}

/**
 * The columns for all children with the least total width such that no column is taller than `height`:
 * dynamic programming over where the columns break. Returns undefined when no arrangement fits.
 */
function columnsWithin(kids: PlanItem['kids'], height: number, maxRun: number) {
  const k = kids.length;
  const best: ({ width: number; columns: number[][]; chosen: number[] } | undefined)[] = [{ width: -GAP_X, columns: [], chosen: [] }];
  for (let end = 1; end <= k; end++) {
    for (let start = Math.max(0, end - maxRun); start < end; start++) {
      const before = best[start];
      if (!before) continue;
      const col = narrowestStack(kids, start, end, height);
      if (!col) continue;
      const width = before.width + GAP_X + gutterWidth(end - start) + col.width;
      if (!best[end] || width < best[end]!.width) {
        best[end] = { width, columns: [...before.columns, range(start, end)], chosen: [...before.chosen, ...col.chosen] };
      }
    }
  }
  return best[k];
}

/** Every Pareto-best way to draw one item's block, narrowest first. */
export function planOptions(item: PlanItem, widths: number[], maxRun = 12): Option[] {
  const besideOption = item.beside.map(() => 0);
  const besideWidth = item.beside.reduce((sum, o) => sum + o[0].width + GAP_X, 0);
  const headHeight = Math.max(item.box.h, ...item.beside.map((o) => o[0].height));
  const k = item.kids.length;
  if (k === 0) return [{ width: besideWidth + item.box.w, height: headHeight, plan: { columns: [], kidOption: [], besideOption } }];
  if (k === 1) {
    // One child hangs straight below: each of its options is one of this block's.
    const kid = item.kids[0];
    return kid.options.map((o, i) => {
      const rootLeft = Math.max(besideWidth, o.width / 2 - item.box.w / 2);
      const width = Math.max(rootLeft + item.box.w, o.width + Math.max(0, besideWidth - (o.width / 2 - item.box.w / 2)));
      return { width, height: headHeight + GAP_Y + kid.above + o.height, plan: { columns: [[0]], kidOption: [i], besideOption } };
    });
  }

  // Candidate column heights: from the tallest child at its shortest to every child stacked at its narrowest.
  const lowest = Math.max(...item.kids.map((kid) => kid.options.at(-1)!.height));
  const highest = item.kids.reduce((sum, kid) => sum + kid.options[0].height + STACK_GAP + kid.above, 0);
  const found: Option[] = [];
  let previous: { width: number; columns: number[][]; chosen: number[] } | undefined;
  for (const width of widths) {
    // Binary search for the shortest column height whose arrangement fits `width` beside the gutters.
    let lo = lowest;
    let hi = highest;
    let fit = columnsWithin(item.kids, hi, maxRun);
    if (!fit || fit.width > width) {
      if (width !== widths.at(-1)) continue;
    } else {
      while (hi - lo > 4) {
        const mid = Math.floor((lo + hi) / 2);
        const attempt = columnsWithin(item.kids, mid, maxRun);
        if (attempt && attempt.width <= width) {
          hi = mid;
          fit = attempt;
        } else lo = mid;
      }
    }
    if (!fit || (previous && previous.columns.length === fit.columns.length && previous.chosen.every((c, i) => c === fit!.chosen[i]))) continue;
    previous = fit;
    const columnHeights = fit.columns.map((col) => col.reduce((sum, c, j) => sum + item.kids[c].options[fit!.chosen[c]].height + (j ? STACK_GAP + item.kids[c].above : 0), 0));
    const topAbove = Math.max(0, ...fit.columns.map((col) => item.kids[col[0]].above));
    const channel = GAP_Y + TRACK * channelTracks(k);
    const height = headHeight + channel + topAbove + Math.max(...columnHeights);
    // The item sits centred over its children, its undercutters to its left.
    const rootLeft = Math.max(besideWidth, fit.width / 2 - item.box.w / 2);
    const blockWidth = Math.max(rootLeft + item.box.w, fit.width + Math.max(0, besideWidth - (fit.width / 2 - item.box.w / 2)));
    found.push({ width: blockWidth, height, plan: { columns: fit.columns, kidOption: fit.chosen, besideOption } });
  }
  if (found.length === 0) {
    // Nothing fits even the narrowest width: every child in one column at its narrowest.
    const chosen = item.kids.map(() => 0);
    const columnHeight = item.kids.reduce((sum, kid, j) => sum + kid.options[0].height + (j ? STACK_GAP + kid.above : 0), 0);
    const width = gutterWidth(k) + Math.max(...item.kids.map((kid) => kid.options[0].width));
    found.push({ width: Math.max(width, besideWidth + item.box.w), height: headHeight + GAP_Y + columnHeight, plan: { columns: [range(0, k)], kidOption: chosen, besideOption } });
  }
  // Keep the Pareto front: each wider option must be shorter than every narrower one.
  found.sort((a, b) => a.width - b.width || a.height - b.height);
  const front: Option[] = [];
  for (const o of found) if (!front.length || o.height < front.at(-1)!.height) front.push(o);
  return front;
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
