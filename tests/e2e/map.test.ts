/**
 * The interactive map in a real Chromium: Cytoscape replaces the static drawing, a click on a drawn
 * claim selects it, zoom, search, filters and the `#claim=` link work, and all of it under a sub-path
 * deployment too. Claim ids come from the built pages, never from the content.
 */
import { rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, DIST, serve, type Served, useBrowserAndSite } from './support.ts';
import {
  canvasState,
  clickableNode,
  distinctiveWord,
  fullMapPage,
  richestSummaryPage,
  until,
  waitForCanvas,
  type MapPage,
} from './map-page.ts';

const web = useBrowserAndSite();

async function open(url: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const context = await web.browser.newContext({ viewport });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  (page as Page & { errors: string[] }).errors = errors;
  await page.goto(url);
  return page;
}
const close = (page: Page) => page.context().close();
const errorsOf = (page: Page) => (page as Page & { errors: string[] }).errors;

/** Canvas shown, drawing hidden, every claim of the embedded JSON drawn. */
async function expectCanvasLoaded(page: Page, map: MapPage) {
  await waitForCanvas(page);
  expect(await page.locator('[data-canvas]').isVisible()).toBe(true);
  expect(await page.locator('[data-static]').isVisible()).toBe(false);
  const canvas = page.locator('[data-canvas] canvas').first();
  expect(await canvas.count()).toBe(1);
  const box = await canvas.boundingBox();
  expect(box!.width).toBeGreaterThan(100);
  expect(box!.height).toBeGreaterThan(100);
  const state = await canvasState(page);
  expect(state!.nodes).toBe(map.data.view.nodes.length);
  expect(errorsOf(page)).toEqual([]);
}

/** Click a claim where it is drawn; the panel, the outline, the canvas and the URL all follow. */
async function expectClickSelects(page: Page, map: MapPage) {
  const nodes = map.data.view.nodes;
  // Focus claims first: the map opens on them.
  const order = [...nodes.filter((n) => n.focus), ...nodes.filter((n) => !n.focus)].map((n) => n.id);
  const target = await clickableNode(page, order);
  await page.mouse.click(target.x, target.y);
  const node = nodes.find((n) => n.id === target.id)!;
  await page.waitForSelector(`argument-map[data-selected="${target.id}"]`, { timeout: 5_000 });
  await expect.poll(() => page.locator('[data-panel] .panel-text').textContent()).toBe(node.text);
  expect(await page.locator('[data-panel]').isVisible()).toBe(true);
  expect((await canvasState(page))!.selected).toEqual([target.id]);
  expect(await page.locator(`[data-outline] [role="treeitem"][data-id="${target.id}"]:not(.is-ref)`).getAttribute('aria-selected')).toBe('true');
  expect(new URL(page.url()).hash).toContain(`claim=${encodeURIComponent(target.id)}`);
  return target.id;
}

