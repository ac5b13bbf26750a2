/**
 * Reading a map as a student would, at 1280 × 800 in a real Chromium: the page's prose comes first, the map
 * opens on the claims the page discusses at a readable size, the wheel scrolls the page, a chosen claim's
 * panel is on screen at once, the keyboard opens and closes it, the outline opens folded to its top levels.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DIST, useBrowserAndSite } from './support.ts';
import { canvasState, fullMapPage, nodeBox, richestSummaryPage, summaryPages, until, waitForCanvas, type Box } from './map-page.ts';

const web = useBrowserAndSite();
const DESKTOP = { width: 1280, height: 800 };
/** Labels are drawn at 12.5 px at zoom 1; 11 px is the least a reader should get. */
const READABLE_ZOOM = 11 / 12.5;

async function open(path: string, viewport = DESKTOP): Promise<Page> {
  const context = await web.browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(web.site.url + path);
  return page;
}
const close = (page: Page) => page.context().close();
const inside = (b: Box, frame: Box, slack = 1) => b.x >= frame.x - slack && b.y >= frame.y - slack && b.x + b.width <= frame.x + frame.width + slack && b.y + b.height <= frame.y + frame.height + slack;
const canvasFrame = (page: Page) => page.evaluate(() => {
  const r = document.querySelector('[data-canvas]')!.getBoundingClientRect();
  return { x: r.left, y: r.top, width: r.width, height: r.height };
});

