/**
 * Layout: the argument forest (`forest.ts`) drawn as a page reads — conclusions above their reasons, each
 * claim's reasons grouped under it, objections beside them — within a fixed width, growing downward. Lines
 * are routed at right angles in the gaps between boxes, so none runs through a claim and, by the ordering of
 * ports and tracks below, none crosses another. Pure arithmetic, linear in the size of the map, iterative.
 */
import { buildForest, walkForest, type Forest } from './forest.ts';
import { BAND_GAP, budgets, GUTTER_PAD, GUTTER_TRACK, gutterWidth, planOptions, STACK_GAP, type Option, type Plan } from './layout-plan.ts';
import {
  ANCHOR_SIZE,
  BOX_PADDING_X,
  boxHeight,
  GAP_X,
  GAP_Y,
  MAP_MAX_WIDTH,
  NODE_WIDTH,
  REF_MAX_LINES,
  REF_WIDTH,
  TRACK,
  wrapLabel,
} from './drawing.ts';
import type { GraphEdge, GraphNode, Layout, Point } from './types.ts';

export { wrapLabel } from './drawing.ts';

/** What a layout needs of a claim. */
export type LayoutNode = Pick<GraphNode, 'id' | 'kind' | 'page' | 'label'>;

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** One item with everything drawn below and beside it, in its own coordinates (origin: top-left). */
interface Block {
  width: number;
  height: number;
  /** The item's own box. */
  root: Rect;
  /** Where the blocks below and beside it start. */
  place: { item: string; dx: number; dy: number }[];
  /** Lines drawn inside this block: from each child up to the root, and from each undercutter to its diamond. */
  routes: { edge: string; points: Point[] }[];
  anchors: { edge: string; x: number; y: number }[];
  /** "Continued" references heading the bands after the first, and the relations drawn up to each. */
  chips: { rect: Rect; edges: string[] }[];
  /** How far above its top the block draws (the diamonds on its upward link and the lines into them). */
  above: number;
}

const PORT_MARGIN = 12;
const PORT_SPACING = 16;
/** Between the top of a box and the first diamond on its upward link, and between diamonds. */
const ANCHOR_STEP = ANCHOR_SIZE + 4;
const ROOT_GAP_Y = 48;

/**
 * Label lines: a claim shows its label in full lines; a reference to a claim drawn elsewhere, and a claim
 * drawn small (a neighbour from another page), two narrower lines at most.
 */
export function itemLines(label: string, small: boolean): string[] {
  return small ? wrapLabel(label, REF_WIDTH - 2 * BOX_PADDING_X, REF_MAX_LINES) : wrapLabel(label);
}

/**
 * Lay out the claims `nodes` (in graph order) with the relations `edges` among them, within `maxWidth`.
 * `focus` claims come first among the map's top-level items.
 */
export function layoutMap(
  nodes: LayoutNode[],
  edges: GraphEdge[],
  { focus = [], compact = new Set(), maxWidth = MAP_MAX_WIDTH }: { focus?: Iterable<string>; compact?: ReadonlySet<string>; maxWidth?: number } = {},
): Layout {
  const forest = buildForest(nodes, edges, focus);
  const labelOf = new Map(nodes.map((n) => [n.id, n.label]));
  // A small map costs less to lay out than to look up.
  if (nodes.length < REMEMBER_FROM) return drawForest(forest, labelOf, compact, maxWidth);
  // Everything the drawing depends on from here: the forest, each item's label and size, the width.
  const key = JSON.stringify([
    maxWidth,
    forest.roots,
    [...forest.items.values()].map((item) => [item.id, item.type, item.claim, labelOf.get(item.claim), compact.has(item.claim)]),
    [...forest.children],
    [...forest.beside],
    [...forest.drawnFrom],
  ]);
  const known = recentLayouts.find((r) => r.key === key);
  if (known) return structuredClone(known.layout);
  const layout = drawForest(forest, labelOf, compact, maxWidth);
  recentLayouts.unshift({ key, layout: structuredClone(layout) });
  recentLayouts.length = Math.min(recentLayouts.length, 2);
  return layout;
}

