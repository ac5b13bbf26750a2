/**
 * `npm run bench`: generate synthetic debates (100, 1,000 and 5,000 claims), then for each measure the graph
 * compile and layout (in-process, in a worker thread), a full `astro build` (child process: wall time, CPU time,
 * peak memory, phases), the transfer size of a typical summary page, the time to an interactive map in headless
 * Chromium, and `argdown map -f svg` on the same debate. Writes docs/benchmarks.md; progress goes to stderr.
 *
 * Also lays out the site's own maps with each layout candidate (scripts/bench/layouts.ts, decision 0008), and
 * times the contributor's loop on the real site: `astro dev`, a page open in Chromium, one claim edited
 * (scripts/bench/dev-loop.ts).
 *
 * Options: --sizes 100,1000,5000  --timeout-min 10  --runs 3  --out docs/benchmarks.md  --keep (keep temp
 * folders)  --no-argdown  --no-browser  --no-layouts  --no-dev-loop  --no-cold (the cold start against Argdown,
 * scripts/bench/cold.ts).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { generateDebate, pageSlug, toArgdown, writeContentRoot, type Debate } from './bench/generate.ts';
import { runBuild, type BuildRun } from './bench/build.ts';
import { pageWeight, type PageWeight } from './bench/weight.ts';
import { CPU_SLOWDOWN, timeToInteractiveMap, type InteractiveResult } from './bench/browser.ts';
import { ARGDOWN_VERSION, installArgdown, runArgdown, type ArgdownRun } from './bench/argdown.ts';
import { benchLayouts, layoutTable } from './bench/layouts.ts';
import { carrySections, replaceSection } from './bench/sections.ts';
import { coldSection, runCold } from './bench/cold.ts';
import { devLoop, devLoopSection } from './bench/dev-loop.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100,1000,5000' },
    'timeout-min': { type: 'string', default: '10' },
    runs: { type: 'string', default: '3' },
    out: { type: 'string', default: 'docs/benchmarks.md' },
    keep: { type: 'boolean', default: false },
    'no-argdown': { type: 'boolean', default: false },
    'no-browser': { type: 'boolean', default: false },
    'no-layouts': { type: 'boolean', default: false },
    'no-dev-loop': { type: 'boolean', default: false },
    'no-cold': { type: 'boolean', default: false },
  },
});
const SIZES = values.sizes!.split(',').map(Number);
const TIMEOUT_MS = Number(values['timeout-min']) * 60_000;
const RUNS = Number(values.runs);
const OUT = path.resolve(ROOT, values.out!);

// ---------------------------------------------------------------------------------------------------------
// Progress and load sampling
// ---------------------------------------------------------------------------------------------------------

const benchStart = performance.now();
const clock = (ms: number) => {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};
const log = (msg: string) => process.stderr.write(`[${clock(performance.now() - benchStart)}] ${msg}\n`);

const loadSamples: { t: number; load: number }[] = [];
const sampleLoad = () => loadSamples.push({ t: performance.now(), load: Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]) });
sampleLoad();
const loadTimer = setInterval(sampleLoad, 5000);
const loadBetween = (from: number, to: number) => {
  const xs = loadSamples.filter((s) => s.t >= from && s.t <= to).map((s) => s.load);
  if (!xs.length) return undefined;
  return { mean: xs.reduce((a, b) => a + b, 0) / xs.length, max: Math.max(...xs) };
};

/** Run a step with a progress line every 20 s; `status()` adds detail (e.g. the build's last line). */
async function step<T>(label: string, run: () => Promise<T>, status?: () => string): Promise<{ value: T; ms: number; load?: { mean: number; max: number } }> {
  const started = performance.now();
  sampleLoad();
  log(`${label}: started`);
  const ticker = setInterval(() => log(`${label}: ${clock(performance.now() - started)} elapsed${status ? ` · ${status()}` : ''}`), 20_000);
  try {
    const value = await run();
    sampleLoad();
    const ms = performance.now() - started;
    log(`${label}: done in ${(ms / 1000).toFixed(1)} s`);
    return { value, ms, load: loadBetween(started, performance.now()) };
  } finally {
    clearInterval(ticker);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Measurements
// ---------------------------------------------------------------------------------------------------------

interface CompileRun {
  status: 'ok' | 'failed' | 'timeout';
  timings?: { load: number; validate: number; compile: number; layout: number };
  nodes?: number;
  pages?: number;
  edges?: Record<string, number>;
  diagnostics?: string[];
  message?: string;
}

function compileInWorker(contentRoot: string, timeoutMs: number): Promise<CompileRun> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./bench/compile-worker.ts', import.meta.url), { workerData: { contentRoot, root: ROOT } });
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve({ status: 'timeout', message: `stopped after ${timeoutMs / 60_000} min` });
    }, timeoutMs);
    worker.once('message', (m: { ok: boolean; timings: CompileRun['timings']; nodes: number; pages: number; edges: Record<string, number>; diagnostics: string[] }) => {
      clearTimeout(timer);
      resolve({ status: m.ok ? 'ok' : 'failed', timings: m.timings, nodes: m.nodes, pages: m.pages, edges: m.edges, diagnostics: m.diagnostics });
      void worker.terminate();
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      resolve({ status: 'failed', message: String(error) });
    });
  });
}

