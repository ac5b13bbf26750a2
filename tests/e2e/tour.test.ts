/**
 * The guided tour in the built site (dist/): started from the home page with the keyboard, each step's claims
 * marked on its page's map (drawing, canvas and outline) with focus and a live announcement, the step kept
 * across a reload and offered again on the home page, the end of the tour, the plain list without JavaScript,
 * and axe on the tour in both themes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { axe, canvasState, until, waitForCanvas } from './map-page.ts';
import { ROOT, useBrowserAndSite } from './support.ts';

const web = useBrowserAndSite();
const TOUR = parse(readFileSync(path.join(ROOT, 'content/tour.yaml'), 'utf8')) as { title: string; page: string; claims: string[] }[];

async function context(theme: 'light' | 'dark' = 'light', viewport = { width: 1280, height: 900 }): Promise<BrowserContext> {
  const c = await web.browser.newContext({ viewport });
  await c.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
  return c;
}

const focused = (page: Page) => page.evaluate(() => ({ text: document.activeElement?.textContent?.trim() ?? '', tour: (document.activeElement as HTMLElement | null)?.dataset.tourGo }));
const live = (page: Page) => page.locator('[data-tour-live]').textContent();

/** Press Tab until `matches` holds for the focused element (at most `max` presses). */
async function tabTo(page: Page, selector: string, { back = false, max = 80 } = {}) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** The claims marked on the page's map: outline items (full, not references) and, once loaded, the canvas. */
async function marked(page: Page) {
  const outline = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('[role="treeitem"].is-highlighted:not(.is-ref)')].map((e) => e.dataset.id!).sort());
  const drawing = await page.evaluate(() => [...document.querySelectorAll<SVGGElement>('[data-static] g.is-highlighted[data-id]:not([data-claim])')].map((e) => e.dataset.id!).sort());
  return { outline, drawing };
}

