/**
 * Helpers shared by the argument-map browser tests: what a built page embeds for its map, which pages
 * are summary pages, and how to drive the map in a real browser (wait for Cytoscape, find a node on the
 * canvas, read the canvas state that `<argument-map>` reports).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { htmlPages, pagePath } from './support.ts';

export interface ViewNode {
  id: string;
  kind: string;
  lines: string[];
  text: string;
  focus: boolean;
  x: number;
  y: number;
  relations: { role: string; kind: string; others: string[] }[];
  /** How many of the claim's relations lead off this map. */
  offMap?: number;
}
export interface ViewEdge {
  id: string;
  kind: string;
  from: string;
  to: string;
  source: string;
  points: { x: number; y: number }[];
}
export interface MapJson {
  view: { nodes: ViewNode[]; refs: { id: string; claim: string }[]; edges: ViewEdge[]; anchors: { edge: string }[]; width: number; height: number };
  labels: Record<string, 'IN' | 'OUT' | 'UNDEC'>;
}
export interface CanvasState {
  zoom: number;
  pan: { x: number; y: number };
  nodes: number;
  selected: string[];
  visibleRelations: Record<string, number>;
}
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const LABEL_WORDS = { IN: '✓ stands', OUT: '✗ falls', UNDEC: '? undecided' } as const;
export const AXE_PATH = path.resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js');
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const texts = new Map<string, Map<string, string>>();
/** Full claim texts of a build, from its graph.json (pages embed only the map's short lines). */
export function claimTexts(dist: string): Map<string, string> {
  let byId = texts.get(dist);
  if (!byId) {
    const graph = JSON.parse(readFileSync(path.join(dist, 'graph.json'), 'utf8')) as { nodes: { id: string; text: string }[] };
    byId = new Map(graph.nodes.map((n) => [n.id, n.text]));
    texts.set(dist, byId);
  }
  return byId;
}

/** The JSON a built page embeds for its map (with each claim's full text filled in), or undefined. */
export function mapJsonOf(dist: string, file: string): MapJson | undefined {
  const html = readFileSync(path.join(dist, file), 'utf8');
  const match = /<script type="application\/json" data-map-json[^>]*>([\s\S]*?)<\/script>/.exec(html);
  if (!match) return undefined;
  const data = JSON.parse(match[1]) as MapJson;
  const byId = claimTexts(dist);
  for (const node of data.view.nodes) node.text ??= byId.get(node.id)!;
  return data;
}

export interface MapPage {
  /** e.g. `the-bill/index.html` */
  file: string;
  /** URL path below the base, e.g. `the-bill/` */
  path: string;
  data: MapJson;
}

/** Docs pages with a map (the summary pages), the overview first; not claim permalinks, not /map/. */
export function summaryPages(dist: string): MapPage[] {
  const out: MapPage[] = [];
  for (const file of htmlPages(dist)) {
    if (file.startsWith('claims/') || file.startsWith('map/') || file.startsWith('pagefind/') || file === '404.html') continue;
    const data = mapJsonOf(dist, file);
    if (data) out.push({ file, path: pagePath(file), data });
  }
  return out.sort((a, b) => (a.path === '' ? -1 : b.path === '' ? 1 : a.path.localeCompare(b.path)));
}

/** The summary page with the most claims on its map: the richest page for interaction tests. */
export function richestSummaryPage(dist: string): MapPage {
  const pages = summaryPages(dist);
  if (pages.length === 0) throw new Error(`no summary page with a map in ${dist}`);
  return pages.reduce((best, p) => (p.data.view.nodes.length > best.data.view.nodes.length ? p : best));
}

export const fullMapPage = (dist: string): MapPage => ({ file: 'map/index.html', path: 'map/', data: mapJsonOf(dist, 'map/index.html')! });

/** Scroll the map into view (which is what loads Cytoscape) and wait until the canvas is ready. */
export async function waitForCanvas(page: Page, timeout = 30_000): Promise<void> {
  await page.locator('[data-stage]').first().scrollIntoViewIfNeeded();
  await page.waitForSelector('argument-map[data-ready]', { state: 'attached', timeout });
}