interface SizeResult {
  size: number;
  debate: { pages: number; counts: Debate['counts']; kinds: Record<string, number> };
  compile: { run: CompileRun; load?: { mean: number; max: number } };
  build?: { run: BuildRun; load?: { mean: number; max: number }; skipped?: string; pagesBuilt?: number };
  weight?: PageWeight;
  mapDataPerClaim?: { pages: number; perClaimGzip: { min: number; median: number; max: number }; viewNodes: { min: number; median: number; max: number } };
  interactive?: InteractiveResult | { error: string };
  argdown?: { run?: ArgdownRun; load?: { mean: number; max: number }; skipped?: string };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const compileTotal = (t: NonNullable<CompileRun['timings']>) => t.load + t.validate + t.compile;

async function benchSize(size: number, argdownBin: string | undefined, argdownSkip: string | undefined): Promise<SizeResult> {
  const tag = `${size.toLocaleString('en')} claims`;
  const tmp = mkdtempSync(path.join(os.tmpdir(), `argmap-bench-${size}-`));
  const contentRoot = path.join(tmp, 'content');
  const debate = generateDebate(size);
  await writeContentRoot(debate, contentRoot);
  const argdownFile = path.join(tmp, `debate-${size}.argdown`);
  writeFileSync(argdownFile, toArgdown(debate));
  const kinds: Record<string, number> = {};
  for (const c of debate.claims) kinds[c.kind] = (kinds[c.kind] ?? 0) + 1;
  log(`${tag}: generated ${debate.pages} pages in ${contentRoot}`);
  const result: SizeResult = { size, debate: { pages: debate.pages, counts: debate.counts, kinds }, compile: { run: { status: 'failed' } } };

  const compile = await step(`${tag} · compile + layout (in-process)`, () => compileInWorker(contentRoot, TIMEOUT_MS));
  result.compile = { run: compile.value, load: compile.load };
  if (compile.value.status === 'ok') {
    const t = compile.value.timings!;
    log(`${tag}: load ${t.load} ms, validate ${t.validate} ms, compile ${t.compile} ms, layout ${t.layout} ms`);
  } else log(`${tag}: compile ${compile.value.status}: ${compile.value.message ?? compile.value.diagnostics?.join('; ')}`);

  // The build's first step is this same compile + layout: when that alone ran past the limit, so would the build.
  if (compile.value.status === 'timeout') {
    result.build = { run: undefined as unknown as BuildRun, skipped: `not run: its first step, the same graph compile + layout, did not finish within ${TIMEOUT_MS / 60_000} min in-process` };
  } else if (compile.value.status === 'failed') {
    result.build = { run: undefined as unknown as BuildRun, skipped: 'not run: the generated content did not compile' };
  } else {
    const outDir = path.join(tmp, 'dist');
    let pages = 0;
    let last = '';
    const build = await step(
      `${tag} · astro build`,
      () =>
        runBuild({
          root: ROOT,
          contentRoot,
          outDir,
          cacheDir: path.join(tmp, 'astro-cache'),
          timeoutMs: TIMEOUT_MS,
          onLine: (line) => {
            if (/[├└]─ /.test(line)) pages++;
            if (line.trim()) last = line.trim().slice(0, 100);
          },
        }),
      () => `${pages} pages rendered · ${last}`,
    );
    result.build = { run: build.value, load: build.load, pagesBuilt: pages };
    if (build.value.status !== 'ok') log(`${tag}: build ${build.value.status}; last output: ${build.value.lastLine}`);

    if (build.value.status === 'ok') {
      const middle = pageSlug(Math.floor(debate.pages / 2));
      result.weight = pageWeight(outDir, `${middle}/index.html`);
      const w = result.weight;
      log(`${tag}: ${middle}: HTML ${kb(w.html.gzip)}, CSS ${kb(w.css.gzip)}, JS ${kb(w.js.gzip)}, total ${kb(w.total.gzip)} gzip; map data ${kb(w.mapData.gzip)}; canvas chunk ${kb(w.canvas.gzip)}`);
      const all = Array.from({ length: debate.pages }, (_, i) => pageWeight(outDir, `${i === 0 ? '' : `${pageSlug(i)}/`}index.html`)).filter((p) => p.viewNodes > 0);
      const per = all.map((p) => p.mapData.gzip / p.viewNodes);
      const nodes = all.map((p) => p.viewNodes);
      result.mapDataPerClaim = {
        pages: all.length,
        perClaimGzip: { min: Math.min(...per), median: median(per), max: Math.max(...per) },
        viewNodes: { min: Math.min(...nodes), median: median(nodes), max: Math.max(...nodes) },
      };
      if (!values['no-browser']) {
        const browser = await step(`${tag} · time to interactive map (${RUNS} runs)`, () =>
          timeToInteractiveMap(outDir, `${middle}/`, RUNS).catch((error: unknown) => ({ error: String(error) })),
        );
        result.interactive = browser.value;
        if ('median' in browser.value) log(`${tag}: interactive map after ${browser.value.runs.map((r) => Math.round(r)).join(', ')} ms`);
      }
    }
    if (!values.keep) rmSync(outDir, { recursive: true, force: true });
  }

  if (argdownBin) {
    const ad = await step(`${tag} · argdown map -f svg`, () => runArgdown(argdownBin, argdownFile, path.join(tmp, 'argdown-out'), TIMEOUT_MS));
    result.argdown = { run: ad.value, load: ad.load };
    log(`${tag}: argdown ${ad.value.status} in ${(ad.value.wallMs / 1000).toFixed(1)} s (${ad.value.svgNodes ?? 0} nodes drawn)`);
  } else result.argdown = { skipped: argdownSkip };

  if (!values.keep) rmSync(tmp, { recursive: true, force: true });
  else log(`${tag}: kept ${tmp}`);
  return result;
}

// ---------------------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------------------

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const sec = (ms: number | undefined) => (ms === undefined ? '–' : ms < 10_000 ? `${(ms / 1000).toFixed(2)} s` : ms < 120_000 ? `${(ms / 1000).toFixed(1)} s` : `${(ms / 1000).toFixed(0)} s (${clock(ms)})`);
const msFmt = (ms: number) => `${Math.round(ms).toLocaleString('en')} ms`;
const loadFmt = (l?: { mean: number; max: number }) => (l ? `${l.mean.toFixed(1)} (max ${l.max.toFixed(1)})` : '–');
const gz = (s: { raw: number; gzip: number }) => `${kb(s.gzip)} (${kb(s.raw)})`;

function machine() {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown';
  const osRelease = /PRETTY_NAME="([^"]+)"/.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? `${os.type()} ${os.release()}`;
  return {
    cpu: model,
    cores: os.availableParallelism(),
    memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    node: process.version,
    os: `${osRelease} (kernel ${os.release()}, ${os.arch()})`,
    chromium: (() => {
      try {
        return execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
      } catch {
        return 'unknown';
      }
    })(),
  };
}

