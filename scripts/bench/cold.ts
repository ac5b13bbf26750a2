/**
 * A cold start against Argdown: `node scripts/bench/cold.ts [--sizes 100,1000,5000] [--runs 3] [--timeout-min 5]
 * [--out docs/benchmarks.md]`, also run by `npm run bench`. Each synthetic debate (`generate.ts`) is written as Argdown
 * twice, with a heading over each page's statements (Argdown draws them as groups) and without, and imported with
 * `npm run import` into an empty content folder. Then, in turns, `npm run graph` on that folder from a cold start (a new
 * process; no `.cache`, and no Astro or Vite cache, which the graph script does not use) and `argdown map -f svg` on the
 * same file, each a whole process timed from outside with GNU `/usr/bin/time -v` (wall and CPU time, peak memory).
 * `npm run graph` is timed three times over: the script npm runs (`node scripts/graph.mjs`, the CLI compiled at install,
 * the counterpart of Argdown's own compiled command), through npm itself, and the TypeScript source it is compiled from
 * (`node scripts/build-graph.ts`). Writes the section between the `cold` markers of the report.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ARGDOWN_VERSION, installArgdown } from './argdown.ts';
import { generateDebate, toArgdown } from './generate.ts';
import { replaceSection } from './sections.ts';
import { timed, type Timed } from './timed.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
export interface ColdVariant {
  size: number;
  variant: 'groups' | 'flat';
  bytes: number;
  imported?: Timed;
  /** `node scripts/graph.mjs`, through `npm run graph`, `node scripts/build-graph.ts`, `argdown map -f svg`: one entry per run. */
  ours: Timed[];
  npm: Timed[];
  source: Timed[];
  argdown: Timed[];
  /** Claims our graph reports and nodes Argdown's SVG draws (last successful run of each). */
  claims?: number;
  svgNodes?: number;
  error?: string;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Run the comparison for every size and both variants; `log` gets progress lines. */
