/**
 * Time to an interactive map, in headless Chromium (Debian's, never a downloaded one) with the CPU slowed four
 * times (Chrome DevTools' throttling, as Lighthouse's mobile run does): open a summary page in a fresh browser
 * context (empty cache), let it finish loading, then scroll the map into view and time, in the page's own clock,
 * until the `<argument-map>` is interactive (the canvas drawn and `data-ready` set), and then from a click on a
 * claim to that claim being selected on the canvas.
 */
import { launchBrowser, serve } from '../../tests/e2e/support.ts';

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
            map.querySelector('[data-stage]')!.scrollIntoView({ block: 'start' });
            requestAnimationFrame(done);
          }),
      );
      ready.push(scrolled.ms);
      inViewAtLoad ||= scrolled.atLoad;
      // Click the first claim drawn wholly inside the viewport; time until the canvas has it selected.
      const target = await page.evaluate(() => {
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

// `node scripts/bench/browser.ts [dist] [page/] [runs]`: this measurement alone, on a build already made.
if (import.meta.main) {
  const [dist = 'dist', pagePath = 'the-companies/', runs = '3'] = process.argv.slice(2);
  const r = await timeToInteractiveMap(dist, pagePath, Number(runs));
  console.log(`CPU ×${CPU_SLOWDOWN}, ${pagePath}: ${r.inViewAtLoad ? 'navigation' : 'scroll'} → interactive ${r.runs.map(Math.round).join(', ')} ms (median ${Math.round(r.median)}); click → selected ${Math.round(r.selectMedian)} ms`);
}