/**
 * The last layouts made in this process, by everything that decides them: a map drawn twice in one run is laid out
 * once (a site of one page, such as an import, draws the same map on its page and on /map/). Never kept across runs.
 */
const recentLayouts: { key: string; layout: Layout }[] = [];
const REMEMBER_FROM = 200;

function drawForest(forest: Forest, labelOf: Map<string, string>, compact: ReadonlySet<string>, maxWidth: number): Layout {
  // Each item's box and "continued" chip, measured once (wrapping a label is not free).
  const sizes = new Map<string, { box: { w: number; h: number }; chip: { w: number; h: number } }>();
  const measure = (item: string) => {
    let known = sizes.get(item);
    if (!known) {
      const { type, claim } = forest.items.get(item)!;
      const small = type === 'ref' || compact.has(claim);
      const chipHeight = boxHeight(itemLines(labelOf.get(claim)!, true).length);
      const box = { w: small ? REF_WIDTH : NODE_WIDTH, h: small ? chipHeight : boxHeight(itemLines(labelOf.get(claim)!, false).length) };
      sizes.set(item, (known = { box, chip: { w: REF_WIDTH, h: chipHeight } }));
    }
    return known;
  };
  const size = (item: string) => measure(item).box;
  const chipSize = (item: string) => measure(item).chip;

  const walk = walkForest(forest);
  // Bottom up: every way each block can be drawn. Top down: the shortest that fits the width.
  const step = walk.length > 600 ? 96 : 24;
  const options = new Map<string, Option[]>();
  for (let i = walk.length - 1; i >= 0; i--) {
    const { id } = walk[i];
    const box = size(id);
    const kids = (forest.children.get(id) ?? []).map((b) => ({ options: options.get(b.item)!, above: aboveOf(forest, b.item) }));
    const beside = (forest.beside.get(id) ?? []).map((b) => options.get(b.item)!);
    const narrowest = Math.max(box.w, ...kids.map((k) => k.options[0].width));
    options.set(id, planOptions({ box, chip: chipSize(id), beside, kids }, budgets(maxWidth, narrowest, step)));
  }
  const chosen = new Map<string, Option>();
  for (const root of forest.roots) chosen.set(root, widestWithin(options.get(root)!, maxWidth));
  for (const { id } of walk) {
    const { plan } = chosen.get(id)!;
    (forest.children.get(id) ?? []).forEach((b, i) => chosen.set(b.item, options.get(b.item)![plan.kidOption[i]]));
    (forest.beside.get(id) ?? []).forEach((b, i) => chosen.set(b.item, options.get(b.item)![plan.besideOption[i]]));
  }
  const blocks = new Map<string, Block>();
  for (let i = walk.length - 1; i >= 0; i--) {
    const { id } = walk[i];
    blocks.set(id, layoutBlock(id, size(id), chipSize(id), chosen.get(id)!.plan, forest, blocks));
  }

  // The top-level blocks, packed in rows as wide as the map may be.
  const offset = new Map<string, Point>();
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  for (const root of forest.roots) {
    const block = blocks.get(root)!;
    if (x > 0 && x + block.width > maxWidth) {
      x = 0;
      y += rowHeight + ROOT_GAP_Y;
      rowHeight = 0;
    }
    offset.set(root, { x, y });
    x += block.width + GAP_X * 2;
    rowHeight = Math.max(rowHeight, block.height);
  }

  const boxes: Layout['boxes'] = {};
  const routes: Layout['routes'] = {};
  const anchors: Layout['anchors'] = {};
  const refs: Layout['refs'] = {};
  const drawnTo: Layout['drawnTo'] = {};
  const box = (at: Point, r: Rect) => ({ x: at.x + r.x + r.w / 2, y: at.y + r.y + r.h / 2, width: r.w, height: r.h });
  let chips = 0;
  for (const { id } of walk) {
    const block = blocks.get(id)!;
    const at = offset.get(id)!;
    for (const p of block.place) offset.set(p.item, { x: at.x + p.dx, y: at.y + p.dy });
    boxes[id] = box(at, block.root);
    for (const r of block.routes) routes[r.edge] = r.points.map((p) => ({ x: at.x + p.x, y: at.y + p.y }));
    for (const a of block.anchors) anchors[a.edge] = { x: at.x + a.x, y: at.y + a.y };
    for (const chip of block.chips) {
      const chipId = `ref-c${++chips}`;
      boxes[chipId] = box(at, chip.rect);
      refs[chipId] = forest.items.get(id)!.claim;
      for (const edge of chip.edges) drawnTo[edge] = chipId;
    }
  }
  for (const [id, item] of forest.items) if (item.type === 'ref') refs[id] = item.claim;
  const drawnFrom: Layout['drawnFrom'] = {};
  for (const [edge, item] of forest.drawnFrom) if (forest.items.get(item)!.type === 'ref') drawnFrom[edge] = item;
  return { ...normalise(boxes, routes, anchors), refs, drawnFrom, drawnTo };
}

