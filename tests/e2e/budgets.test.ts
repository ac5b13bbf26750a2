/**
 * Weight budgets for the summary pages (the pages of content/docs) in dist/:
 * - what a reader downloads before the map is activated — the HTML plus every stylesheet and script it
 *   references, and every module those scripts import statically — is at most 60 KB gzipped (each file
 *   gzipped on its own, level 9, as a server would). Dynamic `import()` targets (Cytoscape, the semantics)
 *   load only when the map is used and are not counted.
 * - a page's embedded map data grows with the page's claims, not with the whole graph: it is smaller than the
 *   whole map's, and lists only the page's focus claims and their direct neighbours.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { Config, Parser, type HtmlElement } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { slugForDocsPath } from '../../src/graph/load.ts';
import { DIST as DEFAULT_DIST, ROOT } from './support.ts';

/** The build to weigh: dist/, or another folder built the same way (E2E_DIST). */
const DIST = process.env.E2E_DIST ? path.resolve(process.env.E2E_DIST) : DEFAULT_DIST;

const BUDGET = 60 * 1024;
const BASE = '/';

interface Graph {
  nodes: { id: string }[];
  edges: { id: string; kind: string; from: string; to: string }[];
  pages: { slug: string; focus: string[] }[];
}

interface Weight {
  page: string;
  html: number;
  css: number;
  js: number;
  files: string[];
  total: number;
}

const gzipped = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** The summary pages: one per file in content/docs (as the site builds them), as built files. */
function summaryPages(): { slug: string; file: string }[] {
  const docs = path.join(ROOT, 'content/docs');
  return readdirSync(docs, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.mdx?$/.test(f) && !path.basename(f).startsWith('_'))
    .map((f) => slugForDocsPath(f.split(path.sep).join('/')))
    .sort()
    .map((slug) => ({ slug, file: slug ? `${slug}/index.html` : 'index.html' }));
}

/** A site path (`/_astro/x.js`) as a file in dist/. */
const fileOf = (sitePath: string) => path.join(DIST, decodeURIComponent(sitePath.slice(BASE.length)));

