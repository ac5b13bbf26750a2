/**
 * Time from navigation to an interactive map, in headless Chromium (Debian's, never a downloaded one): open a
 * summary page in a fresh browser context (empty cache), scroll the map into view, and wait until the
 * `<argument-map>` shows a visible Cytoscape canvas. Times are the page's own `performance.now()`, whose origin is
 * the start of the navigation, read at the first animation frame where the canvas is visible.
 */
import { launchBrowser, serve } from '../../tests/e2e/support.ts';

export interface InteractiveResult {
  /** ms from navigation start to a visible map canvas, one per run. */
  runs: number[];
  median: number;
  /** ms from navigation start to DOMContentLoaded and to first contentful paint (medians). */
  domContentLoaded: number;
  firstContentfulPaint: number;
  /** Bytes the browser received for the page until the canvas was visible (median, uncompressed: the local server does not gzip). */
  bytesReceived: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export async function timeToInteractiveMap(dist: string, pagePath: string, runs = 3, timeoutMs = 120_000): Promise<InteractiveResult> {
  const server = await serve(dist);
  const browser = await launchBrowser();
  const times: number[] = [];
  const dcl: number[] = [];
  const fcp: number[] = [];
  const bytes: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      let received = 0;
      page.on('response', (response) => {
        void response.body().then((b) => (received += b.length)).catch(() => undefined);
      });
      await page.goto(new URL(pagePath, server.url).href, { waitUntil: 'domcontentloaded', timeout: timeoutMs });
      await page.locator('argument-map').scrollIntoViewIfNeeded({ timeout: timeoutMs });
      const handle = await page.waitForFunction(
        () => {
          const canvas = document.querySelector<HTMLCanvasElement>('argument-map [data-canvas] canvas');
          if (!canvas) return false;
          const box = canvas.getBoundingClientRect();
          const style = getComputedStyle(canvas);
          const host = canvas.closest<HTMLElement>('[data-canvas]');
          const visible = box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none' && !host?.hidden;
          return visible ? performance.now() : false;
        },
        undefined,
        { polling: 'raf', timeout: timeoutMs },
      );
      times.push((await handle.jsonValue()) as number);
      const marks = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        const paint = performance.getEntriesByName('first-contentful-paint')[0];
        return { dcl: nav?.domContentLoadedEventEnd ?? 0, fcp: paint?.startTime ?? 0 };
      });
      dcl.push(marks.dcl);
      fcp.push(marks.fcp);
      await page.waitForTimeout(200);
      bytes.push(received);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return { runs: times, median: median(times), domContentLoaded: median(dcl), firstContentfulPaint: median(fcp), bytesReceived: median(bytes) };
}