describe('a summary page at 1280 × 800', () => {
  it('starts its own prose within two screens of the top, before the map', async () => {
    for (const map of summaryPages(DIST)) {
      const page = await open(map.path);
      const tops = await page.evaluate(() => {
        const content = document.querySelector('.sl-markdown-content')!;
        const prose = [...content.children].find((el) => !el.matches('.page-lead, .page-nav, .map-section, script, style'));
        const top = (el: Element | null | undefined) => (el ? el.getBoundingClientRect().top + scrollY : Infinity);
        return { prose: top(prose), map: top(document.querySelector('.map-section')) };
      });
      expect(tops.prose, map.path).toBeLessThan(2 * DESKTOP.height);
      expect(tops.prose, map.path).toBeLessThan(tops.map);
      await close(page);
    }
  });

  it('opens the map with every claim the page discusses inside the drawing, at a readable size, without panning sideways', async () => {
    for (const map of summaryPages(DIST)) {
      const page = await open(map.path);
      await waitForCanvas(page);
      const state = (await canvasState(page))!;
      expect(state.zoom, map.path).toBeGreaterThanOrEqual(READABLE_ZOOM - 1e-6);
      const frame = await canvasFrame(page);
      // The drawing fits the width: nothing of it lies left or right of the canvas.
      for (const n of map.data.view.nodes) {
        const box = (await nodeBox(page, n.id))!;
        expect(box.x, `${map.path} ${n.id}`).toBeGreaterThanOrEqual(frame.x - 1);
        expect(box.x + box.width, `${map.path} ${n.id}`).toBeLessThanOrEqual(frame.x + frame.width + 1);
        if (n.focus) expect(inside(box, frame), `${map.path}: ${n.id} is in the first view`).toBe(true);
      }
      // And the page itself never scrolls sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
      await close(page);
    }
  });

  it('lets the wheel scroll the page, and zooms only with Ctrl + wheel or the buttons', async () => {
    const map = richestSummaryPage(DIST);
    const page = await open(map.path);
    await waitForCanvas(page);
    const frame = await canvasFrame(page);
    const start = (await canvasState(page))!;
    // Below the sticky header and toolbar, over the drawing.
    await page.mouse.move(frame.x + frame.width / 2, Math.min(Math.max(frame.y, 0) + 300, DESKTOP.height - 50));
    expect(await page.evaluate(([x, y]) => Boolean(document.elementFromPoint(x, y)?.closest('[data-canvas]')), [frame.x + frame.width / 2, Math.min(Math.max(frame.y, 0) + 300, DESKTOP.height - 50)])).toBe(true);
    const before = await page.evaluate(() => scrollY);
    await page.mouse.wheel(0, 400);
    await until(() => page.evaluate(() => scrollY), (y) => y > before + 100, 'the page to scroll');
    expect((await canvasState(page))!.zoom).toBeCloseTo(start.zoom, 6);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -300);
    await page.keyboard.up('Control');
    await until(() => canvasState(page), (s) => s!.zoom > start.zoom * 1.05, 'Ctrl + wheel to zoom in');
    await close(page);
  });

  it('fits the whole drawing with “Fit” and comes back to the page’s claims', async () => {
    const map = richestSummaryPage(DIST);
    const page = await open(map.path);
    await waitForCanvas(page);
    const first = (await canvasState(page))!;
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await until(() => canvasState(page), (s) => s!.zoom > first.zoom * 1.5, 'zoomed in');
    await page.getByRole('button', { name: 'Fit' }).click();
    const frame = await canvasFrame(page);
    await until(() => canvasState(page), (s) => s!.zoom <= first.zoom + 1e-6, 'fit');
    for (const n of map.data.view.nodes) expect(inside((await nodeBox(page, n.id))!, frame), n.id).toBe(true);
    await page.getByRole('button', { name: 'Back to this page’s claims' }).click();
    const home = await until(() => canvasState(page), (s) => Math.abs(s!.zoom - first.zoom) < 1e-6, 'back to the first view');
    expect(home!.pan.x).toBeCloseTo(first.pan.x, 3);
    expect(home!.pan.y).toBeCloseTo(first.pan.y, 3);
    await close(page);
  });

  it('shows the panel on screen at once when a claim is chosen on the map, beside the claim, not over it', async () => {
    const map = richestSummaryPage(DIST);
    const page = await open(map.path);
    await waitForCanvas(page);
    for (const n of map.data.view.nodes.filter((x) => x.focus).slice(0, 3)) {
      await page.evaluate((id) => document.querySelector(`[data-outline] [data-id="${id}"]`)?.scrollIntoView({ block: 'center' }), n.id);
      await page.locator('[data-stage]').scrollIntoViewIfNeeded();
      const box = (await nodeBox(page, n.id))!;
      await page.evaluate((y) => scrollBy(0, y), box.y - 300);
      const at = (await nodeBox(page, n.id))!;
      await page.mouse.click(at.x + at.width / 2, at.y + at.height / 2);
      await page.waitForSelector(`argument-map[data-selected="${n.id}"]`);
      const panel = (await page.locator('[data-panel]').boundingBox())!;
      expect(panel.y, n.id).toBeGreaterThanOrEqual(0);
      expect(panel.y, n.id).toBeLessThan(DESKTOP.height - 100);
      const claim = (await nodeBox(page, n.id))!;
      const overlaps = claim.x < panel.x + panel.width && panel.x < claim.x + claim.width && claim.y < panel.y + panel.height && panel.y < claim.y + claim.height;
      expect(overlaps, `${n.id}: the panel covers the chosen claim`).toBe(false);
    }
    await close(page);
  });

  it('keeps an outline item where it was chosen, shows the panel, and opens and closes it from the keyboard', async () => {
    const map = richestSummaryPage(DIST);
    const page = await open(map.path);
    const tree = page.locator('[data-outline]');
    await tree.scrollIntoViewIfNeeded();
    const first = tree.locator('[role="treeitem"]').first();
    await first.focus();
    await page.keyboard.press('ArrowDown');
    const item = page.locator('[data-outline] [role="treeitem"]:focus');
    const id = (await item.getAttribute('data-id'))!;
    const before = (await item.boundingBox())!;
    await page.keyboard.press('Enter');
    await page.waitForSelector(`argument-map[data-selected="${id}"]`);
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-panel-heading'))).toBe(true);
    const panel = (await page.locator('[data-panel]').boundingBox())!;
    expect(panel.y).toBeGreaterThanOrEqual(0);
    expect(panel.y + 40).toBeLessThan(DESKTOP.height);
    const after = (await page.locator(`[data-outline] [role="treeitem"][data-id="${id}"]:not(.is-ref)`).boundingBox())!;
    // Within a pixel: the selected row's styling may move it by a fraction, never by a line.
    expect(Math.abs(after.y - before.y)).toBeLessThanOrEqual(1);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('argument-map')!.hasAttribute('data-selected'));
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.id)).toBe(id);
    await close(page);
  });

  it('shows a claim cited in the prose on the page’s map: a click selects it, scrolls its box into view and opens its panel', async () => {
    const map = richestSummaryPage(DIST);
    const page = await open(map.path);
    const onMap = new Set(map.data.view.nodes.map((n) => n.id));
    const cite = page.locator('.sl-markdown-content a.claim-cite[data-id]').filter({ hasNot: page.locator('xpath=ancestor::details') });
    let id: string | undefined;
    for (let i = 0; i < (await cite.count()) && !id; i++) {
      const candidate = (await cite.nth(i).getAttribute('data-id'))!;
      if (onMap.has(candidate)) {
        await cite.nth(i).scrollIntoViewIfNeeded();
        await cite.nth(i).click();
        id = candidate;
      }
    }
    expect(id, 'a cited claim that is on the page’s map').toBeDefined();
    await page.waitForSelector(`argument-map[data-selected="${id}"]`);
    expect(new URL(page.url()).pathname).toBe(new URL(web.site.url + map.path).pathname);
    const panel = (await page.locator('[data-panel]').boundingBox())!;
    expect(panel.y).toBeGreaterThanOrEqual(0);
    expect(panel.y).toBeLessThan(DESKTOP.height - 100);
    await waitForCanvas(page);
    const box = await until(() => nodeBox(page, id!), (b) => b !== undefined && b.y >= 0 && b.y + b.height <= DESKTOP.height, 'the cited claim on screen');
    expect(box).toBeDefined();
    await close(page);
  });

  it('makes every related claim in the panel a control that selects it, named without doubled quotation marks', async () => {
    const map = richestSummaryPage(DIST);
    const node = map.data.view.nodes.find((n) => n.relations.length >= 2)!;
    const page = await open(`${map.path}#claim=${encodeURIComponent(node.id)}`);
    const related = page.locator('[data-panel] .panel-relations button[data-select]');
    await related.first().waitFor();
    const names = await related.allTextContents();
    expect(names.length).toBeGreaterThanOrEqual(node.relations.length);
    for (const name of names) expect(name, name).not.toMatch(/[“"]\s*[“"]|[”"]\s*[”"]$/);
    const target = (await related.first().getAttribute('data-select'))!;
    await related.first().click();
    await page.waitForSelector(`argument-map[data-selected="${target}"]`);
    expect(await page.locator('[data-panel]').isVisible()).toBe(true);
    await close(page);
  });

  it('opens the outline folded to its top levels, expands it all on request and remembers that', async () => {
    const map = richestSummaryPage(DIST);
    const page = await open(map.path);
    const deep = page.locator('[data-outline] [role="treeitem"][aria-level="4"]').first();
    expect(await deep.isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Expand all' }).click();
    expect(await deep.isVisible()).toBe(true);
    await page.goto(web.site.url + summaryPages(DIST).find((p) => p.path !== map.path)!.path);
    expect(await page.locator('[data-action="expand-outline"]').getAttribute('aria-pressed')).toBe('true');
    await close(page);
  });
});

