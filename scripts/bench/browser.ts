/**
 * Time to an interactive map, in headless Chromium (Debian's, never a downloaded one) with the CPU slowed four
 * times (Chrome DevTools' throttling, as Lighthouse's mobile run does): open a summary page in a fresh browser
 * context (empty cache), let it finish loading, then scroll the map into view and time, in the page's own clock,
 * until the `<argument-map>` is interactive (the canvas drawn and `data-ready` set), and then from a click on a
 * claim to that claim being selected on the canvas.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { launchBrowser, ROOT, serve } from '../../tests/e2e/support.ts';
import { replaceSection } from './sections.ts';

export const CPU_SLOWDOWN = 4;

export interface InteractiveResult {
  /** ms from scrolling the map into view to an interactive canvas, one per run (from navigation start when `inViewAtLoad`). */
  runs: number[];
  /** The map was in view (or within the loading margin) as the page opened, so nothing was scrolled. */
  inViewAtLoad: boolean;
  median: number;
  /** ms from a click on a drawn claim to the claim selected on the canvas (median). */
  selectMedian: number;
  /** ms from navigation start to DOMContentLoaded and to first contentful paint (medians). */
  domContentLoaded: number;
  firstContentfulPaint: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

interface MapElement extends HTMLElement {
  getNodeBox(id: string): { x: number; y: number; width: number; height: number } | undefined;
}

export async function timeToInteractiveMap(dist: string, pagePath: string, runs = 3, timeoutMs = 120_000): Promise<InteractiveResult> {
  const server = await serve(dist);
  const browser = await launchBrowser();
  const ready: number[] = [];
  const select: number[] = [];
  const dcl: number[] = [];
  const fcp: number[] = [];
  let inViewAtLoad = false;
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      page.setDefaultTimeout(timeoutMs);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
      // When the map is in view as the page opens, its canvas loads at once: record when it became interactive.
      await page.addInitScript(() => {
        new MutationObserver((_, observer) => {
          const map = document.querySelector('argument-map');
          if (!map?.hasAttribute('data-ready')) return;
          observer.disconnect();
          (window as unknown as { readyAt: number }).readyAt = performance.now();
        }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ready'] });
      });
      await page.goto(new URL(pagePath, server.url).href, { waitUntil: 'load', timeout: timeoutMs });
      await page.waitForLoadState('networkidle');
      // The page has settled with the map below the fold; now the reader scrolls down to it.
      const scrolled = await page.evaluate(
        () =>
          new Promise<{ ms: number; atLoad: boolean }>((resolve) => {
            const map = document.querySelector('argument-map')!;
            const readyAt = (window as unknown as { readyAt?: number }).readyAt;
            // Already interactive: the map was in view at load, so its time runs from the start of navigation.
            if (readyAt !== undefined) return resolve({ ms: readyAt, atLoad: true });
            const t0 = performance.now();
            const done = () => {
              const canvas = map.querySelector<HTMLCanvasElement>('[data-canvas] canvas');
              if (map.hasAttribute('data-ready') && canvas?.checkVisibility()) resolve({ ms: performance.now() - t0, atLoad: false });
              else requestAnimationFrame(done);
            };
            // The drawing's top just below the site's header (64 px), as a reader scrolling down would see it.
            scrollTo(0, map.querySelector('[data-stage]')!.getBoundingClientRect().top + scrollY - 80);
            requestAnimationFrame(done);
          }),
      );
      ready.push(scrolled.ms);
      inViewAtLoad ||= scrolled.atLoad;
      // Click the first claim drawn wholly inside the viewport (the drawing's top brought just below the header, as
      // when the map was scrolled to); time until the canvas has it selected.
      const target = await page.evaluate(async () => {
        scrollTo(0, document.querySelector('argument-map [data-stage]')!.getBoundingClientRect().top + scrollY - 80);
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        const map = document.querySelector('argument-map') as MapElement;
        const data = JSON.parse(map.querySelector('[data-map-json]')!.textContent!) as { view: { nodes: { id: string }[] } };
        for (const n of data.view.nodes) {
          const b = map.getNodeBox(n.id);
          if (!b || b.y < 60 || b.y + b.height > innerHeight || b.x < 0 || b.x + b.width > innerWidth) continue;
          if (document.elementFromPoint(b.x + b.width / 2, b.y + b.height / 2)?.closest('[data-canvas]')) return { id: n.id, x: b.x + b.width / 2, y: b.y + b.height / 2 };
        }
        return undefined;
      });
      if (!target) throw new Error(`no claim drawn inside the viewport on ${pagePath}`);
      // The watcher is in place (awaited) before the click; it resolves when the map reports the claim selected.
      await page.evaluate((id) => {
        const map = document.querySelector('argument-map')!;
        (window as unknown as { selectTime: Promise<number> }).selectTime = new Promise<number>((resolve) => {
          let down = 0;
          addEventListener('pointerdown', () => (down ||= performance.now()), { capture: true });
          new MutationObserver((_, observer) => {
            if (!down || map.getAttribute('data-selected') !== id) return;
            observer.disconnect();
            resolve(performance.now() - down);
          }).observe(map, { attributes: true, attributeFilter: ['data-selected'] });
        });
      }, target.id);
      await page.mouse.click(target.x, target.y);
      select.push(await page.evaluate(() => (window as unknown as { selectTime: Promise<number> }).selectTime));
      const marks = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        const paint = performance.getEntriesByName('first-contentful-paint')[0];
        return { dcl: nav?.domContentLoadedEventEnd ?? 0, fcp: paint?.startTime ?? 0 };
      });
      dcl.push(marks.dcl);
      fcp.push(marks.fcp);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return { runs: ready, median: median(ready), inViewAtLoad, selectMedian: median(select), domContentLoaded: median(dcl), firstContentfulPaint: median(fcp) };
}