export const canvasState = (page: Page) =>
  page.evaluate(() => (document.querySelector('argument-map') as unknown as { getCanvasState(): unknown }).getCanvasState() as CanvasState | undefined);

export const nodeBox = (page: Page, id: string) =>
  page.evaluate((nid) => (document.querySelector('argument-map') as unknown as { getNodeBox(id: string): unknown }).getNodeBox(nid) as Box | undefined, id);

/** The canvas host's box in viewport coordinates, clipped to the viewport. */
export async function visibleCanvasBox(page: Page): Promise<Box> {
  return page.evaluate(() => {
    const r = document.querySelector('[data-canvas]')!.getBoundingClientRect();
    const x1 = Math.max(r.left, 0);
    const y1 = Math.max(r.top, 0);
    const x2 = Math.min(r.right, innerWidth);
    const y2 = Math.min(r.bottom, innerHeight);
    return { x: x1, y: y1, width: Math.max(0, x2 - x1), height: Math.max(0, y2 - y1) };
  });
}

/**
 * A claim drawn wholly inside the visible part of the canvas, with the point to click: prefer `prefer`
 * (in order), then any other claim of the map.
 */
export async function clickableNode(page: Page, ids: string[]): Promise<{ id: string; x: number; y: number }> {
  const frame = await visibleCanvasBox(page);
  const inset = 4;
  for (const id of ids) {
    const box = await nodeBox(page, id);
    if (!box) continue;
    const inside =
      box.x >= frame.x + inset && box.y >= frame.y + inset && box.x + box.width <= frame.x + frame.width - inset && box.y + box.height <= frame.y + frame.height - inset;
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    // Not under the sticky header or anything else drawn over the map.
    const onCanvas = await page.evaluate(([px, py]) => Boolean(document.elementFromPoint(px, py)?.closest('[data-canvas]')), [x, y]);
    if (inside && onCanvas) return { id, x, y };
  }
  throw new Error(`no claim is wholly visible on the canvas (${JSON.stringify(frame)})`);
}

/** Let the page draw `n` frames: long enough for any animation to have moved something. */
export const frames = (page: Page, n = 3) =>
  page.evaluate((count) => new Promise<void>((resolve) => {
    const step = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
    step(count);
  }), n);

/** Wait until `read()` returns something `ok()` accepts; return it. */
export async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string, timeout = 5_000): Promise<T> {
  const end = Date.now() + timeout;
  let value = await read();
  while (!ok(value)) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await read();
  }
  return value;
}

/** A word of the node's text that appears in no other claim's searchable text (or the rarest one). */
export function distinctiveWord(node: ViewNode, all: ViewNode[]): string {
  const words = [...new Set(node.text.toLowerCase().match(/[a-z]{5,}/g) ?? [])];
  const haystack = (n: ViewNode) => `${n.text} ${n.lines.join(' ')}`.toLowerCase();
  const scored = words.map((w) => ({ w, hits: all.filter((n) => haystack(n).includes(w)).length })).sort((a, b) => a.hits - b.hits || b.w.length - a.w.length);
  if (!scored.length) throw new Error(`no searchable word in “${node.text}”`);
  return scored[0].w;
}

/** Claims that attack a position, with the position's build-time label not OUT: the evaluate test's setup. */
export function attacksOnLivePositions(data: MapJson): { attacker: string; position: string; label: 'IN' | 'UNDEC' }[] {
  const kind = new Map(data.view.nodes.map((n) => [n.id, n.kind]));
  const out: { attacker: string; position: string; label: 'IN' | 'UNDEC' }[] = [];
  for (const e of data.view.edges) {
    if (e.kind !== 'attacks') continue;
    const label = data.labels[e.to];
    if (kind.get(e.to) === 'position' && kind.has(e.from) && (label === 'IN' || label === 'UNDEC')) out.push({ attacker: e.from, position: e.to, label });
  }
  return out;
}

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[]; failureSummary: string }[];
}

/** Run axe on the loaded page; violations as readable lines (empty when clean). */
export async function axe(page: Page, label: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_PATH });
  const violations = await page.evaluate(
    (tags) =>
      (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> } }).axe
        .run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
        .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }))),
    AXE_TAGS,
  );
  return violations.map(
    (v) => `${label}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ')}`).join(' | ')}`,
  );
}
