/**
 * `npm run screenshots`: pictures of every page with a map, for people to look at (in test-results/screenshots/,
 * not committed): at 1280 × 800 and 360 × 780, light and dark, the top of the page and the map with its canvas
 * loaded. Reads the built site in dist/ (run `npm run build` first). Browser tests assert behaviour; this only looks.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser, serve, DIST, ROOT } from '../tests/e2e/support.ts';
import { fullMapPage, summaryPages } from '../tests/e2e/map-page.ts';

const OUT = path.join(ROOT, 'test-results', 'screenshots');
mkdirSync(OUT, { recursive: true });
const site = await serve(DIST);
const browser = await launchBrowser();
const pages = [...summaryPages(DIST), fullMapPage(DIST)];
for (const [size, viewport] of [['desktop', { width: 1280, height: 800 }], ['phone', { width: 360, height: 780 }]] as const) {
  for (const theme of ['light', 'dark'] as const) {
    const context = await browser.newContext({ viewport, colorScheme: theme });
    const page = await context.newPage();
    for (const map of pages) {
      const name = (map.path.replace(/\/$/, '') || 'home').replace(/\//g, '-');
      await page.goto(site.url + map.path);
      await page.screenshot({ path: path.join(OUT, `${name}-${size}-${theme}-top.png`) });
      await page.locator('.map-section').first().scrollIntoViewIfNeeded();
      // On a phone the drawing opens on request (and stays open once opened, for the next page).
      const show = page.getByRole('button', { name: 'Show the drawing' });
      if (size === 'phone' && (await show.isVisible())) await show.click();
      await page.waitForSelector('argument-map[data-ready]', { state: 'attached', timeout: 30_000 }).catch(() => console.error(`${map.path} (${size}, ${theme}): the canvas did not load`));
      await page.evaluate(() => document.querySelector('.map-section')!.scrollIntoView());
      await page.screenshot({ path: path.join(OUT, `${name}-${size}-${theme}-map.png`) });
    }
    await context.close();
  }
}
await browser.close();
await site.close();
console.log(`Screenshots of ${pages.length} pages in ${path.relative(process.cwd(), OUT)}/`);
