/**
 * The map on a phone (360 × 780, touch): the outline is the primary view and the drawing opens on request;
 * the claim panel stays pinned below the outline without hiding the chosen claim; the opened drawing takes
 * taps and pinch zoom; without JavaScript the drawing stays in place.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DIST, useBrowserAndSite } from './support.ts';
import { axe, canvasState, clickableNode, frames, nodeBox, richestSummaryPage, until, waitForCanvas } from './map-page.ts';

const PHONE = { width: 360, height: 780 };

const web = useBrowserAndSite();

const phone = (options: { javaScriptEnabled?: boolean } = {}): Promise<BrowserContext> =>
  web.browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true, deviceScaleFactor: 2, ...options });

/** The summary page with the most claims on its map, in a fresh phone context. */
async function openRichestPage(options: { javaScriptEnabled?: boolean } = {}) {
  const context = await phone(options);
  const page = await context.newPage();
  const map = richestSummaryPage(DIST);
  await page.goto(web.site.url + map.path);
  return { context, page, map };
}

const top = (page: Page, selector: string) => page.locator(selector).first().evaluate((el) => el.getBoundingClientRect().top + scrollY);

describe('on a phone', () => {
  it('leads with the outline: the drawing is folded away until asked for, and Cytoscape is not loaded', async () => {
    const { context, page } = await openRichestPage();
    const toggle = page.getByRole('button', { name: 'Show the drawing' });
    await toggle.waitFor();
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('[data-stage]').isVisible()).toBe(false);
    // Zoom and filters act on the drawing, so they fold away with it; search and "Test your view" stay.
    expect(await page.getByRole('button', { name: 'Zoom in' }).isVisible()).toBe(false);
    expect(await page.getByText('Filter', { exact: true }).isVisible()).toBe(false);
    expect(await page.getByLabel('Find a claim').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Test your view' }).isVisible()).toBe(true);
    // The outline starts within one screen of the map's heading.
    const heading = await top(page, '#map-heading');
    const firstClaim = await top(page, '[data-outline] [role="treeitem"]');
    expect(firstClaim - heading).toBeLessThan(PHONE.height * 0.6);
    // Nothing has asked for the drawing: after the page settles, Cytoscape is still not loaded.
    await page.waitForLoadState('networkidle');
    expect(await page.locator('[data-canvas] canvas').count()).toBe(0);
    expect(await page.locator('argument-map').getAttribute('data-ready')).toBeNull();
    await context.close();
  });

  it('pins the claim panel below the outline, keeps the chosen claim in sight, and closes it', async () => {
    const { context, page } = await openRichestPage();
    // Items the outline shows when it opens (deeper levels start folded).
    const items = page.locator('[data-outline] [role="treeitem"]:not(.is-ref):visible');
    // A claim low on the screen, where the panel will appear.
    const item = items.nth(Math.min(5, (await items.count()) - 1));
    const id = (await item.getAttribute('data-id'))!;
    await item.locator(':scope > .outline-row').evaluate((el) => scrollTo(0, el.getBoundingClientRect().top + scrollY - innerHeight + 80));
    await item.locator(':scope > .outline-row .outline-kind').tap();
    await page.waitForSelector(`argument-map[data-selected="${id}"]`);
    const panel = page.locator('[data-panel]');
    expect(await panel.isVisible()).toBe(true);
    // In the DOM (and so in reading and tab order) the panel follows the outline.
    expect(await panel.evaluate((el) => Boolean(document.querySelector('[data-outline]')!.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING))).toBe(true);
    const panelBox = (await panel.boundingBox())!;
    expect(panelBox.y + panelBox.height).toBeCloseTo(PHONE.height, -1);
    expect(panelBox.height).toBeLessThanOrEqual(PHONE.height * 0.41);
    const row = (await item.locator(':scope > .outline-row').boundingBox())!;
    expect(row.y + row.height).toBeLessThanOrEqual(panelBox.y);
    expect(row.y).toBeGreaterThanOrEqual(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await axe(page, 'phone, panel pinned')).toEqual([]);

    await panel.getByRole('button', { name: 'Close' }).tap();
    await until(() => panel.isVisible(), (v) => !v, 'the panel to close');
    expect(await page.locator('argument-map').getAttribute('data-selected')).toBeNull();
    expect(new URL(page.url()).hash).not.toContain('claim=');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-id'))).toBe(id);
    await expect.poll(() => page.locator('[data-live]').textContent()).toBe('Selection cleared.');
    await context.close();
  });

  it('opens the drawing on request: a tap selects a claim and two fingers zoom; the choice is remembered', async () => {
    const { context, page, map } = await openRichestPage();
    const toggle = page.getByRole('button', { name: 'Show the drawing' });
    await toggle.tap();
    expect(await page.getByRole('button', { name: 'Hide the drawing' }).getAttribute('aria-expanded')).toBe('true');
    await waitForCanvas(page);
    expect(await page.locator('[data-canvas]').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Zoom in' }).isVisible()).toBe(true);
    // It opens on the claims the page discusses, at a size where labels are 11 px or more.
    expect((await canvasState(page))!.zoom).toBeGreaterThanOrEqual(11 / 12.5 - 1e-6);
    const frame = (await page.locator('[data-canvas]').boundingBox())!;
    const shown = [];
    for (const n of map.data.view.nodes.filter((x) => x.focus)) {
      const b = await nodeBox(page, n.id);
      if (b && b.x >= frame.x - 1 && b.x + b.width <= frame.x + frame.width + 1 && b.y >= frame.y - 1 && b.y + b.height <= frame.y + frame.height + 1) shown.push(n.id);
    }
    expect(shown.length, 'claims the page discusses in the opened drawing').toBeGreaterThan(0);

    const nodes = map.data.view.nodes;
    const target = await clickableNode(page, [...nodes.filter((n) => n.focus), ...nodes].map((n) => n.id));
    await page.touchscreen.tap(target.x, target.y);
    await page.waitForSelector(`argument-map[data-selected="${target.id}"]`, { timeout: 5_000 });
    expect((await canvasState(page))!.selected).toEqual([target.id]);

    // The claim's panel is pinned over the bottom of the screen, like a sheet: the drawing moves up and the
    // tapped claim is centred in the part the sheet leaves free, where the drawing stays usable.
    const sheet = (await page.locator('[data-panel]').boundingBox())!;
    const box = (await page.locator('[data-canvas]').boundingBox())!;
    const visibleBottom = Math.min(box.y + box.height, sheet.y);
    expect(visibleBottom - Math.max(box.y, 0)).toBeGreaterThan(box.height * 0.8);
    await until(
      () => nodeBox(page, target.id),
      (b) => b !== undefined && b.y >= Math.max(box.y, 0) && b.y + b.height <= visibleBottom,
      'the tapped claim to be clear of the sheet',
    );
    // Pinch: two touch points moving apart around the middle of the canvas's visible part.
    const before = (await canvasState(page))!.zoom;
    const cx = box.x + box.width / 2;
    const cy = (Math.max(box.y, 0) + visibleBottom) / 2;
    const cdp = await context.newCDPSession(page);
    const fingers = (d: number) => [
      { x: cx - d, y: cy, id: 0 },
      { x: cx + d, y: cy, id: 1 },
    ];
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: fingers(20) });
    for (let d = 30; d <= 100; d += 10) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: fingers(d) });
      await frames(page, 1); // a frame apart, as fingers move
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    const after = await until(() => canvasState(page).then((s) => s!.zoom), (z) => z > before * 1.5, 'the pinch to zoom in');
    expect(after).toBeGreaterThan(before * 1.5);
    // The page itself did not zoom or scroll sideways.
    expect(await page.evaluate(() => visualViewport?.scale ?? 1)).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await nodeBox(page, target.id)).toBeDefined();
    expect(await axe(page, 'phone, drawing open')).toEqual([]);

    // Opened once, the drawing stays open on the next page.
    await page.goto(web.site.url);
    await page.locator('argument-map [data-controls]:not([hidden])').first().waitFor();
    expect(await page.locator('[data-stage]').first().isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Hide the drawing' }).tap();
    expect(await page.locator('[data-stage]').first().isVisible()).toBe(false);
    await context.close();
  });

  it('never scrolls sideways: with "Test your view" on, a claim chosen, the drawing open and each menu open', async () => {
    const { context, page, map } = await openRichestPage();
    const wide = () => page.evaluate(() => document.documentElement.scrollWidth > innerWidth);
    await page.getByRole('button', { name: 'Test your view' }).tap();
    await page.locator('[data-evaluate-help]').waitFor();
    expect(await wide()).toBe(false);
    // A claim that gets a label (questions and the writer's framing are not weighed).
    const id = map.data.view.nodes.find((n) => n.focus && map.data.labels[n.id])!.id;
    await page.getByRole('button', { name: 'Expand all' }).tap();
    await page.locator(`[data-outline] [role="treeitem"][data-id="${id}"]:not(.is-ref) > .outline-row .outline-kind`).tap();
    await page.locator('[data-panel] .panel-choice').waitFor();
    expect(await wide()).toBe(false);
    await page.locator('[data-panel] .panel-choice input[value="accepted"]').tap();
    await page.locator('[data-panel] .panel-strength').waitFor();
    expect(await wide()).toBe(false);
    await page.getByRole('button', { name: 'Show the drawing' }).tap();
    await waitForCanvas(page);
    expect(await wide()).toBe(false);
    for (const menu of ['Filter', 'Download']) {
      await page.getByText(menu, { exact: true }).tap();
      await page.locator('details.map-menu[open] .map-menu-panel').waitFor();
      expect(await wide(), `${menu} open`).toBe(false);
      await page.getByText(menu, { exact: true }).tap();
    }
    await page.getByLabel('Find a claim').fill(map.data.view.nodes[0].lines[0].split(' ')[0]);
    expect(await wide(), 'search results open').toBe(false);
    expect(await axe(page, 'phone, test your view on')).toEqual([]);
    await context.close();
  });

  it('keeps the drawing in place without JavaScript, where there is no button to open it', async () => {
    const { context, page } = await openRichestPage({ javaScriptEnabled: false });
    expect(await page.locator('[data-static] svg').isVisible()).toBe(true);
    expect(await page.locator('[data-outline]').isVisible()).toBe(true);
    expect(await page.locator('[data-controls]').isVisible()).toBe(false);
    await context.close();
  });
});