describe('the map on a summary page', () => {
  let map: MapPage;
  beforeAll(() => {
    map = richestSummaryPage(DIST);
  });

  it('replaces the drawing with the Cytoscape canvas, with every claim drawn', async () => {
    const page = await open(web.site.url + map.path);
    // Before it scrolls into view the drawing is there and the canvas is not.
    expect(await page.locator('[data-static] svg').count()).toBe(1);
    await expectCanvasLoaded(page, map);
    await close(page);
  });

  it('selects a claim clicked on the canvas and shows it in the panel', async () => {
    const page = await open(web.site.url + map.path);
    await waitForCanvas(page);
    await expectClickSelects(page, map);
    // A click on empty canvas clears the selection.
    const frame = (await page.locator('[data-canvas]').boundingBox())!;
    const empty = await page.evaluate(
      ([x0, y0, w, h]) => {
        const map = document.querySelector('argument-map') as unknown as { getNodeBox(id: string): { x: number; y: number; width: number; height: number } | undefined };
        const data = JSON.parse(document.querySelector('[data-map-json]')!.textContent!) as { view: { nodes: { id: string }[] } };
        const boxes = data.view.nodes.map((n) => map.getNodeBox(n.id)).filter((b) => b !== undefined);
        const near = (x: number, y: number) => boxes.some((b) => x > b.x - 20 && x < b.x + b.width + 20 && y > b.y - 20 && y < b.y + b.height + 20);
        for (let y = y0 + 8; y < y0 + h - 8; y += 12)
          for (let x = x0 + 8; x < x0 + w - 8; x += 12) if (!near(x, y) && document.elementFromPoint(x, y)?.closest('[data-canvas]')) return { x, y };
        return undefined;
      },
      [frame.x, Math.max(frame.y, 70), frame.width, Math.min(frame.height, 900 - Math.max(frame.y, 70))],
    );
    if (empty) {
      await page.mouse.click(empty.x, empty.y);
      await page.waitForFunction(() => !document.querySelector('argument-map')!.hasAttribute('data-selected'));
      expect(await page.locator('[data-panel]').isVisible()).toBe(false);
    }
    await close(page);
  });

  it('zooms in and out with the buttons, and Fit returns to the first view', async () => {
    const page = await open(web.site.url + map.path);
    await waitForCanvas(page);
    const start = (await canvasState(page))!.zoom;
    await page.getByRole('button', { name: 'Zoom in' }).click();
    const zoomedIn = await until(() => canvasState(page), (s) => Math.abs(s!.zoom - Math.min(3, start * 1.25)) < 1e-3, 'zoom in');
    expect(zoomedIn!.zoom).toBeGreaterThan(start);
    await page.getByRole('button', { name: 'Zoom out' }).click();
    await page.getByRole('button', { name: 'Zoom out' }).click();
    const zoomedOut = await until(() => canvasState(page), (s) => Math.abs(s!.zoom - start * 1.25 * 0.8 * 0.8) < 1e-3, 'zoom out');
    expect(zoomedOut!.zoom).toBeLessThan(start);
    await page.getByRole('button', { name: 'Fit' }).click();
    const fitted = await until(() => canvasState(page), (s) => Math.abs(s!.zoom - start) < 1e-3, 'fit');
    // From the keyboard, with the map focused: arrows move the view, + zooms, 0 fits again.
    await page.locator('[data-canvas]').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    const moved = (await canvasState(page))!;
    expect(moved.pan.x).toBeCloseTo(fitted!.pan.x - 60, 3);
    expect(moved.pan.y).toBeCloseTo(fitted!.pan.y - 60, 3);
    await page.keyboard.press('+');
    await until(() => canvasState(page), (s) => Math.abs(s!.zoom - Math.min(3, start * 1.25)) < 1e-3, 'zoom in by key');
    await page.keyboard.press('0');
    const reset = (await canvasState(page))!;
    expect(reset.zoom).toBeCloseTo(start, 3);
    expect(reset.pan.x).toBeCloseTo(fitted!.pan.x, 3);
    // The page itself did not scroll with the arrow keys.
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-canvas'))).toBe(true);
    await close(page);
  });

  it('finds a claim by a word of its text; choosing the result selects it', async () => {
    const page = await open(web.site.url + map.path);
    await waitForCanvas(page);
    const nodes = map.data.view.nodes;
    const node = nodes.find((n) => !n.focus) ?? nodes[0];
    const word = distinctiveWord(node, nodes);
    await page.getByLabel('Find a claim').fill(word);
    const results = page.locator('[data-search-results]');
    await results.waitFor({ state: 'visible' });
    const hit = results.getByRole('button', { name: node.lines.join(' '), exact: true });
    expect(await hit.count()).toBe(1);
    expect(await page.locator('[data-search-count]').textContent()).toMatch(/^\d+ claims? found$/);
    await hit.click();
    await page.waitForSelector(`argument-map[data-selected="${node.id}"]`);
    expect(await page.locator('[data-panel] .panel-text').textContent()).toBe(node.text);
    expect(await results.isVisible()).toBe(false);
    // Focus goes to the panel, so a keyboard or screen-reader user lands on the result.
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-panel-heading'))).toBe(true);
    expect((await canvasState(page))!.selected).toEqual([node.id]);
    await close(page);
  });

  it('hides a kind of relation when the filter unticks it, and shows it again', async () => {
    const page = await open(web.site.url + map.path);
    await waitForCanvas(page);
    const before = (await canvasState(page))!.visibleRelations;
    const kind = Object.keys(before).find((k) => before[k] > 0 && k !== 'supports') ?? 'supports';
    await page.getByText('Filter', { exact: true }).click();
    const box = page.locator(`[data-filter-relation="${kind}"]`);
    await box.uncheck();
    const filtered = await until(() => canvasState(page), (s) => s!.visibleRelations[kind] === 0, `${kind} hidden`);
    for (const [other, count] of Object.entries(before)) if (other !== kind) expect(filtered!.visibleRelations[other]).toBe(count);
    expect(await page.locator('[data-live]').textContent()).toMatch(/filter/i);
    await box.check();
    await until(() => canvasState(page), (s) => s!.visibleRelations[kind] === before[kind], `${kind} shown again`);
    await close(page);
  });

  it('restores the selection from #claim=<id>', async () => {
    const nodes = map.data.view.nodes;
    const node = nodes[Math.floor(nodes.length / 2)];
    const page = await open(`${web.site.url}${map.path}#claim=${encodeURIComponent(node.id)}`);
    await expect.poll(() => page.locator('[data-panel] .panel-text').textContent()).toBe(node.text);
    expect(await page.locator('[data-panel]').isVisible()).toBe(true);
    const item = page.locator(`[data-outline] [role="treeitem"][data-id="${node.id}"]:not(.is-ref)`);
    expect(await item.getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('argument-map').getAttribute('data-selected')).toBe(node.id);
    // Once the canvas loads it shows the same selection.
    await waitForCanvas(page);
    expect((await canvasState(page))!.selected).toEqual([node.id]);
    await close(page);
  });

  it('lists a neighbour’s relations on this map and sends the reader to its page for the others', async () => {
    const node = map.data.view.nodes.find((n) => (n.offMap ?? 0) > 0);
    expect(node, 'a neighbour with relations off this map').toBeDefined();
    const page = await open(`${web.site.url}${map.path}#claim=${encodeURIComponent(node!.id)}`);
    const more = page.locator('[data-panel] .panel-more');
    await more.waitFor();
    expect(await page.locator('[data-panel] .panel-relations li').count()).toBe(node!.relations.length);
    expect(await more.textContent()).toMatch(new RegExp(`${node!.offMap} more relations? with claims not on this map|${node!.offMap === 1 ? 'Its relation is' : `Its ${node!.offMap} relations are`} with claims`));
    expect(await more.locator('a').getAttribute('href')).toBe(`/claims/${node!.id}/`);
    await close(page);
  });
});