describe('the whole map at 1280 × 800', () => {
  it('opens with the question and every position in view, readable', async () => {
    const map = fullMapPage(DIST);
    const page = await open(map.path);
    await waitForCanvas(page);
    expect((await canvasState(page))!.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM - 1e-6);
    const frame = await canvasFrame(page);
    const top = map.data.view.nodes.filter((n) => n.kind === 'question' || n.kind === 'position');
    expect(top.length).toBeGreaterThan(2);
    for (const n of top) expect(inside((await nodeBox(page, n.id))!, frame), n.id).toBe(true);
    await close(page);
  });
});

describe('without JavaScript', () => {
  it('shows the drawing fitted to the width, the outline with every claim, and no script-only controls', async () => {
    const map = richestSummaryPage(DIST);
    const context = await web.browser.newContext({ viewport: DESKTOP, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(web.site.url + map.path);
    const svg = (await page.locator('[data-static] svg').boundingBox())!;
    const stage = (await page.locator('[data-stage]').boundingBox())!;
    expect(svg.width).toBeLessThanOrEqual(stage.width + 1);
    expect(svg.width / (map.data.view.width + 32)).toBeGreaterThanOrEqual(READABLE_ZOOM - 0.01);
    for (const n of map.data.view.nodes) expect(await page.locator(`[data-outline] [role="treeitem"][data-id="${n.id}"]:not(.is-ref)`).isVisible(), n.id).toBe(true);
    expect(await page.locator('[data-controls]').isVisible()).toBe(false);
    await context.close();
  });
});
