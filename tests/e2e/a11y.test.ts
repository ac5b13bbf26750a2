/**
 * Accessibility of the built site in a real Chromium: axe-core (WCAG 2.0–2.2 A/AA) on every page in
 * both themes, the map with Cytoscape loaded and with "Test your view" on, keyboard-only use of the
 * outline tree, the site without JavaScript, no sideways scrolling at 360 px, and reduced motion.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIST, htmlPages, pagePath, useBrowserAndSite } from './support.ts';
import { axe, canvasState, frames, fullMapPage, nodeBox, richestSummaryPage, summaryPages, until, waitForCanvas } from './map-page.ts';

const web = useBrowserAndSite();
/** Every built HTML page (pagefind's UI has none), claim permalinks included. */
let pages: string[];

beforeAll(() => {
  pages = htmlPages(DIST).filter((f) => !f.startsWith('pagefind/'));
});

type Theme = 'light' | 'dark';

async function themedContext(theme: Theme, viewport: { width: number; height: number }, options: { javaScriptEnabled?: boolean } = {}): Promise<BrowserContext> {
  const context = await web.browser.newContext({ viewport, ...options });
  // Starlight reads the reader's choice from localStorage before the first paint.
  await context.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
  return context;
}

/** Visit `files` with two tabs of `context` working through the list side by side (two cores). */
async function visitAll(context: BrowserContext, files: string[], visit: (page: Page, file: string) => Promise<void>, tabs = 2): Promise<void> {
  const queue = [...files];
  await Promise.all(
    Array.from({ length: tabs }, async () => {
      const page = await context.newPage();
      for (let file = queue.shift(); file !== undefined; file = queue.shift()) await visit(page, file);
      await page.close();
    }),
  );
}

/** The whole-site loops visit ~80 pages each; allow for a slow machine. */
const SITE_LOOP_TIMEOUT = 300_000;

describe('axe-core finds no WCAG A/AA violation', () => {
  it('on every page in the light theme at 1280 px', { timeout: SITE_LOOP_TIMEOUT }, async () => {
    const context = await themedContext('light', { width: 1280, height: 900 });
    const problems: string[] = [];
    await visitAll(context, pages, async (page, file) => {
      await page.goto(web.site.url + pagePath(file));
      problems.push(...(await axe(page, `light ${pagePath(file) || '/'}`)));
    });
    await context.close();
    expect(problems).toEqual([]);
  });

  it('on every page in the dark theme at 360 px, none of which scrolls sideways', { timeout: SITE_LOOP_TIMEOUT }, async () => {
    const context = await themedContext('dark', { width: 360, height: 780 });
    const problems: string[] = [];
    const overflowing: string[] = [];
    const themes = new Set<string | undefined>();
    await visitAll(context, pages, async (page, file) => {
      await page.goto(web.site.url + pagePath(file));
      themes.add(await page.evaluate(() => document.documentElement.dataset.theme));
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 360) {
        const culprits = await page.evaluate(() =>
          [...document.querySelectorAll('body *')]
            .filter((el) => el.getBoundingClientRect().right > 360.5)
            .slice(0, 3)
            .map((el) => `${el.localName}.${[...el.classList].join('.')}`),
        );
        overflowing.push(`${pagePath(file) || '/'}: scrollWidth ${width} (${culprits.join(', ')})`);
      }
      problems.push(...(await axe(page, `dark ${pagePath(file) || '/'}`)));
    });
    await context.close();
    expect([...themes]).toEqual(['dark']);
    expect.soft(overflowing).toEqual([]);
    expect(problems).toEqual([]);
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`with the interactive map loaded, a claim selected and "Test your view" on (${theme})`, async () => {
      const map = richestSummaryPage(DIST);
      const context = await themedContext(theme, { width: 1280, height: 900 });
      const page = await context.newPage();
      await page.goto(web.site.url + map.path);
      await waitForCanvas(page);
      const problems = await axe(page, `${theme} ${map.path} canvas`);
      await page.getByRole('button', { name: 'Test your view' }).click();
      await page.locator('[data-outline] [role="treeitem"]').first().click();
      await page.locator('[data-panel] .panel-choice').waitFor();
      await page.locator('[data-outline] [data-label]:not([hidden])').first().waitFor();
      // The search results and both menus open, too.
      await page.getByLabel('Find a claim').fill(map.data.view.nodes[0].text.split(/\s+/).find((w) => w.length > 4)!.toLowerCase());
      await page.locator('[data-search-results]').waitFor();
      await page.getByText('Filter', { exact: true }).click();
      problems.push(...(await axe(page, `${theme} ${map.path} evaluating`)));
      await context.close();
      expect(problems).toEqual([]);
    });
  }
});

