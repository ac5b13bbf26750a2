/**
 * "Test your view" in a real Chromium: accepting a claim that attacks a standing or undecided position
 * makes the position fall at once (outline, panel, live region); undoing it restores the label; the
 * choices survive a reload, travel in the URL and are cleared by "Reset choices".
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIST, useBrowserAndSite } from './support.ts';
import { attacksOnLivePositions, fullMapPage, LABEL_WORDS, summaryPages, type MapPage } from './map-page.ts';

const web = useBrowserAndSite();
let map: MapPage;
let attacker: string;
let position: string;
let before: string;

beforeAll(async () => {
  // The richest page that has the situation; the whole map as a fallback.
  const candidates = [...summaryPages(DIST).sort((a, b) => b.data.view.nodes.length - a.data.view.nodes.length), fullMapPage(DIST)];
  for (const candidate of candidates) {
    const [found] = attacksOnLivePositions(candidate.data);
    if (!found) continue;
    map = candidate;
    ({ attacker, position } = found);
    before = LABEL_WORDS[found.label];
    break;
  }
  if (!map) throw new Error('no map has a claim attacking a position labelled IN or UNDEC');
});

const item = (page: Page, id: string) => page.locator(`[data-outline] [role="treeitem"][data-id="${id}"]:not(.is-ref)`);
const badge = (page: Page, id: string) => item(page, id).locator('> .outline-row [data-label]');
const nameOf = (id: string) => map.data.view.nodes.find((n) => n.id === id)!;
const choices = (page: Page) => page.evaluate(() => JSON.parse(localStorage.getItem('argument-map:choices') ?? '{}') as Record<string, string>);

async function selectInOutline(page: Page, id: string) {
  await item(page, id).locator('> .outline-row').click();
  await page.waitForSelector(`argument-map[data-selected="${id}"]`);
  expect(await page.locator('[data-panel] .panel-text').textContent()).toBe(nameOf(id).text);
}

describe('Test your view', () => {
  it('makes an attacked position fall when its attacker is accepted, and undoes it', async () => {
    const context = await web.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(web.site.url + map.path);
    const toggle = page.getByRole('button', { name: 'Test your view' });
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => badge(page, position).textContent()).toBe(before);
    expect(await badge(page, position).isVisible()).toBe(true);
    await expect.poll(() => page.locator('[data-live]').textContent()).toMatch(/Testing your view/);

    await selectInOutline(page, attacker);
    const panel = page.locator('[data-panel]');
    expect(await panel.getByRole('radio', { name: 'No view yet' }).isChecked()).toBe(true);
    await panel.getByRole('radio', { name: 'Accept' }).check();
    // At once: the outline badge, the live region, the URL and the stored choices.
    await expect.poll(() => badge(page, position).textContent(), { timeout: 2_000 }).toBe(LABEL_WORDS.OUT);
    await expect.poll(() => page.locator('[data-live]').textContent(), { timeout: 2_000 }).toMatch(/^\d+ labels? changed\./);
    expect(await badge(page, attacker).textContent()).toBe(LABEL_WORDS.IN);
    expect(await panel.getByRole('radio', { name: 'Accept' }).isChecked()).toBe(true);
    expect(new URL(page.url()).hash).toMatch(new RegExp(`accept=([^&]*,)?${attacker}(,|&|$)`));
    expect(await choices(page)).toEqual({ [attacker]: 'accepted' });

    // The panel of the position says so too, names the accepted attacker, and shows its strength when weighed.
    await selectInOutline(page, position);
    expect(await panel.locator('.panel-label strong').textContent()).toBe(LABEL_WORDS.OUT);
    expect(await panel.locator('.panel-label').textContent()).toContain(nameOf(attacker).lines.join(' ').slice(0, 20));
    const strength = (await panel.locator('.panel-strength').textContent())!.replace(/\s+/g, ' ');
    const [, band, number] = /^Strength when weighed: (very weak|weak|balanced|strong|very strong) \((\d\.\d\d)\)$/.exec(strength) ?? [];
    expect(band, strength).toBeDefined();
    // The meter shows the same number the words give.
    expect(await panel.locator('.panel-strength meter').evaluate((m: HTMLMeterElement) => m.value.toFixed(2))).toBe(number);

    // Undecided again: the position gets its label back.
    await selectInOutline(page, attacker);
    await panel.getByRole('radio', { name: 'No view yet' }).check();
    await expect.poll(() => badge(page, position).textContent(), { timeout: 2_000 }).toBe(before);
    expect(new URL(page.url()).hash).not.toMatch(/accept=/);
    expect(await choices(page)).toEqual({});
    await selectInOutline(page, position);
    expect(await panel.locator('.panel-label strong').textContent()).toBe(before);
    await context.close();
  });

  it('keeps the choices over a reload and in the URL; Reset choices clears them', async () => {
    const context = await web.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(web.site.url + map.path);
    await page.getByRole('button', { name: 'Test your view' }).click();
    await selectInOutline(page, attacker);
    await page.locator('[data-panel]').getByRole('radio', { name: 'Accept' }).check();
    await expect.poll(() => badge(page, position).textContent()).toBe(LABEL_WORDS.OUT);
    const shared = page.url();
    expect(new URL(shared).hash).toContain(`accept=${attacker}`);

    // Reload without the hash: the choices come back from localStorage, with the mode on.
    await page.goto(web.site.url + map.path);
    expect(new URL(page.url()).hash).toBe('');
    await expect.poll(() => page.getByRole('button', { name: 'Test your view' }).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => badge(page, position).textContent()).toBe(LABEL_WORDS.OUT);

    // The URL alone restores them in a fresh browser profile.
    const fresh = await web.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const other = await fresh.newPage();
    await other.goto(shared);
    await expect.poll(() => other.getByRole('button', { name: 'Test your view' }).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => badge(other, position).textContent()).toBe(LABEL_WORDS.OUT);
    expect(await other.locator('[data-panel] .panel-text').textContent()).toBe(nameOf(attacker).text);
    expect(await other.locator('[data-panel]').getByRole('radio', { name: 'Accept' }).isChecked()).toBe(true);
    await fresh.close();

    // Reset choices: labels as mapped, nothing in the URL or in storage.
    const reset = page.getByRole('button', { name: 'Reset choices' });
    expect(await reset.isVisible()).toBe(true);
    await reset.click();
    await expect.poll(() => badge(page, position).textContent()).toBe(before);
    expect(new URL(page.url()).hash).not.toMatch(/accept=|reject=/);
    expect(await choices(page)).toEqual({});
    await page.reload();
    await page.waitForFunction(() => customElements.get('argument-map') !== undefined);
    expect(await page.getByRole('button', { name: 'Test your view' }).getAttribute('aria-pressed')).toBe('false');
    await context.close();
  });
});