function report(results: SizeResult[], meta: { started: Date; totalMs: number; argdown: string; argdownStartup?: ArgdownRun; timeNote: string; layouts?: string }): string {
  const m = machine();
  const allLoad = loadSamples.map((s) => s.load);
  const meanLoad = allLoad.reduce((a, b) => a + b, 0) / allLoad.length;
  const maxLoad = Math.max(...allLoad);
  const contended = meanLoad > m.cores * 1.25;
  const L: string[] = [];
  const row = (cells: (string | number)[]) => L.push(`| ${cells.join(' | ')} |`);
  const head = (cells: string[]) => {
    row(cells);
    row(cells.map(() => '---'));
  };
  const limit = `${TIMEOUT_MS / 60_000} min`;

  L.push('# Benchmarks', '');
  L.push(`Measured by \`npm run bench\` (scripts/bench.ts) on ${meta.started.toISOString().slice(0, 16).replace('T', ' ')} UTC; the whole run took ${clock(meta.totalMs)} (min:s). Every number in the sections it writes comes from that one run; the sections other scripts write (the 3 MB import, the cold start against Argdown, the interactive map on the real site, the dev loop) each say when and how they were measured, and a full run refreshes the cold start and the dev loop too.`, '');
  L.push('## Machine', '');
  L.push(`- CPU: ${m.cpu}, ${m.cores} cores`, `- Memory: ${m.memory}`, `- Node ${m.node}`, `- OS: ${m.os}`, `- Browser: ${m.chromium} (headless, via playwright-core)`);
  L.push(
    `- Load during the run: 1-minute load average ${meanLoad.toFixed(1)} on average, at most ${maxLoad.toFixed(1)}, on ${m.cores} cores. ` +
      (contended
        ? `**The machine was contended**: other builds and tests were running at the same time, so wall times are longer than on an idle machine (each table gives the load during its step; CPU time, where given, is less affected).`
        : 'The machine was quiet.'),
    '',
  );

  L.push('## Synthetic debates', '');
  head(['Claims', 'Pages', 'Kinds', 'Supports', 'Attacks', 'Undercuts', 'Answers']);
  for (const r of results) {
    const c = r.debate.counts;
    const rel = c.supports + c.attacks + c.undercuts;
    const pct = (n: number) => `${n} (${Math.round((n / rel) * 100)} %)`;
    row([r.size.toLocaleString('en'), r.debate.pages, Object.entries(r.debate.kinds).map(([k, n]) => `${n} ${k}`).join(', '), pct(c.supports), pct(c.attacks), pct(c.undercuts), c.answers]);
  }
  L.push('');

  L.push('## Graph compile and layout (in-process)', '');
  L.push('`compileSite({ contentRoot, layout: true })` in a worker thread of the benchmark process, after one warm-up compile of the small test fixture. "Compile" is load + validate + compile; "layout" is the layout of the whole map (the one drawn on /map/; each page’s own map is laid out during the build).', '');
  head(['Claims', 'Load', 'Validate', 'Compile', '**Compile total**', '**Layout**', 'Compile + layout', 'Load average']);
  for (const r of results) {
    const c = r.compile.run;
    if (c.status === 'ok' && c.timings) {
      const t = c.timings;
      row([r.size.toLocaleString('en'), msFmt(t.load), msFmt(t.validate), msFmt(t.compile), `**${msFmt(compileTotal(t))}**`, `**${msFmt(t.layout)}**`, sec(compileTotal(t) + t.layout), loadFmt(r.compile.load)]);
    } else row([r.size.toLocaleString('en'), '–', '–', '–', c.status === 'timeout' ? `**did not finish in ${limit}**` : `**failed**: ${c.message ?? c.diagnostics?.join('; ')}`, '–', '–', loadFmt(r.compile.load)]);
  }
  L.push('');

  L.push('## Full build', '');
  L.push(`\`astro build\` in a child process with CONTENT_ROOT pointing at the generated content, a fresh output folder and a fresh Astro cache folder. Wall time is measured around the child process; CPU time (user + system) and peak memory come from ${meta.timeNote}. Time limit ${limit}.`, '');
  head(['Claims', 'Pages built', 'Status', '**Wall time**', 'CPU time', 'CPU share', '**Peak memory**', 'Load average']);
  for (const r of results) {
    const b = r.build;
    if (!b || b.skipped || !b.run) {
      row([r.size.toLocaleString('en'), '–', b?.skipped ?? 'not run', `**> ${limit}** (not run)`, '–', '–', '–', '–']);
      continue;
    }
    const s = b.run.status === 'ok' ? 'ok' : b.run.status === 'timeout' ? `**stopped: did not finish in ${limit}** (last output: \`${b.run.lastLine.slice(0, 80)}\`)` : `**failed** (exit ${b.run.exitCode}): \`${b.run.lastLine.slice(0, 100)}\``;
    row([r.size.toLocaleString('en'), b.pagesBuilt ?? '–', s, b.run.status === 'timeout' ? `**> ${limit}**` : `**${sec(b.run.wallMs)}**`, sec(b.run.cpuMs), b.run.cpuPercent !== undefined ? `${b.run.cpuPercent} %` : '–', b.run.maxRssKb ? `**${(b.run.maxRssKb / 1024).toFixed(0)} MB**${b.run.status === 'timeout' ? ' (until stopped)' : ''}` : '–', loadFmt(b.load)]);
  }
  L.push('');
  L.push('Where the build time goes (from the build\'s own output: the time until the graph integration reports the compiled graph, the time until Astro starts generating pages, Astro\'s per-page render times summed by kind of page, and Pagefind\'s indexing):', '');
  head(['Claims', 'Start-up + graph compile + layout', 'Content sync + Vite bundling', 'Render: claim pages', 'Render: summary pages', 'Render: whole map', 'Render: exports', 'Pagefind']);
  for (const r of results) {
    const b = r.build?.run;
    if (!b) {
      row([r.size.toLocaleString('en'), '–', '–', '–', '–', '–', '–', '–']);
      continue;
    }
    const p = b.phases;
    const k = (name: string) => {
      const x = p.renderByKind[name];
      return x ? `${sec(x.ms)} (${x.pages} page${x.pages === 1 ? '' : 's'}${x.pages > 1 ? `, ${msFmt(x.ms / x.pages)} each` : ''})` : '–';
    };
    row([r.size.toLocaleString('en'), sec(p.startupAndGraph), sec(p.bundle), k('claim pages'), k('summary pages'), k('whole map'), k('exports'), sec(p.pagefind)]);
  }
  L.push('');

  L.push('## Transfer size of a typical summary page', '');
  L.push('The middle summary page of each debate (~20 claims of its own, drawn with their direct neighbours). Gzip (level 6) with the uncompressed size in brackets. "Before activation" is the HTML, every stylesheet it links, and every module script it loads with the modules those import statically; the map data (the JSON the map reads) and the static SVG drawing are part of the HTML and are shown separately. The Cytoscape canvas is imported dynamically once the map scrolls into view and is not part of the total.', '');
  head(['Claims', 'Page', 'Claims on its map (own)', 'HTML', '… map data', '… SVG drawing', '… rest of HTML', 'CSS', 'JS', '**Total before activation**', 'Cytoscape chunk (lazy)']);
  for (const r of results) {
    const w = r.weight;
    if (!w) {
      row([r.size.toLocaleString('en'), '–', '–', '–', '–', '–', '–', '–', '–', 'no build', '–']);
      continue;
    }
    row([r.size.toLocaleString('en'), `/${w.page.replace(/index\.html$/, '')}`, `${w.viewNodes} (${w.focusNodes})`, gz(w.html), gz(w.mapData), gz(w.mapSvg), gz(w.htmlRest), gz(w.css), gz(w.js), `**${gz(w.total)}**`, gz(w.canvas)]);
  }
  L.push('');
  L.push('Map data against the number of claims on the map, over every summary page of each debate:', '');
  head(['Claims', 'Summary pages', 'Claims on a page\'s map (min / median / max)', 'Map data per claim on the map, gzip (min / median / max)']);
  for (const r of results) {
    const d = r.mapDataPerClaim;
    if (!d) {
      row([r.size.toLocaleString('en'), '–', '–', '–']);
      continue;
    }
    row([r.size.toLocaleString('en'), d.pages, `${d.viewNodes.min} / ${d.viewNodes.median} / ${d.viewNodes.max}`, `${Math.round(d.perClaimGzip.min)} / ${Math.round(d.perClaimGzip.median)} / ${Math.round(d.perClaimGzip.max)} bytes`]);
  }
  L.push('');

  L.push('## Time to an interactive map', '');
  L.push(`Headless Chromium, 1280 × 800, CPU slowed ×${CPU_SLOWDOWN} (DevTools throttling, as Lighthouse's mobile run), the typical summary page served from the build output by a local static server (no compression), a fresh browser context (empty cache) for each of ${RUNS} run${RUNS === 1 ? '' : 's'}. The page loads and settles with its map below the fold; then the map is scrolled into view and timed, in the page's own clock, until the canvas is drawn and interactive (\`data-ready\`), and then from a click on a drawn claim to the claim selected. Goal: interactive within 1 s of scrolling into view.`, '');
  head(['Claims', 'Scroll → interactive (runs)', '**Median**', 'Click → selected (median)', 'DOMContentLoaded (median)', 'First contentful paint (median)']);
  for (const r of results) {
    const i = r.interactive;
    if (!i) row([r.size.toLocaleString('en'), '–', 'no build', '–', '–', '–']);
    else if ('error' in i) row([r.size.toLocaleString('en'), '–', `**failed**: ${i.error.split('\n')[0].slice(0, 120)}`, '–', '–', '–']);
    else row([r.size.toLocaleString('en'), i.runs.map((x) => msFmt(x)).join(', '), `**${msFmt(i.median)}**${i.inViewAtLoad ? ' (map in view at load, so from the start of navigation)' : ''}`, msFmt(i.selectMedian), msFmt(i.domContentLoaded), msFmt(i.firstContentfulPaint)]);
  }
  L.push('');

  L.push('## Argdown comparison', '');
  L.push(
    `${meta.argdown} The same debates written as Argdown (\`[id]: text\` statements; \`+ [x]\` for a support and \`- [x]\` for an attack under the claim they point at; an undercut support a → b as a one-step argument \`<a-to-b>\` with premise [a] and conclusion [b], undercut with \`_ [u]\`; a position as supporting the question, since Argdown has no "answers"), timed as the wall time of \`argdown map -f svg <file> <dir>\` (Graphviz dot compiled to WebAssembly does the layout). Argdown's time includes its start-up` +
      (meta.argdownStartup?.status === 'ok' ? ` (${sec(meta.argdownStartup.wallMs)} for a one-statement file)` : '') +
      '; ours is compile + layout from the first table, without Node start-up.',
    '',
  );
  head(['Claims', 'Ours: compile + layout', 'Argdown: `map -f svg`', '**Ratio ours / Argdown**', 'Nodes in Argdown\'s SVG', 'Load average (Argdown step)']);
  for (const r of results) {
    const c = r.compile.run;
    const ours = c.status === 'ok' && c.timings ? compileTotal(c.timings) + c.timings.layout : undefined;
    const a = r.argdown?.run;
    const theirs = a?.status === 'ok' ? a.wallMs : undefined;
    const oursCell = ours !== undefined ? sec(ours) : c.status === 'timeout' ? `did not finish in ${limit}` : 'failed';
    const theirsCell = !a ? (r.argdown?.skipped ?? 'not run') : a.status === 'ok' ? sec(a.wallMs) : a.status === 'timeout' ? `did not finish in ${limit}` : `failed: ${a.message.slice(0, 80)}`;
    let ratio = '–';
    if (ours !== undefined && theirs !== undefined) ratio = `**${(ours / theirs).toFixed(2)}**`;
    else if (ours === undefined && c.status === 'timeout' && theirs !== undefined) ratio = `**> ${(TIMEOUT_MS / theirs).toFixed(2)}**`;
    else if (ours !== undefined && a?.status === 'timeout') ratio = `**< ${(ours / TIMEOUT_MS).toFixed(2)}**`;
    else if (c.status === 'timeout' && a?.status === 'timeout') ratio = 'unknown: neither finished';
    row([r.size.toLocaleString('en'), oursCell, theirsCell, ratio, a?.svgNodes ?? '–', loadFmt(r.argdown?.load)]);
  }
  L.push('');

  if (meta.layouts) {
    L.push('## Layout candidates on the site\'s own maps', '');
    L.push(`Every page map and the whole map of the real content, laid out by each candidate of decision 0008 and measured on the lines as drawn (\`scripts/bench/layouts.ts\`); layout time is CPU time, ${RUNS === 1 ? 'one run' : `the median of ${RUNS} runs`}.`, '');
    L.push(meta.layouts, '');
  }

  // What was slow, from this run's numbers.
  L.push('## Where the time goes', '');
  for (const r of results) {
    const c = r.compile.run;
    const parts: string[] = [];
    if (c.status === 'ok' && c.timings) {
      const total = compileTotal(c.timings) + c.timings.layout;
      parts.push(`the layout is ${Math.round((c.timings.layout / total) * 100)} % of compile + layout (${sec(c.timings.layout)})`);
    } else if (c.status === 'timeout') parts.push(`compile + layout did not finish in ${limit}`);
    const b = r.build?.run;
    if (b) {
      const ph = b.phases;
      const items: [string, number | undefined][] = [
        ['start-up + graph compile + layout', ph.startupAndGraph],
        ['content sync + bundling', ph.bundle],
        ...Object.entries(ph.renderByKind).map(([k, v]): [string, number] => [`rendering ${k}`, v.ms]),
        ['Pagefind', ph.pagefind],
      ];
      const known = items.filter((x): x is [string, number] => x[1] !== undefined).sort((x, y) => y[1] - x[1]);
      const whole = b.wallMs;
      parts.push(`the build${b.status === 'timeout' ? ' (stopped)' : ''} spent ${known.slice(0, 3).map(([k, v]) => `${sec(v)} (${Math.round((v / whole) * 100)} %) ${k}`).join(', ')}`);
      const claims = ph.renderByKind['claim pages'];
      if (claims) parts.push(`one claim page takes ${msFmt(claims.ms / claims.pages)} to render (slowest ${claims.slowest?.path}: ${msFmt(claims.slowest?.ms ?? 0)})`);
    }
    L.push(`- **${r.size.toLocaleString('en')} claims**: ${parts.join('; ') || 'nothing measured'}.`);
  }
  L.push('', PROFILE_NOTES, '');

  // Budgets
  L.push('## Budgets', '');
  const by = (n: number) => results.find((r) => r.size === n);
  const verdict = (ok: boolean | undefined) => (ok === undefined ? '❔ **not measured**' : ok ? '✅ **holds**' : '❌ **fails**');
  const pageBudget = results.filter((r) => r.weight).map((r) => `${r.size.toLocaleString('en')} claims: ${kb(r.weight!.total.gzip)}`);
  const pageOk = results.some((r) => r.weight) ? results.filter((r) => r.weight).every((r) => r.weight!.total.gzip <= 60 * 1024) : undefined;
  const missingPages = results.filter((r) => !r.weight).map((r) => r.size.toLocaleString('en'));
  L.push(`- **A summary page is at most 60 KB gzip before the map is activated**: ${verdict(pageOk)} — ${pageBudget.join('; ') || 'no page measured'}${missingPages.length ? ` (not measured for ${missingPages.join(', ')} claims: no build)` : ''}.`);
  const per = results.filter((r) => r.mapDataPerClaim && r.weight);
  let mapOk: boolean | undefined;
  if (per.length >= 2) {
    const meds = per.map((r) => r.mapDataPerClaim!.perClaimGzip.median);
    mapOk = Math.max(...meds) / Math.min(...meds) <= 1.5;
  }
  L.push(
    `- **Map data grows with the page's claims, not with the debate**: ${verdict(mapOk)} — the typical page's map data is ${per.map((r) => `${kb(r.weight!.mapData.gzip)} for ${r.weight!.viewNodes} claims on its map (${r.size.toLocaleString('en')}-claim debate)`).join(', ')}; per claim on the map the median is ${per.map((r) => `${Math.round(r.mapDataPerClaim!.perClaimGzip.median)} B`).join(' / ')} gzip across debate sizes (criterion: medians within a factor 1.5)${per.length < results.length ? `; only debates with a finished build are counted (${results.filter((r) => !r.weight).map((r) => r.size.toLocaleString('en')).join(', ')} claims: none)` : ''}.`,
  );
  const k = by(1000);
  let argOk: boolean | undefined;
  let argText = 'the 1,000-claim debate was not measured';
  if (k) {
    const c = k.compile.run;
    const a = k.argdown?.run;
    const ours = c.status === 'ok' && c.timings ? compileTotal(c.timings) + c.timings.layout : undefined;
    if (ours !== undefined && a?.status === 'ok') {
      argOk = ours < a.wallMs / 3;
      argText = `ours ${sec(ours)}, Argdown ${sec(a.wallMs)}: ratio ${(ours / a.wallMs).toFixed(2)} (needs < 0.33)`;
    } else if (ours !== undefined && a?.status === 'timeout') {
      argOk = ours < TIMEOUT_MS / 3;
      argText = `ours ${sec(ours)}, Argdown did not finish in ${limit}`;
    } else if (c.status === 'timeout') {
      argOk = a?.status === 'ok' ? false : undefined;
      argText = `ours did not finish in ${limit}`;
    } else argText = `ours: ${ours !== undefined ? sec(ours) : c.status}; Argdown: ${a ? a.status : (k.argdown?.skipped ?? 'not run')}`;
  }
  L.push(`- **A 1,000-claim debate compiles and lays out in under a third of Argdown's SVG time**: ${verdict(argOk)} — ${argText}.`);
  const f = by(5000);
  let buildOk: boolean | undefined;
  let buildText = 'the 5,000-claim debate was not measured';
  if (f?.build) {
    if (f.build.skipped) {
      buildOk = f.compile.run.status === 'timeout' ? false : undefined;
      buildText = `the build ${f.build.skipped}`;
    } else if (f.build.run.status === 'ok') {
      buildOk = f.build.run.wallMs < 5 * 60_000;
      buildText = `${sec(f.build.run.wallMs)} wall time`;
    } else if (f.build.run.status === 'timeout') {
      buildOk = false;
      buildText = `stopped after ${limit} without finishing (last output: \`${f.build.run.lastLine.slice(0, 80)}\`)`;
    } else {
      buildOk = false;
      buildText = `the build failed (exit ${f.build.run.exitCode})`;
    }
  }
  L.push(`- **A 5,000-claim debate builds in under 5 minutes**: ${verdict(buildOk)} — ${buildText}.`, '');
  return L.join('\n');
}

