/**
 * The contributor's loop: with `astro dev` running and a page open in Chromium, save an edit to one claim's
 * text and time until the new text is on the page (in the page's outline, which is drawn from the same map view
 * as the SVG). The edits go to a copy of the content folder, never to `content/` itself. Each edit puts a new
 * token at the start of the claim's `text:`; the time runs from just before the file is written to the first
 * animation frame where the open page (reloaded by the dev server) shows the token. One warm-up edit is not
 * counted.
 *
 * `npm run bench` runs it on the real site and writes its section of docs/benchmarks.md. Run alone:
 * `node scripts/bench/dev-loop.ts [--page rowley-speech] [--claim patchy-data] [--edits 15] [--write docs/benchmarks.md]`
 * (--write replaces that section of the file, leaving the rest as it is).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { copyContent, removeContent, startDevServer, waitInPage } from '../../tests/e2e/dev.ts';
import { launchBrowser } from '../../tests/e2e/support.ts';
import { replaceSection } from './sections.ts';

export interface DevLoopResult {
  page: string;
  claim: string;
  /** ms from saving the file to the new text on the page, one per counted edit. */
  edits: number[];
  median: number;
  /** CPU time (ms) the dev server spent from saving the file to the new text on the page, one per counted edit: less
   * sensitive than wall time to other work on the machine. */
  serverCpu: number[];
  serverCpuMedian: number;
  /** ms from spawning `astro dev` to its "ready" line, and to the first page load after it. */
  startup: number;
  firstPage: number;
}

/** CPU time (user + system) a Linux process has used so far, in ms. */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime, fields 14 and 15 of /proc/PID/stat, in clock ticks (100 per second on Linux).
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export async function devLoop(options: { root: string; page?: string; claim?: string; edits?: number; timeoutMs?: number }): Promise<DevLoopResult> {
  const pageSlug = options.page ?? 'rowley-speech';
  const claim = options.claim ?? 'patchy-data';
  const count = options.edits ?? 15;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const content = copyContent(path.join(options.root, 'content'), 'bench-dev-loop-');
  const file = path.join(content, 'docs', `${pageSlug}.mdx`);
  const original = readFileSync(file, 'utf8');
  // The claim's `text:` line: the first one after its `- id:` line.
  const idLine = original.indexOf(`- id: ${claim}\n`);
  const textAt = original.indexOf('    text: ', idLine);
  if (idLine < 0 || textAt < 0) throw new Error(`no claim \`${claim}\` with a text: line in ${pageSlug}.mdx`);
  const textStart = textAt + '    text: '.length;

  const started = performance.now();
  const server = await startDevServer({ contentRoot: content });
  const startup = performance.now() - started;
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const firstStart = performance.now();
    await page.goto(new URL(`${pageSlug}/`, server.url).href, { waitUntil: 'load', timeout: timeoutMs });
    await page.waitForSelector('[data-outline]', { timeout: timeoutMs });
    const firstPage = performance.now() - firstStart;
    const times: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i <= count; i++) {
      const token = `Edit${i}x${Date.now().toString(36)}`;
      const edited = `${original.slice(0, textStart)}${token} ${original.slice(textStart)}`;
      const cpuBefore = cpuMs(server.pid);
      const saved = Date.now();
      writeFileSync(file, edited);
      const shown = (await waitInPage(page, (t) => (document.querySelector('[data-outline]')?.textContent?.includes(t) ? Date.now() : false), token, timeoutMs)) as number;
      const cpuUsed = cpuMs(server.pid) - cpuBefore;
      if (i > 0) {
        times.push(shown - saved);
        cpu.push(cpuUsed);
      }
      // Let the reload finish before the next edit.
      await page.waitForLoadState('load', { timeout: timeoutMs });
      const nav = await page.evaluate(() => { const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming; return { origin: performance.timeOrigin, req: n.requestStart, resp: n.responseStart, end: n.responseEnd, dcl: n.domContentLoadedEventEnd }; });
      process.stderr.write(`dev loop: edit ${i}${i === 0 ? ' (warm-up)' : ''}: ${shown - saved} ms, server CPU ${cpuUsed} ms  [reload starts +${Math.round(nav.origin - saved)}, request +${Math.round(nav.origin + nav.req - saved)}, first byte +${Math.round(nav.origin + nav.resp - saved)}, last byte +${Math.round(nav.origin + nav.end - saved)}, dcl +${Math.round(nav.origin + nav.dcl - saved)}] saved@${saved}\n`);
    }
    return { page: pageSlug, claim, edits: times, median: median(times), serverCpu: cpu, serverCpuMedian: median(cpu), startup, firstPage };
  } finally {
    await browser.close();
    if (process.env.DEVLOOP_DUMP) writeFileSync(process.env.DEVLOOP_DUMP, server.output());
    await server.close();
    removeContent(content);
  }
}