describe('the guided tour', () => {
  it('starts from the home page with the keyboard, marks each step’s claims on the map, and moves on with Enter', async () => {
    const c = await context();
    const page = await c.newPage();
    await page.goto(web.site.url);
    // Tab to "Start the tour" and press Enter.
    await tabTo(page, '[data-tour-begin]');
    await page.keyboard.press('Enter');
    await until(() => focused(page), (f) => f.text === `Step 1 of ${TOUR.length}: ${TOUR[0].title}`, 'focus on step 1’s heading');
    expect(new URL(page.url()).searchParams.get('tour')).toBe('1');
    await until(() => live(page), (t) => t?.startsWith(`Step 1 of ${TOUR.length}: ${TOUR[0].title}.`) ?? false, 'the announcement of step 1');
    // Step 1's claims are all on the home page's map, marked in the outline and on the drawing.
    expect(await marked(page)).toEqual({ outline: [...TOUR[0].claims].sort(), drawing: [...TOUR[0].claims].sort() });
    // The tour sits right above the map and both are in view.
    const box = await page.evaluate(() => {
      const tour = document.querySelector('tour-player')!.getBoundingClientRect();
      const stage = document.querySelector('[data-stage]')!.getBoundingClientRect();
      return { tourTop: tour.top, stageTop: stage.top, height: innerHeight };
    });
    expect(box.tourTop).toBeGreaterThanOrEqual(0);
    expect(box.stageTop).toBeLessThan(box.height);
    // Once the canvas loads it shows the same marks.
    await waitForCanvas(page);
    expect(((await canvasState(page)) as unknown as { highlighted: string[] }).highlighted.sort()).toEqual([...TOUR[0].claims].sort());

    // Next (step 2) is on the next page: Enter goes there, and focus lands on the step's heading.
    await tabTo(page, '[data-tour-go="next"]');
    await Promise.all([page.waitForURL(/\?tour=2/), page.keyboard.press('Enter')]);
    await until(() => focused(page), (f) => f.text === `Step 2 of ${TOUR.length}: ${TOUR[1].title}`, 'focus on step 2’s heading');
    expect(new URL(page.url()).pathname).toBe(`/${TOUR[1].page}/`);
    expect((await marked(page)).outline).toEqual([...TOUR[1].claims].sort());

    // Step 3 is on the same page: focus stays on Next, the announcement says where we are, the marks move.
    await tabTo(page, '[data-tour-go="next"]');
    await page.keyboard.press('Enter');
    await until(() => live(page), (t) => t?.startsWith(`Step 3 of ${TOUR.length}: ${TOUR[2].title}.`) ?? false, 'the announcement of step 3');
    expect(await focused(page)).toMatchObject({ tour: 'next' });
    expect(new URL(page.url()).searchParams.get('tour')).toBe('3');
    await until(() => marked(page), (m) => m.outline.join() === [...TOUR[2].claims].sort().join(), 'step 3’s marks');
    await waitForCanvas(page);
    await until(
      async () => ((await canvasState(page)) as unknown as { highlighted: string[] }).highlighted.sort().join(),
      (ids) => ids === [...TOUR[2].claims].sort().join(),
      'step 3’s marks on the canvas',
    );

    // Previous goes back to step 2, focus stays on Previous.
    await tabTo(page, '[data-tour-go="prev"]', { back: true });
    await page.keyboard.press('Enter');
    await until(() => live(page), (t) => t?.startsWith(`Step 2 of ${TOUR.length}`) ?? false, 'the announcement of step 2');
    expect(await focused(page)).toMatchObject({ tour: 'prev' });
    // A claim of the step, chosen in the tour, opens on the map.
    await page.locator(`button[data-tour-claim="${TOUR[1].claims[0]}"]`).click();
    await until(() => page.evaluate(() => (document.querySelector('argument-map') as HTMLElement).dataset.selected), (id) => id === TOUR[1].claims[0], 'the claim selected');
    await c.close();
  });

  it('keeps its step across a reload, and the home page offers to continue there', async () => {
    const c = await context();
    const page = await c.newPage();
    await page.goto(`${web.site.url}${TOUR[2].page}/?tour=3`);
    await until(() => focused(page), (f) => f.text.startsWith('Step 3 of'), 'step 3 shown');
    await page.reload();
    await until(() => marked(page), (m) => m.outline.join() === [...TOUR[2].claims].sort().join(), 'step 3’s marks after the reload');
    await expect(page.locator('[data-tour-heading]').textContent()).resolves.toBe(`Step 3 of ${TOUR.length}: ${TOUR[2].title}`);
    await page.goto(web.site.url);
    const resume = page.locator('[data-tour-continue]');
    await expect(resume.isVisible()).resolves.toBe(true);
    await expect(resume.textContent()).resolves.toBe(`Continue the tour at step 3 of ${TOUR.length}: ${TOUR[2].title}`);
    await Promise.all([page.waitForURL(/\?tour=3/), resume.click()]);
    await until(() => marked(page), (m) => m.outline.join() === [...TOUR[2].claims].sort().join(), 'step 3 again');
    await c.close();
  });

  it('ends after the last step: the marks go, the address and the device forget the step', async () => {
    const c = await context();
    const page = await c.newPage();
    const last = TOUR.length;
    await page.goto(`${web.site.url}${TOUR[last - 1].page}/?tour=${last}`);
    const next = page.locator('[data-tour-go="next"]');
    await expect(next.textContent()).resolves.toBe('Finish the tour');
    await next.click();
    await until(() => focused(page), (f) => f.text === 'End of the tour', 'focus on the end');
    expect((await marked(page)).outline).toEqual([]);
    expect(new URL(page.url()).search).toBe('');
    expect(await page.evaluate(() => localStorage.getItem('argument-map:tour'))).toBeNull();
    await page.locator('[data-tour-go="close"]').click();
    await expect(page.locator('tour-player').isVisible()).resolves.toBe(false);
    await c.close();
  });

  it('is a plain ordered list of the same steps, with links to their claims, without JavaScript', async () => {
    const c = await web.browser.newContext({ javaScriptEnabled: false });
    const page = await c.newPage();
    await page.goto(web.site.url);
    const steps = page.locator('ol.tour-steps > li');
    await expect(steps.count()).resolves.toBe(TOUR.length);
    for (const [i, step] of TOUR.entries()) {
      const item = steps.nth(i);
      await expect(item.locator('a[data-step] strong').textContent()).resolves.toBe(step.title);
      await expect(item.locator('p').first().isVisible()).resolves.toBe(true);
      const claims = await item.locator('.tour-step-claims a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      expect(claims).toEqual(step.claims.map((id) => `/claims/${id}/`));
    }
    await expect(page.locator('[data-tour-begin]').isVisible()).resolves.toBe(false);
    // A step's page without JavaScript shows no tour, only its own content.
    await page.goto(`${web.site.url}${TOUR[1].page}/?tour=2`);
    await expect(page.locator('tour-player').isVisible()).resolves.toBe(false);
    await c.close();
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`passes axe with a step shown and the canvas loaded, and never scrolls sideways at 360 px (${theme})`, async () => {
      const c = await context(theme);
      const page = await c.newPage();
      await page.goto(`${web.site.url}${TOUR[1].page}/?tour=2`);
      await until(() => focused(page), (f) => f.text.startsWith('Step 2 of'), 'step 2 shown');
      await waitForCanvas(page);
      const problems = await axe(page, `${theme} tour step 2`);
      await page.goto(web.site.url);
      await expect(page.locator('[data-tour-continue]').isVisible()).resolves.toBe(true);
      problems.push(...(await axe(page, `${theme} home page with "Continue the tour"`)));
      expect(problems).toEqual([]);
      await page.setViewportSize({ width: 360, height: 780 });
      await page.goto(`${web.site.url}${TOUR[1].page}/?tour=2`);
      await until(() => focused(page), (f) => f.text.startsWith('Step 2 of'), 'step 2 shown at 360 px');
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      await c.close();
    });
  }
});
