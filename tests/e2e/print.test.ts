/**
 * Print and the A4 downloads, in the built site (dist/): a summary page, the whole map and a claim page print
 * without controls, with the static drawing (not the canvas) as wide as an A4 landscape page and labels of 9 pt
 * or more, the outline fully open and the addresses of outside links; the PDFs Chromium makes put the drawing
 * on landscape pages. The SVG and PNG downloads are sized for A4 landscape with no text under 9 pt.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { MM_PER_PT, pngInfo } from '../../src/lib/a4.ts';
import { fullMapPage, richestSummaryPage, waitForCanvas } from './map-page.ts';
import { DIST, useBrowserAndSite } from './support.ts';

const web = useBrowserAndSite();
/** CSS pixels per millimetre. */
const PX_PER_MM = 96 / 25.4;
/** A4 landscape less 10 mm margins. */
const LANDSCAPE_WIDTH_MM = 277;
const LANDSCAPE_HEIGHT_MM = 190;

/** What the print layout shows: the controls still visible, the drawing's size and text sizes, the outline. */
function printLayout(page: Page) {
  return page.evaluate(() => {
    const visible = (e: Element) => (e as HTMLElement).checkVisibility();
    const svg = document.querySelector<SVGSVGElement>('[data-static] svg')!;
    const [, , width] = svg.getAttribute('viewBox')!.split(/\s+/).map(Number);
    const scale = svg.getBoundingClientRect().width / width;
    const size = (selector: string) => Math.min(...[...svg.querySelectorAll(selector)].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale));
    return {
      controls: [...document.querySelectorAll('button, input, select, textarea, [role="toolbar"], site-search, starlight-theme-select, nav.sidebar, .pagination-links, header')]
        .filter(visible)
        .map((e) => e.outerHTML.slice(0, 80)),
      staticShown: visible(svg),
      canvasShown: visible(document.querySelector('[data-canvas]')!),
      svgWidthPx: svg.getBoundingClientRect().width,
      labelPx: size('.map-label'),
      tagPx: size('.map-tag'),
      hiddenTreeItems: [...document.querySelectorAll('[role="treeitem"]')].filter((e) => !visible(e)).length,
      treeItems: document.querySelectorAll('[role="treeitem"]').length,
      svgHeightMm: svg.getBoundingClientRect().height / (96 / 25.4),
    };
  });
}

/** Pages of a PDF Chromium made: how many, and how many are landscape. */
function pdfPages(pdf: Buffer) {
  const text = pdf.toString('latin1');
  const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
  return { pages: (text.match(/\/Type\s*\/Page\b/g) ?? []).length, landscape: boxes.filter(([w, h]) => w > h).length };
}

describe('printing', () => {
  const pages = () => [richestSummaryPage(DIST).path, fullMapPage(DIST).path, `claims/${richestSummaryPage(DIST).data.view.nodes.find((n) => n.focus && n.kind === 'claim')!.id}/`];

  it('shows no controls, the static drawing 277 mm wide with labels and tags of 9 pt or more, and the whole outline', async () => {
    const context = await web.browser.newContext({ viewport: { width: Math.round(LANDSCAPE_WIDTH_MM * PX_PER_MM), height: 800 } });
    const page = await context.newPage();
    for (const path of pages()) {
      await page.goto(`${web.site.url}${path}`);
      await waitForCanvas(page); // the canvas has taken the static drawing's place on screen
      await page.emulateMedia({ media: 'print' });
      const layout = await printLayout(page);
      expect(layout.controls, path).toEqual([]);
      expect([layout.staticShown, layout.canvasShown], path).toEqual([true, false]);
      expect(layout.svgWidthPx / PX_PER_MM, path).toBeCloseTo(LANDSCAPE_WIDTH_MM, 0);
      // CSS px to pt: 0.75.
      expect(layout.labelPx * 0.75, path).toBeGreaterThanOrEqual(9);
      expect(layout.tagPx * 0.75, path).toBeGreaterThanOrEqual(9);
      expect(layout.treeItems, path).toBeGreaterThan(0);
      expect(layout.hiddenTreeItems, path).toBe(0);
      await page.emulateMedia({ media: 'screen' });
    }
    await context.close();
  });

  it('prints the addresses of links to other sites', async () => {
    const page = await web.browser.newPage();
    await page.goto(`${web.site.url}sources/`);
    await page.emulateMedia({ media: 'print' });
    const after = await page.evaluate(() => {
      const a = document.querySelector<HTMLAnchorElement>('.sl-markdown-content a[href^="http"]')!;
      return { href: a.getAttribute('href'), content: getComputedStyle(a, '::after').content };
    });
    expect(after.content).toBe(`" (${after.href})"`);
    await page.close();
  });

  it('makes A4 PDFs whose drawing is on landscape pages, as many as its height needs', async () => {
    const page = await web.browser.newPage();
    for (const path of pages()) {
      await page.goto(`${web.site.url}${path}`);
      await page.emulateMedia({ media: 'print' });
      const { svgHeightMm } = await printLayout(page);
      const pdf = pdfPages(await page.pdf({ format: 'A4', preferCSSPageSize: true }));
      const needed = Math.ceil(svgHeightMm / LANDSCAPE_HEIGHT_MM);
      // The legend may follow the drawing onto one more landscape page.
      expect(pdf.landscape, path).toBeGreaterThanOrEqual(needed);
      expect(pdf.landscape, path).toBeLessThanOrEqual(needed + 1);
      expect(pdf.pages, path).toBeGreaterThan(pdf.landscape);
    }
    await page.close();
  });
});

