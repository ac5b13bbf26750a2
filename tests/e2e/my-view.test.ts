/**
 * "My view", the student's hand-in, in the built site (dist/): choices made on the map and reasons typed in the
 * dialog become a one-page printout and a Markdown file with the same content; the share link restores the
 * choices in a fresh browser; the reasons stay on the device; the dialog is on every kind of map, fits a
 * 360 px screen, and passes axe in both themes.
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axe, LABEL_WORDS, richestSummaryPage, until } from './map-page.ts';
import { DIST, useBrowserAndSite } from './support.ts';

const web = useBrowserAndSite();

async function context(theme: 'light' | 'dark' = 'light', viewport = { width: 1280, height: 900 }): Promise<BrowserContext> {
  const c = await web.browser.newContext({ viewport, acceptDownloads: true });
  await c.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
  return c;
}

/** Open the claim's details from the outline and choose Accept or Reject in the panel. */
async function choose(page: Page, id: string, choice: 'Accept' | 'Reject') {
  await page.locator(`[role="treeitem"]:not(.is-ref)[data-id="${id}"] > .outline-row`).first().click();
  await page.locator('.panel-choice label', { hasText: choice }).click();
  await until(() => page.evaluate(() => location.hash), (h) => h.includes(id), `the address to carry ${id}`);
}

async function openMyView(page: Page) {
  await page.locator('[data-my-view-open]').click();
  await page.waitForSelector('dialog.my-view[open]');
  await until(() => page.evaluate(() => document.activeElement?.id), (id) => id === 'my-view-heading', 'focus on the dialog’s heading');
}

