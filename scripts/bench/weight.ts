/**
 * Transfer size of a built page, read from the build output: the HTML, the stylesheets it links, and the
 * JavaScript it loads before the map is activated (module scripts and everything they import statically),
 * with the page's embedded map data measured on its own (it is part of the HTML). Modules that are only
 * imported dynamically (the Cytoscape canvas, the semantics, Pagefind's UI) are not loaded up front; the map
 * canvas chunk and what it adds is reported separately. Sizes are bytes and gzip (level 6, what most static
 * hosts and CDNs serve).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface Size {
  raw: number;
  gzip: number;
}

export interface PageWeight {
  page: string;
  html: Size;
  /** The `<script type="application/json" data-map-json>` payload (included in `html`). */
  mapData: Size;
  /** The inline SVG drawing of the map (included in `html`). */
  mapSvg: Size;
  /** The HTML without the map data and the SVG: page chrome (sidebar, header), prose, outline. */
  htmlRest: Size;
  css: Size;
  js: Size;
  /** HTML + CSS + JS: everything transferred before the map is activated. */
  total: Size;
  /** The lazily loaded map canvas module (Cytoscape) plus modules it adds. */
  canvas: Size;
  files: { css: string[]; js: string[]; canvas: string[] };
  /** Claims drawn on the page's map, and how many of them are the page's own (focus). */
  viewNodes: number;
  focusNodes: number;
}

const size = (buf: Buffer | string): Size => {
  const b = typeof buf === 'string' ? Buffer.from(buf) : buf;
  return { raw: b.length, gzip: gzipSync(b, { level: 6 }).length };
};
const add = (...sizes: Size[]): Size => sizes.reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }), { raw: 0, gzip: 0 });

/** Module specifiers a script imports statically and dynamically (relative or root-absolute). */
function importsOf(code: string): { static: string[]; dynamic: string[] } {
  const stat = [...code.matchAll(/\b(?:from|import)\s*(["'`])((?:\.{1,2})?\/[^"'`\s]+?\.m?js)\1/g)].map((m) => m[2]);
  const dyn = [...code.matchAll(/\bimport\(\s*(["'`])((?:\.{1,2})?\/[^"'`\s]+?\.m?js)\1\s*\)/g)].map((m) => m[2]);
  return { static: stat, dynamic: dyn };
}

/** Measure `pagePath` (e.g. `part-002/index.html`) in the built site `dist`. */
export function pageWeight(dist: string, pagePath: string): PageWeight {
  const file = path.join(dist, pagePath);
  const html = readFileSync(file, 'utf8');
  const resolve = (spec: string, from: string) => (spec.startsWith('/') ? path.join(dist, spec) : path.resolve(path.dirname(from), spec));

  const cssFiles = [...html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*>/g)]
    .map((m) => /href="([^"]+)"/.exec(m[0])?.[1])
    .filter((h): h is string => !!h && h.startsWith('/'))
    .map((h) => path.join(dist, h));

  // Entry modules: external module scripts, and modules imported from inline module scripts.
  const entries: string[] = [];
  const dynamicFromEntries: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const [, attrs, body] = m;
    const src = /\bsrc="([^"]+)"/.exec(attrs)?.[1];
    if (src && /type="module"/.test(attrs)) entries.push(resolve(src, file));
    else if (!src && /type="module"/.test(attrs)) {
      const found = importsOf(body);
      entries.push(...found.static.map((s) => resolve(s, file)));
      dynamicFromEntries.push(...found.dynamic.map((s) => resolve(s, file)));
    }
  }
  for (const m of html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*>/g)) {
    const href = /href="([^"]+)"/.exec(m[0])?.[1];
    if (href) entries.push(resolve(href, file));
  }
  const closure = (starts: string[], skip: Set<string>) => {
    const seen = new Set<string>();
    const dynamic: string[] = [];
    const stack = [...starts];
    while (stack.length) {
      const f = stack.pop()!;
      if (seen.has(f) || skip.has(f) || !existsSync(f)) continue;
      seen.add(f);
      const found = importsOf(readFileSync(f, 'utf8'));
      stack.push(...found.static.map((s) => resolve(s, f)));
      dynamic.push(...found.dynamic.map((s) => resolve(s, f)));
    }
    return { files: [...seen], dynamic };
  };
  const upfront = closure(entries, new Set());
  const loaded = new Set(upfront.files);
  const canvasEntry = [...upfront.dynamic, ...dynamicFromEntries].filter((f) => /map-canvas/.test(path.basename(f)));
  const canvas = closure(canvasEntry, loaded);

  const mapJson = /<script type="application\/json" data-map-json>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
  const mapSvg = /class="map-static"[^>]*>([\s\S]*?<\/svg>)/.exec(html)?.[1] ?? '';
  let viewNodes = 0;
  let focusNodes = 0;
  if (mapJson) {
    const data = JSON.parse(mapJson) as { view: { nodes: { focus: boolean }[] } };
    viewNodes = data.view.nodes.length;
    focusNodes = data.view.nodes.filter((n) => n.focus).length;
  }
  const read = (files: string[]) => add(...files.map((f) => size(readFileSync(f))));
  const htmlSize = size(html);
  const css = read(cssFiles);
  const js = read(upfront.files);
  const rel = (f: string) => path.relative(dist, f);
  return {
    page: pagePath,
    html: htmlSize,
    mapData: size(mapJson),
    mapSvg: size(mapSvg),
    htmlRest: size(html.replace(mapJson, '').replace(mapSvg, '')),
    css,
    js,
    total: add(htmlSize, css, js),
    canvas: read(canvas.files),
    files: { css: cssFiles.map(rel), js: upfront.files.map(rel).sort(), canvas: canvas.files.map(rel).sort() },
    viewNodes,
    focusNodes,
  };
}
