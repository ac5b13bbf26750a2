/**
 * Shared helpers for browser and build tests: build the site (once per configuration per run), serve a
 * built folder under any base path on a free local port, and launch the system Chromium.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const ROOT = path.resolve(import.meta.dirname, '../..');
/** The project's default build, made by `npm test` before the browser tests run. */
export const DIST = path.join(ROOT, 'dist');
mkdirSync(path.join(ROOT, '.cache'), { recursive: true });

export interface BuildOptions {
  contentRoot?: string;
  base?: string;
  site?: string;
  outDir?: string;
}

export interface BuildResult {
  status: number;
  output: string;
  outDir: string;
}

/** Run `astro build` with the given content and base; returns exit status and combined output. */
export function buildSite(options: BuildOptions = {}): BuildResult {
  // Inside the project: Astro keeps a build's server chunks in <project>/.astro whatever the out dir.
  const outDir = options.outDir ?? mkdtempSync(path.join(ROOT, '.cache', 'e2e-build-'));
  const env: NodeJS.ProcessEnv = { ...process.env, OUT_DIR: outDir };
  // Vitest sets these for its own Vite; inherited, they would turn the child into a dev-mode build
  // (no Pagefind) and make BASE_URL override BASE_PATH.
  for (const name of ['BASE_URL', 'NODE_ENV', 'MODE', 'DEV', 'PROD', 'SSR']) delete env[name];
  if (options.contentRoot) env.CONTENT_ROOT = options.contentRoot;
  else delete env.CONTENT_ROOT;
  if (options.base) env.BASE_PATH = options.base;
  else delete env.BASE_PATH;
  if (options.site) env.SITE_URL = options.site;
  else delete env.SITE_URL;
  const run = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: run.status ?? 1, output: `${run.stdout}\n${run.stderr}`, outDir };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

export interface Served {
  url: string;
  close(): Promise<void>;
}

/** Serve `dir` as a static host would, mounted at `base` (e.g. `/debate/`), on a free port. */
export async function serve(dir: string, base = '/'): Promise<Served> {
  const mount = base.endsWith('/') ? base : `${base}/`;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const pathname = decodeURIComponent(url.pathname);
    const send = (file: string, status = 200) => {
      res.writeHead(status, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
      createReadStream(file).pipe(res);
    };
    const notFound = () => (existsSync(path.join(dir, '404.html')) ? send(path.join(dir, '404.html'), 404) : (res.writeHead(404), res.end('not found')));
    if (!pathname.startsWith(mount)) return notFound();
    let file = path.join(dir, pathname.slice(mount.length));
    if (!file.startsWith(dir)) return notFound();
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!existsSync(file)) return notFound();
    send(file);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}${mount}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The Debian Chromium, never a downloaded one. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** For the tests of one file: Chromium and a local server for `dir`, started before them and closed after. */
export function useBrowserAndSite(dir = DIST, base = '/'): { browser: Browser; site: Served } {
  const web = {} as { browser: Browser; site: Served };
  beforeAll(async () => {
    web.browser = await launchBrowser();
    web.site = await serve(dir, base);
  });
  afterAll(async () => {
    await web.browser?.close();
    await web.site?.close();
  });
  return web;
}

/** Every HTML page in a built site, as paths relative to it (e.g. `claims/x/index.html`). */
export function htmlPages(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.html')) out.push(path.relative(dir, full));
    }
  };
  walk(dir);
  return out.sort();
}

/** URL path of a built page, e.g. `claims/x/index.html` → `claims/x/`. */
export const pagePath = (file: string) => file.replace(/index\.html$/, '').replace(/\\/g, '/');