describe('keyboard only', () => {
  it('reaches the outline with Tab, moves with the arrows, selects with Enter and leaves with Tab', async () => {
    const map = richestSummaryPage(DIST);
    const nodes = new Map(map.data.view.nodes.map((n) => [n.id, n]));
    const context = await web.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(web.site.url + map.path);
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return {
          inTree: Boolean(el?.closest('[data-outline]')),
          role: el?.getAttribute('role') ?? '',
          id: el?.dataset.id ?? '',
          level: Number(el?.getAttribute('aria-level') ?? 0),
          expanded: el?.getAttribute('aria-expanded') ?? '',
          tag: el?.localName ?? '',
        };
      });

    // The map follows the prose: a keyboard user takes the page's "The argument map" link, then tabs into it.
    let presses = 0;
    while (!(await page.evaluate(() => document.activeElement?.matches('a.page-nav-map') ?? false))) {
      if (++presses > 30) throw new Error('Tab did not reach the "On this page" link to the map within 30 presses');
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    presses = 0;
    let at = await focused();
    while (!at.inTree) {
      if (++presses > 30) throw new Error('Tab did not reach the outline within 30 presses of the map link');
      await page.keyboard.press('Tab');
      at = await focused();
    }
    expect(at.role).toBe('treeitem');
    const items = page.locator('[data-outline] [role="treeitem"]');
    const first = await items.first().getAttribute('data-id');
    expect(at.id).toBe(first);
    expect(at.level).toBe(1);
    // One tab stop: every other item and every link inside the tree is out of the tab order.
    expect(await page.locator('[data-outline] [tabindex="0"]').count()).toBe(1);

    // Down moves to the next visible item; the first item has children, so that is its first child.
    await page.keyboard.press('ArrowDown');
    const second = await focused();
    expect(second.role).toBe('treeitem');
    expect(second.id).not.toBe(at.id);
    expect(await page.evaluate(() => document.activeElement === document.querySelectorAll('[data-outline] [role="treeitem"]')[1])).toBe(true);
    await page.keyboard.press('ArrowUp');
    expect((await focused()).id).toBe(at.id);

    // Right on an open item enters its first child, one level deeper.
    if (at.expanded === 'true') {
      await page.keyboard.press('ArrowRight');
      expect((await focused()).level).toBe(at.level + 1);
      await page.keyboard.press('ArrowUp');
      expect((await focused()).id).toBe(at.id);
      // Left on an open item closes it (its children leave the arrow-key order); Right opens it again.
      await page.keyboard.press('ArrowLeft');
      expect(await focused()).toEqual({ ...at, expanded: 'false' });
      await page.keyboard.press('ArrowDown');
      expect((await focused()).level).toBe(at.level);
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('ArrowRight');
      expect(await focused()).toEqual(at);
    }
    // Left on a leaf goes to its parent.
    let leaf = await focused();
    for (let i = 0; i < 40 && (leaf.expanded !== '' || leaf.level < 2); i++) {
      await page.keyboard.press('ArrowDown');
      leaf = await focused();
    }
    if (leaf.expanded === '' && leaf.level >= 2) {
      const parent = await page.evaluate(() => (document.activeElement!.parentElement!.closest('[role="treeitem"]') as HTMLElement).dataset.id);
      await page.keyboard.press('ArrowLeft');
      const up = await focused();
      expect(up.id).toBe(parent);
      expect(up.level).toBe(leaf.level - 1);
    }

    // End goes to the last visible item, Home back to the first.
    await page.keyboard.press('End');
    const last = await focused();
    const lastVisible = await page.evaluate(() => {
      const all = [...document.querySelectorAll<HTMLElement>('[data-outline] [role="treeitem"]')].filter((i) => !i.parentElement?.closest('[aria-expanded="false"]'));
      return all.at(-1)!.dataset.id;
    });
    expect(last.id).toBe(lastVisible);
    await page.keyboard.press('Home');
    expect((await focused()).id).toBe(first);

    // Move to a claim and select it with Enter.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const chosen = await focused();
    const node = nodes.get(chosen.id)!;
    await page.keyboard.press('Enter');
    await page.waitForSelector(`argument-map[data-selected="${chosen.id}"]`);
    expect(await page.locator('[data-panel] .panel-text').textContent()).toBe(node.text);
    expect(await page.locator(`[data-outline] [role="treeitem"][data-id="${chosen.id}"]`).first().getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => page.locator('[data-live]').textContent()).toContain('Selected:');
    // The canvas loaded while Tab went past the map; it shows the same selection.
    await page.waitForSelector('argument-map[data-ready]', { state: 'attached' });
    expect((await canvasState(page))!.selected).toEqual([chosen.id]);
    // Enter took focus to the panel's heading; Escape closes the panel and gives focus back to the item.
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-panel-heading'))).toBe(true);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('argument-map')!.hasAttribute('data-selected'));
    expect((await focused()).id).toBe(chosen.id);
    // Tab now leaves the tree.
    await page.keyboard.press('Tab');
    const after = await focused();
    expect(after.inTree).toBe(false);
    expect(after.tag).not.toBe('body');
    await context.close();
  });
});