/** The lazily loaded canvas chunk (the module with Cytoscape) against Cytoscape's own minified build, gzip -9. */
export function canvasChunk(dist: string): { file: string; gzip: number; cytoscape: number } {
  const dir = path.join(dist, '_astro');
  const file = readdirSync(dir).find((f) => /^map-canvas\..*\.js$/.test(f));
  if (!file) throw new Error(`no map-canvas chunk in ${dir}: build the site first`);
  const gz = (p: string) => gzipSync(readFileSync(p), { level: 9 }).length;
  return { file, gzip: gz(path.join(dir, file)), cytoscape: gz(path.join(ROOT, 'node_modules/cytoscape/dist/cytoscape.esm.min.mjs')) };
}

/** The size before the canvas chunk was slimmed (it pulled in Zod and the schema): issue #17, commit c9bca9b's parent. */
const CHUNK_BEFORE = 165_000;

/** The report section for the real site: the canvas chunk's size, and each page's timings. */
export function canvasSection(chunk: ReturnType<typeof canvasChunk>, pages: [string, InteractiveResult][], when: Date): string {
  const kb = (n: number) => `${(n / 1000).toFixed(1)} KB`;
  const ms = (n: number) => `${Math.round(n).toLocaleString('en')} ms`;
  const L = [
    '## The interactive map on the real site',
    '',
    `Measured on ${when.toISOString().slice(0, 16).replace('T', ' ')} UTC by \`node scripts/bench/browser.ts --write docs/benchmarks.md\` on the built site (\`npm run build\` first).`,
    '',
    `**The canvas chunk** (\`${chunk.file.replace(/\.[\w-]+\.js$/, '.js')}\`, loaded only when a map is used), gzip -9: **${kb(chunk.gzip)}**, against ${kb(chunk.cytoscape)} for Cytoscape's own minified build (${chunk.gzip - chunk.cytoscape >= 0 ? '+' : ''}${kb(chunk.gzip - chunk.cytoscape)}; goal: at most +10 KB). Before, it was about ${kb(CHUNK_BEFORE)}: it pulled in Zod and the content schema through the map's data types.`,
    '',
    `**Time to an interactive map**, headless Chromium at 1280 × 800 with the CPU slowed ×${CPU_SLOWDOWN} (as Lighthouse's mobile run), a fresh browser context per run: the page loads and settles, then the map is scrolled into view; the time runs, in the page's own clock, to the canvas drawn and interactive, then from a click on a drawn claim to that claim selected. Goal: interactive within 1 s of scrolling into view.`,
    '',
    '| Page | Runs | **Median** | Click → selected (median) |',
    '| --- | --- | --- | --- |',
    ...pages.map(([page, r]) => `| /${page} | ${r.runs.map(ms).join(', ')} | **${ms(r.median)}**${r.inViewAtLoad ? ' (the map is in view as the page opens: from the start of navigation)' : ''} | ${ms(r.selectMedian)} |`),
  ];
  return L.join('\n');
}

// `node scripts/bench/browser.ts [--dist dist] [--pages rowley-speech/,map/] [--runs 3] [--write docs/benchmarks.md]`:
// these measurements alone, on a build already made.
if (import.meta.main) {
  const { values } = parseArgs({ options: { dist: { type: 'string', default: 'dist' }, pages: { type: 'string', default: 'rowley-speech/,map/' }, runs: { type: 'string', default: '3' }, write: { type: 'string' } } });
  const dist = path.resolve(values.dist!);
  const chunk = canvasChunk(dist);
  console.log(`canvas chunk ${chunk.file}: ${chunk.gzip} B gzip (Cytoscape ${chunk.cytoscape} B)`);
  const pages: [string, InteractiveResult][] = [];
  for (const page of values.pages!.split(',')) {
    const r = await timeToInteractiveMap(dist, page, Number(values.runs));
    pages.push([page, r]);
    console.log(`CPU ×${CPU_SLOWDOWN}, ${page}: ${r.inViewAtLoad ? 'navigation' : 'scroll'} → interactive ${r.runs.map(Math.round).join(', ')} ms (median ${Math.round(r.median)}); click → selected ${Math.round(r.selectMedian)} ms`);
  }
  if (values.write) {
    const out = path.resolve(values.write);
    writeFileSync(out, replaceSection(readFileSync(out, 'utf8'), 'canvas', canvasSection(chunk, pages, new Date())));
    console.log(`wrote the canvas section of ${values.write}`);
  }
}