/** The shortest option no wider than `width` (the narrowest one when none fits). */
function widestWithin(options: Option[], width: number): Option {
  let pick = options[0];
  for (const o of options) if (o.width <= width) pick = o;
  return pick;
}

/** How far above its top an item's block draws: the diamonds of the undercuts beside it. */
const aboveOf = (forest: Forest, item: string) => {
  const n = forest.beside.get(item)?.length ?? 0;
  return n ? ANCHOR_STEP * n + 4 : 0;
};

/** Shift everything so the drawing starts at the origin, and measure it (boxes are centred; routes and anchors are moved in place). */
export function normalise(boxes: Layout['boxes'], routes: Layout['routes'], anchors: Layout['anchors']): Pick<Layout, 'boxes' | 'routes' | 'anchors' | 'bounds'> {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const see = (x: number, y: number) => {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  };
  for (const b of Object.values(boxes)) {
    see(b.x - b.width / 2, b.y - b.height / 2);
    see(b.x + b.width / 2, b.y + b.height / 2);
  }
  for (const points of Object.values(routes)) for (const p of points) see(p.x, p.y);
  for (const a of Object.values(anchors)) {
    see(a.x - ANCHOR_SIZE / 2, a.y - ANCHOR_SIZE / 2);
    see(a.x + ANCHOR_SIZE / 2, a.y + ANCHOR_SIZE / 2);
  }
  if (minX === Infinity) return { boxes, routes, anchors, bounds: { x: 0, y: 0, width: 0, height: 0 } };
  const move = (p: Point) => ({ x: Math.round(p.x - minX), y: Math.round(p.y - minY) });
  for (const b of Object.values(boxes)) Object.assign(b, move(b));
  for (const key of Object.keys(routes)) routes[key] = routes[key].map(move);
  for (const key of Object.keys(anchors)) anchors[key] = move(anchors[key]);
  return { boxes, routes, anchors, bounds: { x: 0, y: 0, width: Math.round(maxX - minX), height: Math.round(maxY - minY) } };
}

/**
 * One block: undercutters beside the item (to its left, the nearest closest), the item, and below it its
 * children in columns (see `layout-plan.ts`). Lines into the item arrive at their own port on its bottom edge.
 */
