/**
 * `astro dev` in a child process for tests and benchmarks: on a free port, against a copy of a content folder
 * (inside the project, so MDX imports of `@astrojs/starlight/…` and `~/components/…` resolve), with its output
 * collected so a caller can wait for a line instead of sleeping.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import type { Page } from 'playwright-core';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Copy a content folder to a fresh folder under `.cache/` and return its path. */
export function copyContent(from: string, prefix = 'dev-content-'): string {
  mkdirSync(path.join(ROOT, '.cache'), { recursive: true });
  const to = mkdtempSync(path.join(ROOT, '.cache', prefix));
  cpSync(path.resolve(ROOT, from), to, { recursive: true });
  return to;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface DevServer {
  url: string;
  /** Process id of the server (its Node process). */
  pid: number;
  /** Everything the server printed so far (stdout and stderr, colours stripped). */
  output(): string;
  /** Output printed after `mark` (a length of `output()` taken earlier). */
  since(mark: number): string;
  /** Resolve with the output once `test` holds for it (checked on every new chunk); reject after `timeoutMs`. */
  waitFor(test: (output: string) => boolean, timeoutMs?: number, what?: string): Promise<string>;
  close(): Promise<void>;
}

export interface DevServerOptions {
  /** Content folder, relative to the project or absolute (CONTENT_ROOT). */
  contentRoot: string;
  /** Start as on a fresh clone: Vite's dependency cache in a new folder (see dev.astro.config.ts). */
  freshDependencyCache?: boolean;
  /** How long to wait for "ready" (ms). */
  startTimeoutMs?: number;
}

/**
 * Refuse to start beside a dev server someone runs in this checkout (`npm run dev`): Astro keeps a dev server's
 * content store in .astro/, and a second server on other content would overwrite it under the first one.
 */
function checkNoDevServerRunning(): void {
  let lock: { pid?: unknown; url?: unknown };
  try {
    lock = JSON.parse(readFileSync(path.join(ROOT, '.astro', 'dev.json'), 'utf8'));
  } catch {
    return;
  }
  if (typeof lock.pid !== 'number') return;
  try {
    process.kill(lock.pid, 0);
  } catch {
    return; // a lock left behind by a server that is gone
  }
  throw new Error(`an astro dev server is running in this checkout (pid ${lock.pid}, ${String(lock.url)}): stop it first; a second dev server would overwrite its content store in .astro/`);
}

/** Start `astro dev` and resolve once it serves pages. */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  checkNoDevServerRunning();
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, CONTENT_ROOT: options.contentRoot };
  // Vitest sets these for its own Vite; inherited, they would change the server's mode and base, and with
  // VITEST set Astro's dev server does not render pages at all.
  const inherited = ['TEST', 'BASE_URL', 'NODE_ENV', 'MODE', 'DEV', 'PROD', 'SSR', 'BASE_PATH', 'OUT_DIR'];
  for (const name of Object.keys(env)) if (name.startsWith('VITEST') || inherited.includes(name)) delete env[name];
  // --ignore-lock: neither read nor write Astro's lock file (checked above), and never move into the background.
  const args = [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port), '--host', '127.0.0.1', '--ignore-lock'];
  let depsCache: string | undefined;
  if (options.freshDependencyCache) {
    depsCache = mkdtempSync(path.join(ROOT, '.cache', 'dev-vite-'));
    env.VITE_CACHE_DIR = depsCache;
    // Astro joins --config to the project root.
    args.push('--config', 'tests/e2e/dev.astro.config.ts');
  }
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so closing it also ends any helper process it started.
    detached: true,
  });
  let text = '';
  const waiters = new Set<() => void>();
  const append = (chunk: Buffer) => {
    text += stripVTControlCharacters(chunk.toString('utf8'));
    for (const check of [...waiters]) check();
  };
  child.stdout!.on('data', append);
  child.stderr!.on('data', append);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let exitCode: number | null | undefined;
  child.once('exit', (code) => {
    exitCode = code;
    for (const check of [...waiters]) check();
  });

  const server: DevServer = {
    url: `http://127.0.0.1:${port}/`,
    pid: child.pid!,
    output: () => text,
    since: (mark) => text.slice(mark),
    waitFor(test, timeoutMs = 60_000, what = 'dev server output') {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; output so far:\n${text}`));
        }, timeoutMs);
        const check = () => {
          if (test(text)) {
            clearTimeout(timer);
            waiters.delete(check);
            resolve(text);
          } else if (exitCode !== undefined) {
            clearTimeout(timer);
            waiters.delete(check);
            reject(new Error(`the dev server exited (code ${exitCode}) while waiting for ${what}; output:\n${text}`));
          }
        };
        waiters.add(check);
        check();
      });
    },
    async close() {
      if (exitCode === undefined && child.pid) {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          /* already gone */
        }
        await exited;
      }
      if (depsCache) rmSync(depsCache, { recursive: true, force: true });
    },
  };
  try {
    const out = await server.waitFor((text) => /ready in \d+[\s\S]*Local\s+http:\/\/\S+/.test(text), options.startTimeoutMs ?? 120_000, 'the dev server to start');
    // Astro moves to another port when the free one was taken meanwhile: use the one it reports.
    server.url = /Local\s+(http:\/\/\S+?)\/?(\s|$)/.exec(out)![1] + '/';
  } catch (error) {
    await server.close();
    throw error;
  }
  return server;
}

/** Remove a copied content folder and the content-layer cache Astro kept for it. */
export function removeContent(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  const cache = path.join(ROOT, 'node_modules', '.astro', `content-${dir.replace(/[^a-zA-Z0-9]+/g, '-')}`);
  rmSync(cache, { recursive: true, force: true });
}

/**
 * Wait until `check` returns a truthy value in the page, and resolve with it. A dev server reloads the page after
 * edits, which ends the document a check runs in; the check then continues in the new document.
 */
export async function waitInPage<R>(page: Page, check: (arg: string) => R, arg = '', timeoutMs = 30_000): Promise<R> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const left = deadline - Date.now();
    if (left <= 0) throw new Error(`the page did not reach the awaited state within ${timeoutMs} ms`);
    try {
      const handle = await page.waitForFunction(check, arg, { polling: 'raf', timeout: left });
      return (await handle.jsonValue()) as R;
    } catch (error) {
      if (!/context was destroyed|navigat|Target closed|detached/i.test(String(error))) throw error;
    }
  }
}