describe('without JavaScript', () => {
  it('every summary page and /map/ shows the drawn map and the outline with links', async () => {
    const context = await web.browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
    const page = await context.newPage();
    const maps = [...summaryPages(DIST), fullMapPage(DIST)];
    expect(maps.length).toBeGreaterThan(1);
    for (const map of maps) {
      await page.goto(web.site.url + map.path);
      const svg = page.locator('[data-static] svg');
      expect(await svg.isVisible(), map.path).toBe(true);
      const box = (await svg.boundingBox())!;
      expect(box.width * box.height, map.path).toBeGreaterThan(0);
      expect(await page.locator('[data-static] svg .map-node').count(), map.path).toBe(map.data.view.nodes.length);
      expect(await page.locator('[data-outline]').isVisible(), map.path).toBe(true);
      // Each claim once in full, with a link to its page.
      const links = await page.locator('[data-outline] [role="treeitem"]:not(.is-ref) > .outline-row a[href]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
      expect(new Set(links).size, map.path).toBe(map.data.view.nodes.length);
      for (const link of links) expect(link).toMatch(/^\/claims\/[^/]+\/$/);
      // Controls that need JavaScript stay out of the way.
      expect(await page.locator('[data-controls]').isVisible()).toBe(false);
      // The drawing opens on the claims the map is about (on /map/, its question), not at its top-left corner.
      const focus = map.data.view.nodes.filter((n) => n.focus);
      const wanted = (focus.length ? focus : map.data.view.nodes.filter((n) => n.kind === 'question')).map((n) => n.id);
      const shown = await page.locator('[data-static]').evaluate((el, ids) => {
        const frame = el.getBoundingClientRect();
        return ids.filter((id) => {
          const claim = el.querySelector(`[data-id="${CSS.escape(id)}"]`)!.getBoundingClientRect();
          return claim.left >= frame.left && claim.right <= frame.right && claim.top >= frame.top && claim.bottom <= frame.bottom;
        });
      }, wanted);
      expect(shown.length, `${map.path}: claims it is about in view without JavaScript`).toBeGreaterThan(0);
    }
    await context.close();
  });

  it('every claim permalink shows its text', { timeout: SITE_LOOP_TIMEOUT }, async () => {
    const graph = JSON.parse(readFileSync(path.join(DIST, 'graph.json'), 'utf8')) as { nodes: { id: string; text: string }[] };
    const claimPages = pages.filter((f) => f.startsWith('claims/'));
    expect(claimPages.length).toBe(graph.nodes.length);
    const context = await web.browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
    const byFile = new Map(graph.nodes.map((n) => [`claims/${n.id}/index.html`, n]));
    const wrong: string[] = [];
    await visitAll(context, claimPages, async (page, file) => {
      const node = byFile.get(file);
      if (!node) return void wrong.push(`${file}: no such claim in graph.json`);
      const response = await page.goto(web.site.url + pagePath(file), { waitUntil: 'domcontentloaded' });
      const text = page.locator('.claim-text');
      if (response?.status() !== 200) wrong.push(`${file}: HTTP ${response?.status()}`);
      else if ((await text.textContent()) !== node.text || !(await text.isVisible())) wrong.push(`${file}: claim text missing or different`);
    });
    await context.close();
    expect(wrong).toEqual([]);
  });
});

describe('prefers-reduced-motion: reduce', () => {
  it('still selects through the outline, with nothing in the map section moving', async () => {
    const map = richestSummaryPage(DIST);
    const context = await web.browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(web.site.url + map.path);
    expect(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches)).toBe(true);
    await waitForCanvas(page);
    // Zoomed in, most claims are out of the canvas's view: choosing one in the outline brings it into view.
    const zoom0 = (await canvasState(page))!.zoom;
    await page.locator('[data-canvas]').focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('+');
    await until(() => canvasState(page), (s) => s!.zoom > zoom0 * 2, 'zoomed in');
    // Boxes and the canvas's frame are both read in viewport coordinates, so the frame is read again after any scroll.
    let frame = (await page.locator('[data-canvas]').boundingBox())!;
    const inView = (b: { x: number; y: number; width: number; height: number } | undefined) =>
      b !== undefined && b.x >= frame.x && b.y >= frame.y && b.x + b.width <= frame.x + frame.width && b.y + b.height <= frame.y + frame.height;
    let target: string | undefined;
    for (const n of map.data.view.nodes) if (!inView(await nodeBox(page, n.id))) target = n.id;
    expect(target, 'a claim out of view when zoomed in').toBeDefined();
    const node = map.data.view.nodes.find((n) => n.id === target)!;
    await page.locator('[data-outline] [role="treeitem"]').first().focus();
    await page.getByRole('button', { name: 'Expand all' }).click();
    await page.locator(`[data-outline] [role="treeitem"][data-id="${target}"]:not(.is-ref) > .outline-row`).click();
    await page.waitForSelector(`argument-map[data-selected="${target}"]`);
    expect(await page.locator('[data-panel] .panel-text').textContent()).toBe(node.text);
    // The canvas jumps to the claim at once instead of gliding there.
    frame = (await page.locator('[data-canvas]').boundingBox())!;
    const box = await nodeBox(page, target!);
    expect(inView(box), 'the chosen claim is brought into view at once').toBe(true);
    await frames(page, 10);
    expect(await nodeBox(page, target!)).toEqual(box);
    // Zoom jumps too.
    const zoom = (await canvasState(page))!.zoom;
    await page.getByRole('button', { name: 'Zoom in' }).click();
    const zoomed = await until(() => canvasState(page), (s) => s!.zoom !== zoom, 'zoom');
    await frames(page, 10);
    expect((await canvasState(page))!.zoom).toBe(zoomed!.zoom);
    // No CSS transition or animation anywhere in the map section.
    const moving = await page.evaluate(() => {
      const section = document.querySelector('.map-section')!;
      const out: string[] = [];
      for (const el of [section, ...section.querySelectorAll('*')]) {
        const cs = getComputedStyle(el);
        const durations = `${cs.transitionDuration},${cs.animationDuration}`.split(',').map((d) => parseFloat(d) || 0);
        if (durations.some((d) => d > 0) && (cs.transitionProperty !== 'none' || cs.animationName !== 'none')) out.push(`${el.localName}.${[...el.classList].join('.')}`);
      }
      const running = document.getAnimations().filter((a) => a.effect instanceof KeyframeEffect && a.effect.target && section.contains(a.effect.target));
      return [...out, ...running.map((a) => `animation on ${(a.effect as KeyframeEffect).target!.localName}`)];
    });
    expect(moving).toEqual([]);
    await context.close();
  });
});