function layoutBlock(id: string, box: { w: number; h: number }, chip: { w: number; h: number }, plan: Plan, forest: Forest, blocks: Map<string, Block>): Block {
  const beside = (forest.beside.get(id) ?? []).map((b) => ({ ...b, block: blocks.get(b.item)! }));
  const branches = (forest.children.get(id) ?? []).map((b) => ({ ...b, block: blocks.get(b.item)! }));
  const bands = plan.bands.map((band) => band.map((col) => col.map((i) => branches[i])));
  const columnWidth = (col: Kid[]) => gutterWidth(col.length) + Math.max(...col.map((k) => k.block.width));
  const bandWidth = (band: Kid[][]) => band.reduce((sum, col) => sum + columnWidth(col), 0) + GAP_X * Math.max(0, band.length - 1);
  const firstWidth = bands.length ? bandWidth(bands[0]) : 0;

  // Horizontal: the item centred over its first band, its undercutters to its left; then shift so nothing is < 0.
  const besideWidth = beside.reduce((sum, b) => sum + b.block.width + GAP_X, 0);
  let rootX = branches.length ? firstWidth / 2 - box.w / 2 : besideWidth;
  const shift = Math.max(0, besideWidth - rootX);
  rootX += shift;
  const kidsX = branches.length ? shift : 0;

  // Vertical: undercutters and item top-aligned; lines from children run in tracks below the tallest of them.
  const headHeight = Math.max(box.h, ...beside.map((b) => b.block.height));
  const place: Block['place'] = [];
  const routes: Block['routes'] = [];
  const anchors: Block['anchors'] = [];
  const chips: Block['chips'] = [];
  let left = rootX;
  beside.forEach((b, i) => {
    left -= GAP_X + b.block.width;
    place.push({ item: b.item, dx: left, dy: 0 });
    const u = b.block.root;
    const level = -(ANCHOR_STEP * (i + 1) - ANCHOR_SIZE / 2);
    anchors.push({ edge: b.edge, x: rootX + box.w / 2, y: level });
    routes.push({ edge: b.edge, points: [{ x: left + u.x + u.w / 2, y: u.y }, { x: left + u.x + u.w / 2, y: level }, { x: rootX + box.w / 2 - ANCHOR_SIZE / 2, y: level }] });
  });

  let height = headHeight;
  let width = Math.max(rootX + box.w, kidsX + firstWidth, ...bands.slice(1).map(bandWidth));
  bands.forEach((band, b) => {
    // The first band hangs from the item; each further one from a "continued" reference to it, centred over it.
    let head: Rect = { x: rootX, y: 0, w: box.w, h: box.h };
    let headBottom = headHeight;
    const x = b === 0 ? kidsX : 0;
    if (b > 0) {
      head = { x: bandWidth(band) / 2 - chip.w / 2, y: height + BAND_GAP, w: chip.w, h: chip.h };
      headBottom = head.y + head.h;
      chips.push({ rect: head, edges: band.flat().map((k) => k.edge) });
    }
    const laid = routeChildren(band, head, headBottom, x);
    place.push(...laid.place);
    routes.push(...laid.routes);
    height = laid.height;
    width = Math.max(width, laid.width, head.x + head.w);
  });
  return { width, height, root: { x: rootX, y: 0, w: box.w, h: box.h }, place, routes, anchors, chips, above: aboveOf(forest, id) };
}

interface Kid {
  item: string;
  edge: string;
  block: Block;
}

/**
 * Place the columns of children below the item and route a line from each child to a port on the item's
 * bottom edge. A column's first child's line rises straight from its top; each lower child's line leaves its
 * top sideways in the gap above it, rises in the column's gutter (lower children on outer tracks, so no line
 * meets another) and joins the channel below the item. In the channel, ports keep the left-to-right order of
 * the lines' starting points; lines that must travel right take tracks nearer the item the further left they
 * start, lines travelling left the reverse, so no vertical leg meets another line's horizontal one.
 */
