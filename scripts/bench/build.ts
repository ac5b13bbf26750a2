/**
 * One `astro build` of a content root in a child process, timed from outside: wall time, CPU time and peak
 * resident memory from GNU `/usr/bin/time -v` (the largest single process of the build; falls back to the
 * main process's `process.resourceUsage().maxRSS` when `time` is missing), with a time limit. The build's
 * output is read line by line as it arrives so the time can be split into phases.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface BuildPhases {
  /** From spawn to the integration's "N claims, … pages" line: Node + Astro start-up and the graph compile + layout. */
  startupAndGraph?: number;
  /** Content sync, types, Vite bundling of server and client: up to "generating static routes". */
  bundle?: number;
  /** Rendering every page to HTML (Astro's own per-page times, summed by kind of page). */
  render?: number;
  renderByKind: Record<string, { pages: number; ms: number; slowest?: { path: string; ms: number } }>;
  /** Pagefind's search index. */
  pagefind?: number;
}

export interface BuildRun {
  status: 'ok' | 'failed' | 'timeout';
  exitCode: number | null;
  wallMs: number;
  cpuMs?: number;
  cpuPercent?: number;
  maxRssKb?: number;
  memorySource: string;
  phases: BuildPhases;
  /** The last line of output when the build was stopped or failed. */
  lastLine: string;
  tail: string;
}

const tryKill = (pid: number) => {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    /* already gone */
  }
};

/** Processes in the process group `pgid` (Linux /proc). */
function groupMembers(pgid: number): number[] {
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid) out.push(Number(name));
    } catch {
      /* exited meanwhile */
    }
  }
  return out;
}

const strip = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');

export interface BuildOptions {
  root: string;
  contentRoot: string;
  outDir: string;
  cacheDir: string;
  timeoutMs: number;
  /** Called with each output line (ANSI stripped) and the elapsed ms. */
  onLine?: (line: string, elapsedMs: number) => void;
}

export function runBuild(options: BuildOptions): Promise<BuildRun> {
  const { root, contentRoot, outDir, cacheDir, timeoutMs } = options;
  const timeFile = path.join(path.dirname(outDir), `${path.basename(outDir)}.time.txt`);
  const rssFile = path.join(path.dirname(outDir), `${path.basename(outDir)}.rss.txt`);
  const haveTime = existsSync('/usr/bin/time');
  const astro = path.join(root, 'node_modules/astro/bin/astro.mjs');
  // Astro joins --config to the project root, so it must be relative.
  const config = 'scripts/bench/astro.config.ts';
  const nodeArgs = haveTime ? [] : ['--import', path.join(root, 'scripts/bench/maxrss.ts')];
  const [command, args] = haveTime
    ? ['/usr/bin/time', ['-v', '-o', timeFile, process.execPath, astro, 'build', '--config', config]]
    : [process.execPath, [...nodeArgs, astro, 'build', '--config', config]];
  const env: NodeJS.ProcessEnv = { ...process.env, CONTENT_ROOT: contentRoot, OUT_DIR: outDir, BENCH_CACHE_DIR: cacheDir, BENCH_RSS_FILE: rssFile, FORCE_COLOR: '0' };
  delete env.BASE_PATH;
  delete env.SITE_URL;

  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: { t: number; line: string }[] = [];
    let text = '';
    let partial = { out: '', err: '' };
    const take = (key: 'out' | 'err') => (chunk: Buffer) => {
      const t = performance.now() - started;
      const s = strip(chunk.toString());
      text += s;
      const parts = (partial[key] + s).split('\n');
      partial[key] = parts.pop() ?? '';
      for (const line of parts) {
        lines.push({ t, line });
        options.onLine?.(line, t);
      }
    };
    child.stdout.on('data', take('out'));
    child.stderr.on('data', take('err'));
    let timedOut = false;
    let finalKill: NodeJS.Timeout | undefined;
    const timer = setTimeout(() => {
      timedOut = true;
      // Stop the build but let GNU time (the group leader) live to report the memory used so far.
      for (const pid of groupMembers(child.pid!)) if (!haveTime || pid !== child.pid) tryKill(pid);
      finalKill = setTimeout(() => tryKill(-child.pid!), 5000);
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      clearTimeout(finalKill);
      const wallMs = performance.now() - started;
      const at = (re: RegExp) => lines.find((l) => re.test(l.line))?.t;
      const tGraph = at(/\[argument-graph\] \d+ claims/);
      const tRoutes = at(/generating static routes/);
      const tPagefindStart = at(/Building search index with Pagefind/);
      const tPagefindEnd = at(/Finished building search index/);
      const renderByKind: BuildPhases['renderByKind'] = {};
      for (const m of text.matchAll(/[├└]─ (\/[^\s]*?)(?:\s|\d\d:\d\d:\d\d)[^(]*?\(\+([\d.]+)(ms|s)\)/g)) {
        const ms = Number(m[2]) * (m[3] === 's' ? 1000 : 1);
        const p = m[1];
        const kind = p.startsWith('/claims/') ? 'claim pages' : p.startsWith('/map/') ? 'whole map' : /\.(json|argdown|apx|tgf)$/.test(p) ? 'exports' : p === '/404.html' ? '404' : 'summary pages';
        const k = (renderByKind[kind] ??= { pages: 0, ms: 0 });
        k.pages++;
        k.ms += ms;
        if (!k.slowest || ms > k.slowest.ms) k.slowest = { path: p, ms };
      }
      const render = Object.values(renderByKind).reduce((s, k) => s + k.ms, 0);
      const phases: BuildPhases = {
        startupAndGraph: tGraph,
        bundle: tGraph !== undefined && tRoutes !== undefined ? tRoutes - tGraph : undefined,
        render: render || undefined,
        renderByKind,
        pagefind: tPagefindStart !== undefined && tPagefindEnd !== undefined ? tPagefindEnd - tPagefindStart : undefined,
      };
      let cpuMs: number | undefined;
      let cpuPercent: number | undefined;
      let maxRssKb: number | undefined;
      let memorySource = 'none';
      if (haveTime && existsSync(timeFile)) {
        const t = readFileSync(timeFile, 'utf8');
        const num = (re: RegExp) => Number(re.exec(t)?.[1] ?? NaN);
        cpuMs = (num(/User time \(seconds\): ([\d.]+)/) + num(/System time \(seconds\): ([\d.]+)/)) * 1000;
        cpuPercent = num(/Percent of CPU this job got: (\d+)%/);
        maxRssKb = num(/Maximum resident set size \(kbytes\): (\d+)/);
        memorySource = 'GNU time -v: maximum resident set size of the largest process';
      } else if (existsSync(rssFile)) {
        maxRssKb = Number(readFileSync(rssFile, 'utf8'));
        memorySource = 'process.resourceUsage().maxRSS of the main build process';
      }
      if (timedOut) memorySource += ' (so far; stopped at the time limit)';
      const nonEmpty = lines.filter((l) => l.line.trim());
      resolve({
        status: timedOut ? 'timeout' : code === 0 ? 'ok' : 'failed',
        exitCode: code,
        wallMs,
        cpuMs: Number.isFinite(cpuMs) ? cpuMs : undefined,
        cpuPercent: Number.isFinite(cpuPercent) ? cpuPercent : undefined,
        maxRssKb: Number.isFinite(maxRssKb) ? maxRssKb : undefined,
        memorySource,
        phases,
        lastLine: nonEmpty.at(-1)?.line.trim() ?? '',
        tail: nonEmpty.slice(-15).map((l) => l.line).join('\n'),
      });
    });
  });
}