/** Static imports of an emitted module (`import … from "./x.js"`, `import "./x.js"`, `export … from`), not `import()`. */
function staticImports(code: string): string[] {
  const out: string[] = [];
  for (const m of code.matchAll(/(?:\bimport|\bexport)\s*(?:[\w$*{}\s,]+?\s*from\s*)?(["'])([^"']+)\1/g)) {
    // `import(` never matches: the quote must follow `import` (or `from`) directly, not a parenthesis.
    out.push(m[2]);
  }
  return out;
}

let parser: Parser;
let graph: Graph | undefined;

beforeAll(async () => {
  if (!existsSync(path.join(DIST, 'index.html'))) throw new Error('dist/ has no build: run `npm test` (or `npx astro build`) first.');
  parser = new Parser(await Config.defaultConfig().resolve());
  const graphFile = path.join(DIST, 'graph.json');
  graph = existsSync(graphFile) ? JSON.parse(readFileSync(graphFile, 'utf8')) : undefined;
});

const parsed = new Map<string, HtmlElement>();
const parse = (page: string) => {
  if (!parsed.has(page)) parsed.set(page, parser.parseHtml(readFileSync(path.join(DIST, page), 'utf8')));
  return parsed.get(page)!;
};

/** The bytes a summary page costs before the map is activated. */
function weigh(page: string): Weight {
  const html = readFileSync(path.join(DIST, page));
  const doc = parse(page);
  const css = new Set<string>();
  const js = new Set<string>();
  const pageUrl = new URL(page.replace(/index\.html$/, ''), `http://site${BASE}`);
  const local = (ref: string) => {
    const url = new URL(ref, pageUrl);
    return url.origin === 'http://site' ? url.pathname : undefined;
  };
  for (const link of doc.querySelectorAll('link[rel][href]')) {
    if (!(link.getAttributeValue('rel') ?? '').split(/\s+/).includes('stylesheet')) continue;
    const p = local(link.getAttributeValue('href')!);
    if (p) css.add(p);
  }
  const queue: string[] = [];
  for (const el of doc.querySelectorAll('script[src]')) queue.push(local(el.getAttributeValue('src')!) ?? '');
  for (const el of doc.querySelectorAll('link[rel="modulepreload"][href]')) queue.push(local(el.getAttributeValue('href')!) ?? '');
  while (queue.length) {
    const next = queue.pop()!;
    if (!next || js.has(next)) continue;
    js.add(next);
    const code = readFileSync(fileOf(next), 'utf8');
    for (const spec of staticImports(code)) {
      if (spec.startsWith('.') || spec.startsWith('/')) queue.push(new URL(spec, `http://site${next}`).pathname);
    }
  }
  const size = (set: Set<string>) => [...set].reduce((sum, p) => sum + gzipped(readFileSync(fileOf(p))), 0);
  const weight = { page, html: gzipped(html), css: size(css), js: size(js), files: [...css, ...js].sort(), total: 0 };
  weight.total = weight.html + weight.css + weight.js;
  return weight;
}

/** The JSON a page embeds for its map, with its size in bytes. */
function embeddedMap(page: string): { bytes: number; nodes: string[] } | undefined {
  const doc = parse(page);
  const script = doc.querySelector('script[data-map-json]');
  if (!script) return undefined;
  const text = script.textContent;
  const data = JSON.parse(text) as { view: { nodes: { id: string }[] } };
  return { bytes: Buffer.byteLength(text), nodes: data.view.nodes.map((n) => n.id) };
}

/** Focus claims plus every claim one relation away (an undercut touches its relation's two ends). */
function neighbourhood(g: Graph, focus: string[]): Set<string> {
  const keep = new Set(focus);
  const byId = new Map(g.edges.map((e) => [e.id, e]));
  for (const e of g.edges) {
    const target = e.kind === 'undercuts' ? byId.get(e.to) : undefined;
    const ends = target ? [e.from, target.from, target.to] : [e.from, e.to];
    if (ends.some((id) => focus.includes(id))) ends.forEach((id) => keep.add(id));
  }
  return keep;
}

describe('summary pages stay light', () => {
  it(`each summary page loads at most ${kb(BUDGET)} gzipped before the map is used`, () => {
    const pages = summaryPages();
    expect(pages.length).toBeGreaterThan(0);
    const weights = pages.map(({ file }) => weigh(file));
    const rows = weights.map((w) => `${w.page.padEnd(34)} ${kb(w.html).padStart(9)} ${kb(w.css).padStart(9)} ${kb(w.js).padStart(9)} ${kb(w.total).padStart(9)}${w.total > BUDGET ? '  OVER' : ''}`);
    const files = [...new Set(weights.flatMap((w) => w.files))].sort().map((f) => `  ${f.padEnd(70)} ${kb(gzipped(readFileSync(fileOf(f)))).padStart(9)}`);
    console.log(
      [`Gzipped bytes before the map is activated (budget ${kb(BUDGET)}):`, `${'page'.padEnd(34)} ${'html'.padStart(9)} ${'css'.padStart(9)} ${'js'.padStart(9)} ${'total'.padStart(9)}`, ...rows, 'Assets (gzipped each):', ...files].join('\n'),
    );
    const over = weights.filter((w) => w.total > BUDGET);
    expect(over.map((w) => `${w.page}: ${kb(w.total)} (html ${kb(w.html)}, css ${kb(w.css)}, js ${kb(w.js)})`)).toEqual([]);
  });

  it('no summary page loads Cytoscape or the semantics up front', () => {
    const heavy = summaryPages().flatMap(({ file }) => weigh(file).files.filter((f) => /map-canvas|cytoscape|semantics/.test(f)).map((f) => `${file}: ${f}`));
    expect(heavy).toEqual([]);
  });
});

describe('map data grows with the page, not the graph', () => {
  it('each summary page embeds less map data than the whole map', () => {
    const whole = embeddedMap('map/index.html');
    expect(whole, 'the /map/ page embeds its data').toBeDefined();
    const larger = summaryPages()
      .map(({ file }) => ({ file, map: embeddedMap(file) }))
      .filter(({ map }) => map && map.bytes >= whole!.bytes)
      .map(({ file, map }) => `${file}: ${map!.bytes} bytes ≥ ${whole!.bytes}`);
    expect(larger).toEqual([]);
  });

  it("each summary page's map lists only its focus claims and their neighbours", () => {
    const total = embeddedMap('map/index.html')!.nodes.length;
    const problems: string[] = [];
    let checked = 0;
    for (const { slug, file } of summaryPages()) {
      const map = embeddedMap(file);
      if (!map) continue;
      checked++;
      if (!graph) {
        if (map.nodes.length >= total) problems.push(`${file}: ${map.nodes.length} nodes, as many as the whole map (${total})`);
        continue;
      }
      const page = graph.pages.find((p) => p.slug === slug);
      if (!page) {
        problems.push(`${file}: has a map but no page in graph.json`);
        continue;
      }
      const allowed = neighbourhood(graph, page.focus);
      const extra = map.nodes.filter((id) => !allowed.has(id));
      const missing = page.focus.filter((id) => !map.nodes.includes(id));
      if (extra.length) problems.push(`${file}: lists claims that are neither focus nor neighbour: ${extra.join(', ')}`);
      if (missing.length) problems.push(`${file}: misses focus claims ${missing.join(', ')}`);
    }
    expect(checked, 'at least one summary page has a map').toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });
});