/**
 * The same script with the dev server as it was before this loop was worked on: the integration and content config
 * of commit c9bca9b on today's code (the whole site recompiled and laid out when a page is requested after a save,
 * the graph inlined as a JS object literal, every module importing it run again). 51 edits in 5 runs on 2026-12-01,
 * each run next to a run of the current code (`PAIRED`), on a machine busy with other work.
 */
export const BEFORE = { commit: 'c9bca9b', date: '2026-12-01', edits: 51, runs: 5, median: 1795, serverCpuMedian: 750, load: 8.5 };
export const PAIRED = { edits: 51, runs: 5, median: 1407, serverCpuMedian: 460, load: 8.8 };

const HEADING = "## The contributor's loop (dev server)";

/** Where the time of one edit goes, from timestamps traced in the dev server (2026-12-01; not re-measured by each run). */
const WHERE = `Where the time goes, traced in the dev server on the same machine (load average 6 to 9; not re-measured on
every run): the watcher reports a save once the file has not changed for 40 ms (so nothing reads a half-written
file; this adds about 40 ms), and the graph is recompiled 10–50 ms after that (only the edited file is parsed
again; validating and compiling the whole site takes about 5 ms) and handed to the running graph module, which refills the object the
pages hold, so no module runs again for it. Astro reloads the page 50–200 ms after the save and the browser's request
arrives 60–250 ms later; rendering it takes 400–700 ms of wall time on the busy machine for about 100 ms of CPU (the
page's own map is laid out in about 20 ms); parsing and painting the 350 KB development page takes the browser most
of the rest. Astro reloads the page a second time once its content store is written (after a 500 ms debounce); when
the first reload has not been committed by then, it is thrown away and the page rendered again, which is most of the
spread between edits. Before, each page request after a save also compiled and laid out the whole site (about 150 ms),
turned the graph into a 110 KB JavaScript object literal for Vite to parse, and ran again every module that imports
it. Both "before" and "now" include one more fix: every render used to run \`git log\` for the page's date (30–50 ms,
blocking), because the route middleware's cache did not survive the modules Astro runs again after a save.`;

/** The section of docs/benchmarks.md: the figure now, the figure before, and how it is measured. */
export function devLoopSection(result: DevLoopResult | { error: string }, load?: { mean: number; max: number }): string {
  const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const L = [HEADING, ''];
  L.push(
    '`scripts/bench/dev-loop.ts`: `astro dev` on a copy of the real site, the page open in Chromium, one claim\'s `text:` edited',
    'and saved; the time runs from the save to the first frame that shows the new text in the page\'s outline (the map and',
    'the outline are drawn from the same view). One warm-up edit, then the median of the rest. Server CPU is the CPU time',
    'the dev server used over the same span: other work on the machine stretches wall time far more than it.',
    `Measured on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC (this section can be refreshed alone with`,
    '`node scripts/bench/dev-loop.ts --write docs/benchmarks.md`).',
    '',
  );
  if ('error' in result) {
    L.push(`Not measured: ${result.error}`);
    return L.join('\n');
  }
  L.push('| | Save → new text on the page (median) | Server CPU per edit (median) | Load average |', '| --- | --- | --- | --- |');
  L.push(`| Before: the dev server of ${BEFORE.commit} (${BEFORE.edits} edits in ${BEFORE.runs} runs, ${BEFORE.date}) | ${sec(BEFORE.median)} | ${BEFORE.serverCpuMedian} ms | ${BEFORE.load.toFixed(1)} |`);
  L.push(`| Now, in runs alternating with those (${PAIRED.edits} edits in ${PAIRED.runs} runs) | ${sec(PAIRED.median)} | ${PAIRED.serverCpuMedian} ms | ${PAIRED.load.toFixed(1)} |`);
  L.push(`| Now, this run | **${sec(result.median)}** | ${result.serverCpuMedian} ms | ${load ? `${load.mean.toFixed(1)} (max ${load.max.toFixed(1)})` : '–'} |`, '');
  L.push(
    `Page \`${result.page}/\`, claim \`${result.claim}\`; ${result.edits.length} edits: ${result.edits.map((ms) => `${ms} ms`).join(', ')}`,
    `(server CPU ${result.serverCpu.map((ms) => `${ms}`).join(', ')} ms). The dev server started in ${sec(result.startup)} and served the page`,
    `the first time in ${sec(result.firstPage)}.`,
    '',
    WHERE,
  );
  return L.join('\n');
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { page: { type: 'string' }, claim: { type: 'string' }, edits: { type: 'string' }, write: { type: 'string' } } });
  const root = path.resolve(import.meta.dirname, '../..');
  const load = () => Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
  const loads = [load()];
  const result = await devLoop({ root, page: values.page, claim: values.claim, edits: values.edits ? Number(values.edits) : undefined });
  loads.push(load());
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  if (values.write) {
    const file = path.resolve(root, values.write);
    const section = devLoopSection(result, { mean: loads.reduce((a, b) => a + b, 0) / loads.length, max: Math.max(...loads) });
    writeFileSync(file, replaceSection(existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n', 'dev-loop', section));
    process.stderr.write(`wrote the dev-loop section of ${path.relative(root, file)}\n`);
  }
}