/**
 * Causes found with CPU profiles (node --cpu-prof on the benchmark's compile and on an astro build of the
 * 1,000-claim debate) and dagre's own phase timings, while writing the benchmark. Not re-measured by each run.
 */
const PROFILE_NOTES = `Causes, from CPU profiles (\`node --cpu-prof\`) of \`astro build\` on the 1,000- and 5,000-claim debates and of
the compiler, taken while writing this benchmark (2026-11-28; not re-measured on every run), each fixed in the commit named:

- **Every claim page spawned \`git log\`** (fixed in bfda278). Starlight's \`StarlightPage\` gives each claim page a
  made-up \`filePath\` that does not exist, so \`src/routeData.ts\` ran one blocking \`git\` child process per claim page:
  39 % of the 1,000-claim build on a quiet machine, roughly 30 ms per claim page. Pages without a file now skip it.
- **Every claim map created its own headless Cytoscape** to lay out its neighbourhood (fixed in 364cbfe: one engine
  for the whole build).
- **Every map scanned the whole graph** (fixed in d64b0d0). Finding a claim's neighbours, its relations and the edges
  among a map's claims went through every node and edge, once per map: at 5,000 claims \`buildView\` and
  \`neighbourhood\` alone took 28 s of CPU. They now read a per-graph index built once. The same commit limits the
  relations each claim on a map carries to those among the map's claims (the rest are counted and listed on the
  claim's own page), which halved the median claim map's data at 5,000 claims (5.8 KB → 2.9 KB uncompressed).
- **The global layout was the bottleneck until commit f0b8d80.** With every relation shaping dagre's layers it took
  34 s at 1,000 claims and did not finish in 10 minutes at 5,000 (first run of this benchmark); dagre's own phase
  timings at 1,000 claims: ranking (network simplex) 45 %, ordering (crossing minimisation) 30 %, positioning 18 %.
  Attacks between distant parts of the debate span many layers, and dagre adds a dummy node for every layer crossed.
  Since f0b8d80 a map of more than 300 claims is shaped only by the supports and answers within each page, and the
  parts are packed into rows; the layout column of the first table is that code.
- **The whole-map page evaluates the whole framework** (labels and coherent sides: two builds of the framework). At
  5,000 claims the framework has about 915,000 attacks, because attacks are passed along chains of supports; building
  it took 26 s, mostly a scan of every attack once per undercut relation in \`src/graph/semantics.ts\`, now indexed by
  target (6 s, same output).
- What remains at 5,000 claims is spread out: laying out each claim's neighbourhood with dagre (about 5 ms a page),
  garbage collection, writing the HTML, Pagefind (about 15 s) and the export files.`;