export async function runCold({ sizes, runs, timeoutMs, argdownBin, log }: { sizes: number[]; runs: number; timeoutMs: number; argdownBin: string; log: (line: string) => void }): Promise<{ results: ColdVariant[]; compiled: Timed; npmStart: Timed[] }> {
  const results: ColdVariant[] = [];
  // What `npm install` does (its `prepare` script): compile the graph CLI from the code as it is now.
  const compiled = await timed(process.execPath, [path.join(ROOT, 'scripts/graph-bundle.mjs')], { timeoutMs });
  if (!compiled.ok || /not compiled/.test(compiled.output)) throw new Error(`the graph CLI could not be compiled: ${compiled.output.trim()}`);
  log(`compiled the graph CLI in ${(compiled.wallMs / 1000).toFixed(2)} s`);
  // npm's own start-up, which `npm run graph` adds to ours (and no one adds to Argdown's), timed as `npm --version`.
  const npmStart: Timed[] = [];
  for (let i = 0; i < runs; i++) npmStart.push(await timed('npm', ['--version'], { timeoutMs }));
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'argmap-bench-cold-'));
  try {
    for (const size of sizes) {
      const debate = generateDebate(size);
      for (const variant of ['groups', 'flat'] as const) {
        const dir = path.join(tmp, `${size}-${variant}`);
        const content = path.join(dir, 'content');
        mkdirSync(path.join(content, 'docs'), { recursive: true });
        writeFileSync(path.join(content, 'actors.yaml'), '[]\n');
        writeFileSync(path.join(content, 'sources.yaml'), '[]\n');
        const file = path.join(dir, `debate-${size}.argdown`);
        const text = toArgdown(debate, { groups: variant === 'groups' });
        writeFileSync(file, text);
        const result: ColdVariant = { size, variant, bytes: Buffer.byteLength(text), ours: [], npm: [], source: [], argdown: [] };
        results.push(result);
        const tag = `${size.toLocaleString('en')} claims, ${variant === 'groups' ? 'with groups' : 'without groups'}`;

        const importArgs = [path.join(ROOT, 'scripts/import.ts'), file, '--content', content, '--out', path.join(content, 'docs/debate'), '--name', 'debate'];
        result.imported = await timed(process.execPath, importArgs, { timeoutMs });
        if (!result.imported.ok) {
          result.error = `npm run import failed: ${result.imported.output.trim().split('\n').slice(-2).join(' ')}`;
          log(`${tag}: ${result.error}`);
          continue;
        }
        log(`${tag}: imported in ${(result.imported.wallMs / 1000).toFixed(1)} s`);

        for (let i = 0; i < runs; i++) {
          // Each run writes where nothing was written before: no cache of any earlier run.
          const out = (name: string) => path.join(dir, `${name}-${i}`, 'graph.json');
          const ours = await timed(process.execPath, [path.join(ROOT, 'scripts/graph.mjs'), '--content', content, '--out', out('node')], { timeoutMs });
          result.ours.push(ours);
          const npm = await timed('npm', ['run', 'graph', '--', '--content', content, '--out', out('npm')], { timeoutMs });
          result.npm.push(npm);
          const source = await timed(process.execPath, [path.join(ROOT, 'scripts/build-graph.ts'), '--content', content, '--out', out('source')], { timeoutMs });
          result.source.push(source);
          const claims = /✓ (\d+) claims/.exec(ours.output)?.[1];
          if (claims) result.claims = Number(claims);
          const failed = [ours, npm, source].find((run) => !run.ok);
          if (failed) result.error = `npm run graph failed: ${failed.output.trim().split('\n').slice(-2).join(' ')}`;

          // Argdown: once a run has not finished in time, the others would not either.
          if (result.argdown.some((r) => r.timedOut)) continue;
          const svgDir = path.join(dir, `argdown-${i}`);
          const ad = await timed(argdownBin, ['map', '-f', 'svg', file, svgDir], { timeoutMs });
          const svg = existsSync(svgDir) ? readdirSync(svgDir).find((f) => f.endsWith('.svg')) : undefined;
          if (svg) result.svgNodes = (readFileSync(path.join(svgDir, svg), 'utf8').match(/class="node"/g) ?? []).length;
          result.argdown.push({ ...ad, ok: ad.ok && !!svg });
          rmSync(svgDir, { recursive: true, force: true });
          log(`${tag}, run ${i + 1}: ours ${(ours.wallMs / 1000).toFixed(2)} s (npm run graph ${(npm.wallMs / 1000).toFixed(2)} s, source ${(source.wallMs / 1000).toFixed(2)} s), Argdown ${ad.timedOut ? 'did not finish' : `${(ad.wallMs / 1000).toFixed(2)} s`}`);
        }
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return { results, compiled, npmStart };
}

const sec = (ms: number) => (ms < 10_000 ? `${(ms / 1000).toFixed(2)} s` : `${(ms / 1000).toFixed(1)} s`);

/** Median wall (and CPU) of the runs, e.g. "1.23 s (CPU 1.10 s)", or why there is none. */
function cell(list: Timed[], timeoutMs: number): string {
  if (list.some((r) => r.timedOut)) return `did not finish in ${timeoutMs / 60_000} min`;
  const ok = list.filter((r) => r.ok);
  if (!ok.length) return list.length ? 'failed' : 'not run';
  const cpu = ok.every((r) => r.cpuMs !== undefined) ? ` (CPU ${sec(median(ok.map((r) => r.cpuMs!)))})` : '';
  return `${sec(median(ok.map((r) => r.wallMs)))}${cpu}`;
}

/** Ratio of the medians of `a` over `b`, by wall and by CPU time; bounded when Argdown did not finish. */
export function ratios(a: Timed[], b: Timed[], timeoutMs: number): { wall?: number; cpu?: number; below?: number } {
  const okA = a.filter((r) => r.ok);
  if (!okA.length) return {};
  if (b.some((r) => r.timedOut)) return { below: median(okA.map((r) => r.wallMs)) / timeoutMs };
  const okB = b.filter((r) => r.ok);
  if (!okB.length) return {};
  const cpu = (xs: Timed[]) => (xs.every((r) => r.cpuMs !== undefined) ? median(xs.map((r) => r.cpuMs!)) : undefined);
  const cpuA = cpu(okA);
  const cpuB = cpu(okB);
  return { wall: median(okA.map((r) => r.wallMs)) / median(okB.map((r) => r.wallMs)), ...(cpuA && cpuB ? { cpu: cpuA / cpuB } : {}) };
}

const ratioCell = (r: ReturnType<typeof ratios>) => (r.below !== undefined ? `**< ${r.below.toFixed(2)}**` : r.wall !== undefined ? `**${r.wall.toFixed(2)}**${r.cpu !== undefined ? ` (CPU ${r.cpu.toFixed(2)})` : ''}` : '–');

/** The report section (markdown, without the markers). */
export function coldSection({ results, compiled, npmStart }: { results: ColdVariant[]; compiled: Timed; npmStart: Timed[] }, { runs, timeoutMs, when }: { runs: number; timeoutMs: number; when: Date }): string {
  const L: string[] = [];
  const row = (cells: (string | number)[]) => L.push(`| ${cells.join(' | ')} |`);
  const loads = results.flatMap((r) => [...r.ours, ...r.npm, ...r.source, ...r.argdown].map((t) => t.load));
  const meanLoad = loads.reduce((a, b) => a + b, 0) / Math.max(1, loads.length);
  L.push('## A cold start against Argdown', '');
  L.push(
    `Measured on ${when.toISOString().slice(0, 16).replace('T', ' ')} UTC by \`scripts/bench/cold.ts\` (part of \`npm run bench\`). Each synthetic debate is written as Argdown twice, with a heading over every 20 statements (Argdown draws each as a group; our import keeps the statements and reports the headings as not kept) and without, then imported with \`npm run import\` into an empty content folder (one page). In turns, ${runs} time${runs === 1 ? '' : 's'} each: \`npm run graph\` on it from a cold start (a new process writing to a new folder: no \`.cache\`; the graph script uses no Astro or Vite cache), once as the script npm runs (\`node scripts/graph.mjs\`, the counterpart of Argdown's own command), once through \`npm run\`, and once as the TypeScript source that script is compiled from (\`node scripts/build-graph.ts\`), and \`argdown map -f svg\` (\`@argdown/cli@${ARGDOWN_VERSION}\`) on the same file. Each is the whole process: start-up, reading, checking, layout, writing, and for ours the table of maps it prints. Medians of wall time, with CPU time (user + system, from GNU \`time\`) in brackets; ratios are ours ÷ Argdown.`,
    '',
    `\`npm run graph\` runs the graph CLI compiled into one JavaScript file (\`scripts/graph-bundle.mjs\`), as Argdown's CLI is compiled JavaScript: the compiled file is built from the code alone, never from the content, by \`npm install\` (here: ${sec(compiled.wallMs)}, once before all runs) and again by \`npm run graph\` when the code it was built from has changed. Nothing from one run of the graph is kept for the next. \`npm run\` adds npm's own start-up to ours: \`npm --version\` alone takes ${cell(npmStart, timeoutMs)} here (median of ${npmStart.length}). Running the TypeScript source costs Node's type stripping (a WebAssembly compiler that takes about 120 ms to start) and loading about 120 modules one by one.`,
    '',
  );
  row(['Claims', 'Argdown file', 'Import', '**Ours: `node scripts/graph.mjs`**', 'Ours through `npm run graph`', 'The TypeScript source', '**Argdown: `map -f svg`**', '**Ratio**', 'Ratio through npm', 'Ratio of the source', 'Peak memory (ours / Argdown)']);
  row(Array(11).fill('---'));
  for (const r of results) {
    const mem = (list: Timed[]) => {
      const kb = list.filter((t) => t.ok && t.maxRssKb).map((t) => t.maxRssKb!);
      return kb.length ? `${Math.round(median(kb) / 1024)} MB` : '–';
    };
    row([
      r.size.toLocaleString('en'),
      `${r.variant === 'groups' ? 'with groups' : 'without groups'} (${(r.bytes / 1024).toFixed(0)} KB)`,
      r.imported ? (r.imported.ok ? sec(r.imported.wallMs) : 'failed') : '–',
      r.error ? `**${r.error.slice(0, 120)}**` : `**${cell(r.ours, timeoutMs)}**`,
      cell(r.npm, timeoutMs),
      cell(r.source, timeoutMs),
      `**${cell(r.argdown, timeoutMs)}**`,
      ratioCell(ratios(r.ours, r.argdown, timeoutMs)),
      ratioCell(ratios(r.npm, r.argdown, timeoutMs)),
      ratioCell(ratios(r.source, r.argdown, timeoutMs)),
      `${mem(r.ours)} / ${mem(r.argdown)}`,
    ]);
  }
  L.push('');
  const drawn = results.filter((r) => r.claims !== undefined && r.svgNodes !== undefined).map((r) => `${r.claims} / ${r.svgNodes}`);
  if (drawn.length) L.push(`Claims in our graph / nodes in Argdown's SVG, per row that has both: ${drawn.join(', ')} (Argdown also draws the undercut inferences as argument nodes).`, '');
  L.push(`1-minute load average during these runs: ${meanLoad.toFixed(1)} on ${os.availableParallelism()} cores${meanLoad > os.availableParallelism() ? ' (a busy machine: wall times are longer than on a quiet one, and CPU time is the steadier measure)' : ''}. A run that takes longer than ${timeoutMs / 60_000} min is stopped, and Argdown is then not run again on that file.`);
  return L.join('\n');
}

// Run on its own: install Argdown, measure, write the section.
if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '100,1000,5000' },
      runs: { type: 'string', default: '3' },
      'timeout-min': { type: 'string', default: '5' },
      out: { type: 'string', default: 'docs/benchmarks.md' },
    },
  });
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const install = installArgdown();
  if (!install.ok) throw new Error(install.message);
  const timeoutMs = Number(values['timeout-min']) * 60_000;
  const runs = Number(values.runs);
  const when = new Date();
  const results = await runCold({ sizes: values.sizes!.split(',').map(Number), runs, timeoutMs, argdownBin: install.bin, log });
  const section = coldSection(results, { runs, timeoutMs, when });
  const out = path.resolve(ROOT, values.out!);
  writeFileSync(out, replaceSection(existsSync(out) ? readFileSync(out, 'utf8') : '# Benchmarks\n', 'cold', section));
  writeFileSync(path.join(os.tmpdir(), 'argmap-bench-cold.json'), JSON.stringify(results, null, 2));
  log(`wrote the cold section of ${path.relative(ROOT, out)}`);
  process.stdout.write(`${section}\n`);
}