describe('downloads sized for A4 landscape', () => {
  it('give an SVG 277 mm wide in print colours and a 200 dpi PNG of the same, with no text under 9 pt', async () => {
    const map = fullMapPage(DIST);
    const context = await web.browser.newContext({ acceptDownloads: true });
    // The dark theme on screen: the downloads still use the light palette, for paper.
    await context.addInitScript(() => localStorage.setItem('starlight-theme', 'dark'));
    const page = await context.newPage();
    await page.goto(`${web.site.url}${map.path}`);
    const download = async (kind: 'svg' | 'png') => {
      const menu = page.locator('details.map-menu', { has: page.locator('summary', { hasText: 'Download' }) });
      if ((await menu.getAttribute('open')) === null) await menu.locator('summary').click();
      const [file] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-action="download-${kind}"]`).click()]);
      return readFileSync((await file.path())!);
    };

    const svg = (await download('svg')).toString('utf8');
    const width = /<svg[^>]* width="([\d.]+)mm"/.exec(svg)?.[1];
    const height = /<svg[^>]* height="([\d.]+)mm"/.exec(svg)?.[1];
    const [, , vbWidth, vbHeight] = /viewBox="([^"]+)"/.exec(svg)![1].split(/\s+/).map(Number);
    expect(Number(width)).toBeCloseTo(LANDSCAPE_WIDTH_MM, 0);
    expect(Number(height) / Number(width)).toBeCloseTo(vbHeight / vbWidth, 3);
    const mmPerUnit = Number(width) / vbWidth;
    const textSizes = [...svg.matchAll(/<text[^>]*style="[^"]*font-size: ?([\d.]+)px/g)].map((m) => Number(m[1]));
    expect(textSizes.length).toBeGreaterThan(map.data.view.nodes.length);
    expect((Math.min(...textSizes) * mmPerUnit) / MM_PER_PT).toBeGreaterThanOrEqual(9);
    expect(svg).toMatch(/Scale: 277 mm wide, for A4 landscape/);
    // Dark text on a light background, whatever the screen's theme.
    const fill = /<text class="map-label"[^>]*style="[^"]*fill: ?rgb\((\d+), (\d+), (\d+)\)/.exec(svg)!.slice(1).map(Number);
    expect(Math.max(...fill)).toBeLessThan(100);

    const png = pngInfo(new Uint8Array(await download('png')));
    expect(png.dpi).toBeCloseTo(200, 0);
    expect((png.width / png.dpi!) * 25.4).toBeCloseTo(LANDSCAPE_WIDTH_MM, 0);
    expect(png.height / png.width).toBeCloseTo(vbHeight / vbWidth, 2);
    // A 12.5-unit label, in pixels of this PNG, printed at its density.
    const labelPx = (12.5 * png.width) / vbWidth;
    expect((labelPx / png.dpi!) * 72).toBeGreaterThanOrEqual(9);
    await context.close();
  });
});