const METHOD = `## Method

Each debate is generated by \`scripts/bench/generate.ts\` from a seeded PRNG (mulberry32), so every run measures the same
content: one question; √n/3 positions (at least 3, at most 12) that answer it and each attack another position; the
remaining claims are 50 % \`claim\`, 35 % \`evidence\`, 15 % \`assumption\`, and each supports exactly one earlier claim or
position (85 % a claim from the last two pages, 10 % a position, otherwise any earlier claim), so supports form trees and
cannot cycle. Attacks (25 % of all supports, attacks and undercuts) go 70 % to a claim within two pages of the attacker
and 30 % anywhere; undercuts (5 %) each name a random existing support. Evidence quotes are word spans cut from
synthetic source texts (one per 100 claims) written into the content root, so the quote check runs for real. Claims
are declared 20 to a page in MDX frontmatter, and each page body has three paragraphs citing claims with \`<Claim>\`.
The steps run one after another, never in parallel: compile + layout in a worker thread (after a warm-up compile), then
\`astro build\` in a child process, then the page weight read from the built files, then the browser timing, then
Argdown. A step that runs past the time limit is stopped and reported as not finishing; a build is not started when
the same compile + layout already ran past the limit in-process, since the build does that work first. The 1-minute
load average is sampled every 5 s so that a run on a busy machine can be recognised as such.
`;