describe('the whole map at /map/', () => {
  it('loads the canvas with every claim and selects a clicked claim', async () => {
    const map = fullMapPage(DIST);
    const page = await open(web.site.url + map.path);
    await expectCanvasLoaded(page, map);
    await expectClickSelects(page, map);
    await close(page);
  });
});

describe('under a sub-path (base /debate/)', () => {
  let outDir: string;
  let sub: Served;
  beforeAll(async () => {
    const build = buildSite({ base: '/debate/' });
    outDir = build.outDir;
    if (build.status !== 0) throw new Error(`build under /debate/ failed:\n${build.output.slice(-4000)}`);
    sub = await serve(outDir, '/debate/');
  });
  afterAll(async () => {
    await sub?.close();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it('links, scripts and styles all stay under /debate/, and the map works', async () => {
    const map = richestSummaryPage(outDir);
    const page = await open(sub.url + map.path);
    await expectCanvasLoaded(page, map);
    const id = await expectClickSelects(page, map);
    const refs = await page.evaluate(() =>
      [...document.querySelectorAll('a[href], link[href], script[src]')].map((el) => {
        const value = el.getAttribute(el.localName === 'script' ? 'src' : 'href')!;
        return { value, path: new URL(value, location.href).pathname, sameOrigin: new URL(value, location.href).origin === location.origin };
      }),
    );
    expect(refs.length).toBeGreaterThan(10);
    // Absolute paths carry the base; relative ones (written in the prose) resolve below it.
    const outside = refs.filter((r) => r.sameOrigin && !/^(https?:|mailto:|#)/.test(r.value) && (r.value.startsWith('/') ? !r.value.startsWith('/debate/') : !r.path.startsWith('/debate/'))).map((r) => r.value);
    expect(outside).toEqual([]);
    // The panel's permalink (built in the browser) leads to a real page under the base.
    const permalink = page.locator('[data-panel] a', { hasText: 'Open this claim' });
    expect(await permalink.getAttribute('href')).toBe(`/debate/claims/${encodeURIComponent(id)}/`);
    await permalink.click();
    await page.waitForURL(`**/debate/claims/${encodeURIComponent(id)}/`);
    expect(await page.locator('.claim-text').textContent()).toBe(map.data.view.nodes.find((n) => n.id === id)!.text);
    // The claim page's own map loads its canvas under the base too.
    await waitForCanvas(page);
    expect(errorsOf(page)).toEqual([]);
    await close(page);
  });
});
