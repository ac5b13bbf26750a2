/**
 * The Argdown comparison: install `@argdown/cli@2.0.0` into a temporary folder (never the project's
 * dependencies), with `@argdown/markdown-it-plugin` pinned to 1.7.7 by an npm override, and time
 * `argdown map -f svg` on a file, with a time limit.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { timed } from './timed.ts';

export const ARGDOWN_VERSION = '2.0.0';

export interface ArgdownInstall {
  ok: boolean;
  dir: string;
  bin: string;
  message: string;
  reused: boolean;
}

/** Install (or reuse an earlier install in the same temporary folder). */
export function installArgdown(): ArgdownInstall {
  const dir = path.join(os.tmpdir(), `argmap-bench-argdown-${ARGDOWN_VERSION}`);
  const bin = path.join(dir, 'node_modules/.bin/argdown');
  const installed = path.join(dir, 'node_modules/@argdown/cli/package.json');
  if (existsSync(bin) && existsSync(installed) && JSON.parse(readFileSync(installed, 'utf8')).version === ARGDOWN_VERSION) {
    return { ok: true, dir, bin, message: `reused ${dir}`, reused: true };
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({ name: 'argmap-bench-argdown', private: true, overrides: { '@argdown/markdown-it-plugin': '1.7.7' } }, null, 2),
  );
  const run = spawnSync('npm', ['install', '--prefix', dir, '--no-audit', '--no-fund', `@argdown/cli@${ARGDOWN_VERSION}`], { encoding: 'utf8' });
  if (run.status !== 0 || !existsSync(bin)) {
    return { ok: false, dir, bin, message: `npm install failed (exit ${run.status}): ${(run.stderr || run.stdout).trim().split('\n').slice(-3).join(' ')}`, reused: false };
  }
  return { ok: true, dir, bin, message: `installed into ${dir}`, reused: false };
}

export interface ArgdownRun {
  status: 'ok' | 'failed' | 'timeout';
  wallMs: number;
  svgBytes?: number;
  svgNodes?: number;
  svgEdges?: number;
  message: string;
}

/** `argdown map -f svg <file> <outDir>`; wall time of the whole command, Node start-up included. */
export async function runArgdown(bin: string, file: string, outDir: string, timeoutMs: number): Promise<ArgdownRun> {
  rmSync(outDir, { recursive: true, force: true });
  const run = await timed(bin, ['map', '-f', 'svg', file, outDir], { timeoutMs });
  const svg = existsSync(outDir) ? readdirSync(outDir).find((f) => f.endsWith('.svg')) : undefined;
  const text = svg ? readFileSync(path.join(outDir, svg), 'utf8') : '';
  const parserErrors = /error/i.test(run.output.replace(/TypeError: createArgdownPlugin[\s\S]*$/, ''));
  return {
    status: run.timedOut ? 'timeout' : run.ok && svg ? 'ok' : 'failed',
    wallMs: run.wallMs,
    ...(svg ? { svgBytes: Buffer.byteLength(text), svgNodes: (text.match(/class="node"/g) ?? []).length, svgEdges: (text.match(/class="edge"/g) ?? []).length } : {}),
    message: run.timedOut ? 'did not finish in time' : parserErrors ? run.output.trim().split('\n').slice(0, 3).join(' ') : (run.output.trim().split('\n')[0] ?? ''),
  };
}