// ---------------------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------------------

const startedAt = new Date();
log(`benchmark: sizes ${SIZES.join(', ')}; time limit ${TIMEOUT_MS / 60_000} min per step; report → ${path.relative(ROOT, OUT)}`);
let argdownBin: string | undefined;
let argdownNote = '';
let argdownSkip: string | undefined;
let argdownStartup: ArgdownRun | undefined;
if (values['no-argdown']) {
  argdownSkip = 'skipped (--no-argdown)';
  argdownNote = 'Argdown was not run in this run (--no-argdown); the whole-process comparison against it is the section “A cold start against Argdown” below (`scripts/bench/cold.ts`).';
} else {
  const install = await step(`install @argdown/cli@${ARGDOWN_VERSION} into a temporary folder`, async () => installArgdown());
  if (install.value.ok) {
    argdownBin = install.value.bin;
    argdownNote = `\`@argdown/cli@${ARGDOWN_VERSION}\` was installed into a temporary folder outside the project (npm, with an \`overrides\` entry pinning \`@argdown/markdown-it-plugin\` to 1.7.7). Its CLI prints a harmless \`TypeError: createArgdownPlugin is not a function\` at start-up (from its \`markdown\` command, which is not used) and exits 0 with the SVG written.`;
    const tiny = mkdtempSync(path.join(os.tmpdir(), 'argmap-bench-argdown-tiny-'));
    writeFileSync(path.join(tiny, 'tiny.argdown'), '[a]: One statement.\n  - [b]: Another.\n');
    argdownStartup = await runArgdown(argdownBin, path.join(tiny, 'tiny.argdown'), path.join(tiny, 'out'), 60_000);
    rmSync(tiny, { recursive: true, force: true });
    log(`argdown start-up (2 statements): ${(argdownStartup.wallMs / 1000).toFixed(1)} s`);
  } else {
    argdownSkip = 'could not be installed';
    argdownNote = `\`@argdown/cli@${ARGDOWN_VERSION}\` **could not be installed**: ${install.value.message}`;
    log(`argdown: ${install.value.message}`);
  }
}

