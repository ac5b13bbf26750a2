/**
 * One process, timed from outside with GNU `/usr/bin/time -v` where it is installed (wall and CPU time, peak
 * memory), stopped with its whole process group after a time limit. Shared by the benchmark scripts.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const GNU_TIME = existsSync('/usr/bin/time');

export interface Timed {
  ok: boolean;
  timedOut: boolean;
  wallMs: number;
  cpuMs?: number;
  maxRssKb?: number;
  /** 1-minute load average around the run. */
  load: number;
  output: string;
}

/** One process, timed from outside; stopped (with its process group) after `timeoutMs`. */
export function timed(command: string, args: string[], { cwd = ROOT, timeoutMs }: { cwd?: string; timeoutMs: number }): Promise<Timed> {
  const [cmd, argv] = GNU_TIME ? ['/usr/bin/time', ['-v', command, ...args]] : [command, args];
  const loadBefore = os.loadavg()[0];
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, argv, { cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* gone */
      }
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      const wallMs = performance.now() - started;
      const field = (name: string) => Number(new RegExp(`${name}: ([\\d.]+)`).exec(stderr)?.[1]);
      const cpu = (field('User time \\(seconds\\)') + field('System time \\(seconds\\)')) * 1000;
      resolve({
        ok: code === 0 && !timedOut,
        timedOut,
        wallMs,
        ...(GNU_TIME && !timedOut ? { cpuMs: cpu, maxRssKb: field('Maximum resident set size \\(kbytes\\)') } : {}),
        load: (loadBefore + os.loadavg()[0]) / 2,
        output: (output + stderr.replace(/\tCommand being timed[\s\S]*$/, '')).replace(/\u001b\[[0-9;]*m/g, ''),
      });
    });
  });
}
