/**
 * `node scripts/bench/import.ts [--claims 23000] [--runs 3] [--out docs/benchmarks.md]`: `npm run import` on a
 * synthetic Argdown file of about 3 MB (the benchmark's seeded debate generator, `generate.ts`, written by its
 * `toArgdown`), validated against the site's own `content/` and written to a temporary folder. Each run is a fresh
 * process timed from outside with GNU `/usr/bin/time -v` (wall time, CPU time, peak resident memory; without GNU time,
 * wall time and the process's own peak memory). Writes the section between the `import` markers of the report.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateDebate, toArgdown } from './generate.ts';
import { replaceSection } from './sections.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const { values } = parseArgs({
  options: {
    claims: { type: 'string', default: '23000' },
    runs: { type: 'string', default: '3' },
    out: { type: 'string', default: 'docs/benchmarks.md' },
  },
});
const CLAIMS = Number(values.claims);
const RUNS = Number(values.runs);
const OUT = path.resolve(ROOT, values.out!);
const log = (msg: string) => process.stderr.write(`${msg}\n`);
const GNU_TIME = existsSync('/usr/bin/time');

interface Run {
  exitCode: number | null;
  wallMs: number;
  cpuMs?: number;
  maxRssKb?: number;
  stdout: string;
}

/** One `npm run import` (the script itself, as npm runs it), timed from outside. */
function runImport(file: string, out: string, rssFile: string): Promise<Run> {
  const args = [path.join(ROOT, 'scripts/import.ts'), file, '--content', path.join(ROOT, 'content'), '--out', out, '--name', 'bench'];
  const [cmd, argv] = GNU_TIME ? ['/usr/bin/time', ['-v', process.execPath, ...args]] : [process.execPath, ['--import', path.join(ROOT, 'scripts/bench/maxrss.ts'), ...args]];
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, argv, { cwd: ROOT, env: { ...process.env, BENCH_RSS_FILE: rssFile } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (exitCode) => {
      const wallMs = performance.now() - started;
      const field = (name: string) => Number(new RegExp(`${name}: ([\\d.]+)`).exec(stderr)?.[1]);
      if (GNU_TIME) resolve({ exitCode, wallMs, cpuMs: (field('User time \\(seconds\\)') + field('System time \\(seconds\\)')) * 1000, maxRssKb: field('Maximum resident set size \\(kbytes\\)'), stdout });
      else resolve({ exitCode, wallMs, maxRssKb: existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : undefined, stdout });
    });
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const tmp = mkdtempSync(path.join(os.tmpdir(), 'argmap-bench-import-'));
try {
  const file = path.join(tmp, `debate-${CLAIMS}.argdown`);
  writeFileSync(file, toArgdown(generateDebate(CLAIMS)));
  const bytes = statSync(file).size;
  log(`import benchmark: ${file} (${(bytes / 1e6).toFixed(2)} MB, ${CLAIMS} claims), ${RUNS} runs`);
  const loads: number[] = [];
  const runs: Run[] = [];
  for (let i = 0; i < RUNS; i++) {
    const out = path.join(tmp, `out-${i}`);
    loads.push(os.loadavg()[0]);
    const run = await runImport(file, out, path.join(tmp, `rss-${i}`));
    loads.push(os.loadavg()[0]);
    if (run.exitCode !== 0) throw new Error(`npm run import exited ${run.exitCode}:\n${run.stdout}`);
    runs.push(run);
    log(`  run ${i + 1}: ${(run.wallMs / 1000).toFixed(1)} s wall${run.cpuMs ? `, ${(run.cpuMs / 1000).toFixed(1)} s CPU` : ''}, peak ${run.maxRssKb ? `${Math.round(run.maxRssKb / 1024)} MB` : 'unknown'}`);
    rmSync(out, { recursive: true, force: true });
  }
  const report = runs[0].stdout.split('\n').filter((l) => /^ {2}(claims|relations|not imported as written):/.test(l)).map((l) => l.trim());
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const mb = (kb: number | undefined) => (kb ? `${Math.round(kb / 1024)} MB` : 'not measured');
  const cpu = runs.every((r) => r.cpuMs) ? median(runs.map((r) => r.cpuMs!)) : undefined;
  const load = loads.reduce((a, b) => a + b, 0) / loads.length;
  const section = [
    '## Import of a 3 MB Argdown file',
    '',
    `Measured by \`node scripts/bench/import.ts\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC: \`npm run import\` of the synthetic debate`,
    `of ${CLAIMS.toLocaleString('en')} claims written as Argdown (${(bytes / 1e6).toFixed(2)} MB), validated against the site's \`content/\` and written to a`,
    `temporary folder; ${RUNS} runs, each a new process.`,
    '',
    '| | median | runs |',
    '| --- | --- | --- |',
    `| wall time | ${s(median(runs.map((r) => r.wallMs)))} | ${runs.map((r) => s(r.wallMs)).join(', ')} |`,
    ...(cpu ? [`| CPU time (user + system) | ${s(cpu)} | ${runs.map((r) => s(r.cpuMs!)).join(', ')} |`] : []),
    `| peak memory (max resident set size) | ${mb(median(runs.map((r) => r.maxRssKb ?? 0)))} | ${runs.map((r) => mb(r.maxRssKb)).join(', ')} |`,
    '',
    `What it imported: ${report.join('; ')}.`,
    '',
    `Timing: ${GNU_TIME ? 'GNU `/usr/bin/time -v` around the process' : 'wall clock around the process; peak memory from `process.resourceUsage()`'}. 1-minute load average around the runs: ${load.toFixed(1)} on ${os.cpus().length} cores${load > os.cpus().length ? ' (a busy machine: wall times are longer than on a quiet one; CPU time is the steadier number)' : ''}.`,
    "The time is shared between `@argdown/core`'s parser and model (with the garbage collection of its tokens), writing",
    `the page's YAML, and checking the page together with the site's content (its YAML read back and ${CLAIMS.toLocaleString('en')} claims validated).`,
  ].join('\n');
  const doc = existsSync(OUT) ? readFileSync(OUT, 'utf8') : '# Benchmarks\n';
  writeFileSync(OUT, replaceSection(doc, 'import', section));
  log(`wrote the import section of ${path.relative(ROOT, OUT)}`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