const results: SizeResult[] = [];
for (const size of SIZES) results.push(await benchSize(size, argdownBin, argdownSkip));
const layouts = values['no-layouts'] ? undefined : await step('layout candidates on the site\'s own maps', () => benchLayouts({ root: ROOT, runs: RUNS }));
// The cold start against Argdown: whole processes on imported Argdown files (scripts/bench/cold.ts).
const cold = argdownBin && !values['no-cold']
  ? await step('a cold npm run graph against argdown map -f svg', () => runCold({ sizes: SIZES, runs: RUNS, timeoutMs: Math.min(TIMEOUT_MS, 5 * 60_000), argdownBin: argdownBin!, log }))
  : undefined;
const loop = values['no-dev-loop'] ? undefined : await step("the contributor's loop (dev server, real site)", () => devLoop({ root: ROOT }).catch((error: unknown) => ({ error: String(error) })));

clearInterval(loadTimer);
const timeNote = existsSync('/usr/bin/time')
  ? 'GNU `/usr/bin/time -v` around the build (peak memory is the maximum resident set size of the largest single process in the build, normally the main Astro process)'
  : '`process.resourceUsage()` in the main build process (GNU time was not installed; peak memory is that process\'s maximum resident set size)';
const doc = report(results, { started: startedAt, totalMs: performance.now() - benchStart, argdown: argdownNote, argdownStartup, timeNote, layouts: layouts && layoutTable(layouts.value) });
// Sections other scripts write (scripts/bench/import.ts) are carried over.
const written = carrySections(existsSync(OUT) ? readFileSync(OUT, 'utf8') : '', `${doc}\n${METHOD}\n`);
const withCold = cold ? replaceSection(written, 'cold', coldSection(cold.value, { runs: RUNS, timeoutMs: Math.min(TIMEOUT_MS, 5 * 60_000), when: new Date() })) : written;
writeFileSync(OUT, loop ? replaceSection(withCold, 'dev-loop', devLoopSection(loop.value, loop.load)) : withCold);
writeFileSync(path.join(os.tmpdir(), 'argmap-bench-results.json'), JSON.stringify(results, null, 2));
log(`wrote ${path.relative(ROOT, OUT)} (raw results: ${path.join(os.tmpdir(), 'argmap-bench-results.json')})`);
process.stdout.write(`${doc}\n`);