function routeChildren(columns: Kid[][], root: Rect, headHeight: number, kidsX: number) {
  const place: Block['place'] = [];
  const routes: Block['routes'] = [];
  const topAbove = Math.max(0, ...columns.map((col) => col[0].block.above));

  // Where each column and each child goes, horizontally; where each line starts rising to the channel.
  const starts: { kid: Kid; start: number; column: number; index: number }[] = [];
  const left = new Map<string, number>();
  let x = kidsX;
  columns.forEach((col, c) => {
    const gutter = gutterWidth(col.length);
    const colLeft = x + gutter;
    col.forEach((kid, j) => {
      left.set(kid.edge, colLeft);
      const start = j === 0 ? colLeft + kid.block.root.x + kid.block.root.w / 2 : colLeft - GUTTER_PAD - GUTTER_TRACK * (j - 1);
      starts.push({ kid, start, column: c, index: j });
    });
    x = colLeft + Math.max(...col.map((k) => k.block.width)) + GAP_X;
  });

  // Ports on the item's bottom edge, in the order of the lines' starts, at least PORT_SPACING apart.
  const all = [...starts].sort((a, b) => a.start - b.start);
  const lo = root.x + PORT_MARGIN;
  const hi = root.x + root.w - PORT_MARGIN;
  const spacing = Math.min(PORT_SPACING, all.length > 1 ? (hi - lo) / (all.length - 1) : PORT_SPACING);
  const ports = all.map((a) => Math.min(hi, Math.max(lo, a.start)));
  for (let i = 1; i < ports.length; i++) ports[i] = Math.max(ports[i], ports[i - 1] + spacing);
  for (let i = ports.length - 1; i >= 0; i--) ports[i] = Math.min(ports[i], i === ports.length - 1 ? hi : ports[i + 1] - spacing);
  const portOf = new Map(all.map((a, i) => [a.kid.edge, Math.round(ports[i])]));

  // Tracks in the channel below the item: rightward lines, leftmost first; leftward lines, rightmost first.
  const rightward = all.filter((a) => a.start < portOf.get(a.kid.edge)!);
  const leftward = all.filter((a) => a.start > portOf.get(a.kid.edge)!).reverse();
  const trackOf = new Map<string, number>();
  rightward.forEach((a, i) => trackOf.set(a.kid.edge, i));
  leftward.forEach((a, i) => trackOf.set(a.kid.edge, i));
  const tracks = Math.max(rightward.length, leftward.length);
  const channelTop = headHeight + GAP_Y / 2;
  const trackY = (i: number) => channelTop + TRACK * i;
  const columnsTop = channelTop + TRACK * tracks + GAP_Y / 2 + topAbove;

  let bottom = columnsTop;
  const yOf = new Map<string, number>();
  for (const col of columns) {
    let y = columnsTop;
    col.forEach((kid, j) => {
      if (j > 0) y += STACK_GAP + kid.block.above;
      yOf.set(kid.edge, y);
      y += kid.block.height;
    });
    bottom = Math.max(bottom, y);
  }
  for (const { kid, start, index } of starts) {
    const y = yOf.get(kid.edge)!;
    const top = y + kid.block.root.y;
    const cx = left.get(kid.edge)! + kid.block.root.x + kid.block.root.w / 2;
    const port = portOf.get(kid.edge)!;
    const track = trackY(trackOf.get(kid.edge) ?? 0);
    const points: Point[] = [{ x: cx, y: top }];
    if (index > 0) {
      // Sideways in the gap above the child (above its own diamonds), then up the gutter.
      const gapY = y - kid.block.above - STACK_GAP / 2;
      points.push({ x: cx, y: gapY }, { x: start, y: gapY });
    }
    if (start !== port) points.push({ x: start, y: track }, { x: port, y: track });
    points.push({ x: port, y: root.y + root.h });
    routes.push({ edge: kid.edge, points: dropStraight(points) });
    place.push({ item: kid.item, dx: left.get(kid.edge)!, dy: y });
  }
  return { place, routes, height: bottom, width: x - GAP_X };
}
/** Remove points that lie on a straight run between their neighbours (and repeats). */
function dropStraight(points: Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out.at(-1);
    if (last && last.x === p.x && last.y === p.y) continue;
    const before = out.at(-2);
    if (last && before && ((before.x === last.x && last.x === p.x) || (before.y === last.y && last.y === p.y))) out.pop();
    out.push(p);
  }
  return out;
}