/** Markdown as plain words: escapes, emphasis, list and quote markers and link brackets removed, spaces collapsed. */
const plain = (md: string) =>
  md
    .replace(/\\([\\`*_[\]<>#|])/g, '$1')
    .replace(/\*\*/g, '')
    .replace(/<(https?:[^>]+)>/g, '$1')
    .replace(/^\s*(?:> |>$|- |\d+\. |#+ )/gm, '')
    .replace(/\s+/g, ' ')
    .trim();
const words = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('My view', () => {
  const map = richestSummaryPage(DIST);
  // Two claims of the page with a label to change: a claim or piece of evidence, not a question or framing.
  const [first, second] = map.data.view.nodes.filter((n) => n.focus && (n.kind === 'claim' || n.kind === 'evidence') && map.data.labels[n.id]);

  it('turns choices and reasons into a one-page printout and a Markdown file with the same content, and a link that restores the view', async () => {
    const c = await context();
    const page = await c.newPage();
    await page.goto(`${web.site.url}${map.path}`);
    await page.locator('[data-action="evaluate"]').click();
    await page.locator('[data-action="expand-outline"]').click();
    await choose(page, first.id, 'Accept');
    await choose(page, second.id, 'Reject');
    await page.keyboard.press('Escape');
    await openMyView(page);
    const dialog = page.locator('dialog.my-view');
    // Every label is explained in one line.
    for (const words of Object.values(LABEL_WORDS)) await expect(dialog.locator('.my-view-meanings li', { hasText: words }).count()).resolves.toBe(1);
    const items = dialog.locator('.my-view-choices > li');
    await expect(items.count()).resolves.toBe(2);
    const reasons = ['It is the officer’s own experience.\nHe would know.', 'A comparison is <not> *evidence*.'];
    await dialog.getByLabel('Why do you accept it?').fill(reasons[0]);
    await dialog.getByLabel('Why do you reject it?').fill(reasons[1]);

    // Print: only the summary prints, on one A4 page.
    await page.evaluate(() => {
      window.print = () => void ((window as unknown as { printed: string }).printed = document.documentElement.dataset.print ?? '');
    });
    await dialog.getByRole('button', { name: 'Print (one page)' }).click();
    expect(await page.evaluate(() => (window as unknown as { printed?: string }).printed)).toBe('my-view');
    await page.emulateMedia({ media: 'print' });
    const shown = await page.evaluate(() => ({
      sheet: document.querySelector<HTMLElement>('.my-view-print')?.checkVisibility() ?? false,
      page: document.querySelector<HTMLElement>('.page')!.checkVisibility(),
      dialog: document.querySelector<HTMLElement>('dialog.my-view')!.checkVisibility(),
    }));
    expect(shown).toEqual({ sheet: true, page: false, dialog: false });
    const printed = await page.locator('.my-view-print').innerText();
    const blocks = await page.locator('.my-view-print').evaluate((sheet) => [...sheet.querySelectorAll('h1, h2, p, blockquote, ul > li')].map((e) => (e as HTMLElement).innerText));
    // (Printing ends with the printout gone: the page's "afterprint" removes it.)
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    expect((pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length).toBe(1);
    // After printing the page is itself again.
    expect(await page.evaluate(() => [document.documentElement.dataset.print, document.querySelector('.my-view-print')])).toEqual([undefined, null]);
    await page.emulateMedia({ media: 'screen' });
    for (const node of [first, second]) expect(printed).toContain(node.lines.join(' '));
    expect(printed).toContain(`I accept: ${first.lines.join(' ')}`);
    expect(printed).toContain(`I reject: ${second.lines.join(' ')}`);
    for (const reason of reasons) expect(words(printed)).toContain(words(reason));

    // Markdown: the same blocks of text as the printout.
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download as Markdown' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^my-view-[a-z0-9-]+\.md$/);
    const markdown = readFileSync((await download.path())!, 'utf8');
    expect(blocks.length).toBeGreaterThan(12);
    const missing = blocks.map(words).filter((block) => !plain(markdown).includes(block));
    expect(missing).toEqual([]);
    expect(markdown).toContain('A comparison is \\<not\\> \\*evidence\\*.');

    // The share link carries the choices; in a fresh browser it restores them, labels and all.
    const link = await dialog.locator('#my-view-link').inputValue();
    expect(link).toMatch(new RegExp(`#accept=${first.id}&reject=${second.id}$`));
    await c.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(web.site.url).origin });
    await dialog.getByRole('button', { name: 'Copy link' }).click();
    await until(() => dialog.locator('[data-my-view-status]').textContent(), (t) => t?.startsWith('Link copied') ?? false, 'the copy to be confirmed');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

    const fresh = await context();
    const other = await fresh.newPage();
    await other.goto(link);
    await until(() => other.locator('[data-action="evaluate"]').getAttribute('aria-pressed'), (v) => v === 'true', '“Test your view” on');
    const label = (id: string) => other.locator(`[role="treeitem"]:not(.is-ref)[data-id="${id}"] > .outline-row [data-label]`).textContent();
    await until(() => label(first.id), (t) => t === LABEL_WORDS.IN, 'the accepted claim to stand');
    await until(() => label(second.id), (t) => t === LABEL_WORDS.OUT, 'the rejected claim to fall');
    await openMyView(other);
    await expect(other.locator('.my-view-choices > li').count()).resolves.toBe(2);
    // The reasons stayed on the first device.
    await expect(other.getByLabel('Why do you accept it?').inputValue()).resolves.toBe('');
    await fresh.close();

    // …where they survive a reload.
    await page.reload();
    await openMyView(page);
    await expect(page.getByLabel('Why do you accept it?').inputValue()).resolves.toBe(reasons[0]);
    await c.close();
  });

  it('is on the whole map and on claim pages, says when nothing is chosen, and fits a 360 px screen', async () => {
    const c = await context('dark', { width: 360, height: 780 });
    const page = await c.newPage();
    for (const path of ['map/', `claims/${first.id}/`]) {
      await page.goto(`${web.site.url}${path}`);
      await openMyView(page);
      await expect(page.locator('.my-view-empty').isVisible()).resolves.toBe(true);
      const overflow = await page.evaluate(() => {
        const dialog = document.querySelector('dialog.my-view')!;
        return { page: document.documentElement.scrollWidth - document.documentElement.clientWidth, dialog: dialog.scrollWidth - dialog.clientWidth, right: dialog.getBoundingClientRect().right - innerWidth };
      });
      expect(overflow.page, path).toBeLessThanOrEqual(0);
      expect(overflow.dialog, path).toBeLessThanOrEqual(0);
      expect(overflow.right, path).toBeLessThanOrEqual(0);
      await page.keyboard.press('Escape');
      await until(() => page.locator('dialog.my-view').getAttribute('open'), (v) => v === null, 'the dialog to close on Escape');
      // Focus goes back to the button that opened it.
      expect(await page.evaluate(() => document.activeElement?.matches('[data-my-view-open]'))).toBe(true);
    }
    await c.close();
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`passes axe with the dialog open and a choice in it (${theme})`, async () => {
      const c = await context(theme);
      const page = await c.newPage();
      await page.goto(`${web.site.url}${map.path}#accept=${first.id}`);
      await until(() => page.locator('[data-action="evaluate"]').getAttribute('aria-pressed'), (v) => v === 'true', '“Test your view” on');
      await openMyView(page);
      await page.getByLabel('Why do you accept it?').fill('Because.');
      expect(await axe(page, `${theme} My view`)).toEqual([]);
      await c.close();
    });
  }
});
