/**
 * Screenshots for people to look at (test-results/screenshots/, gitignored): a summary page and the
 * whole map, light and dark, desktop and phone width, with the interactive map scrolled into view and
 * loaded (on the phone: first as it opens, outline first, then with the drawing opened and with a claim's
 * pinned panel), plus one with a claim selected and "Test your view" on. Asserts only that each was saved.
 */
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIST, ROOT, useBrowserAndSite } from './support.ts';
import { attacksOnLivePositions, fullMapPage, richestSummaryPage, waitForCanvas, type MapPage } from './map-page.ts';

const OUT = path.join(ROOT, 'test-results', 'screenshots');
const SIZES = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 360, height: 780 },
] as const;

const web = useBrowserAndSite();

beforeAll(() => {
  mkdirSync(OUT, { recursive: true });
});

function saved(file: string) {
  expect(statSync(file).size).toBeGreaterThan(5_000);
}

describe('screenshots', () => {
  const pages: [string, () => MapPage][] = [
    ['summary', () => richestSummaryPage(DIST)],
    ['map', () => fullMapPage(DIST)],
  ];
  for (const theme of ['light', 'dark'] as const) {
    it(`${theme} theme`, async () => {
      for (const size of SIZES) {
        const context = await web.browser.newContext({ viewport: { width: size.width, height: size.height } });
        await context.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
        const page = await context.newPage();
        // Start the view at the map's heading, as a reader scrolling down would see it.
        const toMapHeading = () =>
          page.evaluate(() => {
            const top = document.querySelector('.map-section')!.getBoundingClientRect().top + scrollY;
            const header = document.querySelector('header')?.getBoundingClientRect().height ?? 0;
            scrollTo(0, top - header - 8);
          });
        const shoot = async (file: string) => {
          await page.waitForTimeout(300);
          await page.screenshot({ path: path.join(OUT, file) });
          saved(path.join(OUT, file));
        };
        for (const [name, pick] of pages) {
          const map = pick();
          await page.goto(web.site.url + map.path);
          if (size.name === 'phone') {
            // The phone leads with the outline; then the same map with the drawing opened, and a claim's pinned panel.
            await page.locator('[data-action="toggle-drawing"]').first().waitFor();
            await toMapHeading();
            await shoot(`${name}-${theme}-${size.width}.png`);
            await page.getByRole('button', { name: 'Show the drawing' }).click();
            await waitForCanvas(page);
            await toMapHeading();
            await shoot(`${name}-drawing-${theme}-${size.width}.png`);
            await page.getByRole('button', { name: 'Hide the drawing' }).click();
            await page.locator('[data-outline] [role="treeitem"]').nth(2).locator(':scope > .outline-row .outline-kind').click();
            await page.locator('[data-panel]').waitFor();
            await shoot(`${name}-panel-${theme}-${size.width}.png`);
          } else {
            await waitForCanvas(page);
            await toMapHeading();
            await shoot(`${name}-${theme}-${size.width}.png`);
          }
        }
        await context.close();
      }
    });
  }

  it('a selected claim with "Test your view" on (light and dark, desktop)', async () => {
    const map = richestSummaryPage(DIST);
    const [pair] = attacksOnLivePositions(map.data);
    for (const theme of ['light', 'dark'] as const) {
      const context = await web.browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
      const page = await context.newPage();
      const id = pair?.attacker ?? map.data.view.nodes[0].id;
      await page.goto(`${web.site.url}${map.path}#claim=${encodeURIComponent(id)}${pair ? `&accept=${encodeURIComponent(pair.attacker)}` : ''}`);
      await waitForCanvas(page);
      if (!pair) await page.getByRole('button', { name: 'Test your view' }).click();
      await page.locator('[data-panel] .panel-choice').waitFor();
      await page.locator('.map-controls').evaluate((el) => {
        const header = document.querySelector('header')?.getBoundingClientRect().height ?? 0;
        scrollTo(0, el.getBoundingClientRect().top + scrollY - header - 8);
      });
      await page.waitForTimeout(300);
      const file = path.join(OUT, `evaluate-${theme}-1280.png`);
      await page.screenshot({ path: file, fullPage: false });
      saved(file);
      // The panel and outline below the map, too.
      const panelFile = path.join(OUT, `evaluate-panel-${theme}-1280.png`);
      await page.locator('[data-panel]').screenshot({ path: panelFile });
      saved(panelFile);
      await context.close();
    }
  });
});
