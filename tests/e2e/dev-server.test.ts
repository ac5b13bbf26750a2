/**
 * The dev server a contributor edits MDX with (`npm run dev`), started as on a fresh clone against a copy of the
 * valid fixture: a clean start; a content error printed once, with file:line, claim and hint and no stack trace;
 * the browser's error overlay at the MDX file, line and column; saving the fix clears it. Every wait is on a
 * condition: a line of output, or a state of the page.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyContent, removeContent, startDevServer, waitInPage, type DevServer } from './dev.ts';
import { launchBrowser, ROOT } from './support.ts';

/** Log lines a clean run never prints: errors, warnings, stack frames. */
const NOISE = /\[(ERROR|WARN)\]|^\s+at .+[:(]\d+/m;

/** The overlay's file:line:column ("Open in editor" opens it), or '' while there is no overlay. */
const overlayLocation = () => document.querySelector('vite-error-overlay')?.shadowRoot?.querySelector<HTMLElement>('#code header h2')?.title ?? '';

async function open(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

describe('a dev server on a correct site', () => {
  let browser: Browser;
  let server: DevServer;
  let content: string;
  beforeAll(async () => {
    content = copyContent('tests/fixtures/valid');
    [server, browser] = await Promise.all([startDevServer({ contentRoot: content, freshDependencyCache: true }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    removeContent(content);
  });

  it('starts and serves a page without an error, a warning or a stack trace', async () => {
    const page = await open(browser, `${server.url}other/`);
    // The page's own script has run: Vite has served it, so its dependency scan is over.
    await waitInPage(page, () => customElements.get('argument-map') !== undefined && document.querySelector('[data-outline]') !== null);
    await server.waitFor((out) => /\[200\] \/other\//.test(out), 30_000, 'the page request in the log');
    expect(server.output()).toMatch(/\[argument-graph\] 6 claims, 6 relations, 2 pages/);
    expect(server.output()).not.toMatch(NOISE);
    await page.close();
  });

  it('prints a content error once, shows it in the overlay at the MDX line, and clears it when the fix is saved', async () => {
    const file = path.join(content, 'docs', 'other.mdx');
    const original = readFileSync(file, 'utf8');
    const lines = original.split('\n');
    const line = lines.findIndex((l) => l.includes('supports: [blind-spots]')) + 1;
    const column = lines[line - 1].indexOf('blind-spots') + 1;
    expect(line).toBeGreaterThan(0);
    const page = await open(browser, `${server.url}other/`);
    await waitInPage(page, () => document.querySelector('[data-outline]') !== null);

    const mark = server.output().length;
    writeFileSync(file, original.replace('supports: [blind-spots]', 'supports: [blind-spot]'));
    const relative = path.relative(ROOT, file).split(path.sep).join('/');
    const message = `${relative}:${line} [spectrum] error: \`supports\` points to unknown claim \`blind-spot\``;
    await server.waitFor((out) => out.slice(mark).includes(message), 30_000, 'the content error');
    expect(await waitInPage(page, overlayLocation)).toBe(`${file}:${line}:${column}`);
    // Read in the same wait: the page may reload once more while the error stands, and shows the overlay again.
    const overlay = await waitInPage(page, () => {
      const root = document.querySelector('vite-error-overlay')?.shadowRoot;
      const message = root?.querySelector('#message-content')?.textContent;
      return message ? { message, hint: root!.querySelector('#hint-content')?.textContent, line: root!.querySelector('.error-line')?.textContent } : undefined;
    });
    expect(overlay).toEqual({
      message: '[spectrum] supports points to unknown claim blind-spot',
      hint: 'Did you mean blind-spots?',
      line: lines[line - 1].replace('blind-spots', 'blind-spot'),
    });

    // The fix (with a new claim text to recognise the page it renders).
    writeFileSync(file, original.replace('text: Cooperation varies.', 'text: Cooperation varies by company.'));
    await server.waitFor((out) => out.slice(mark).includes('content fixed'), 30_000, 'the fix to be compiled');
    await waitInPage(page, () => !document.querySelector('vite-error-overlay') && !!document.querySelector('[data-outline]')?.textContent?.includes('Cooperation varies by company.'));
    // Its script has loaded too, long after a stale overlay would have been sent again.
    await waitInPage(page, () => customElements.get('argument-map') !== undefined);
    expect(await page.evaluate(overlayLocation)).toBe('');

    // Between the broken save and the fix: the error once, its hint, no stack trace, nothing else.
    const broken = server.output().slice(mark, server.output().indexOf('content fixed', mark));
    expect(broken.split(message).length - 1).toBe(1);
    expect(broken).toContain(`${message}\n    hint: Did you mean \`blind-spots\`?`);
    expect(broken.replace(/^.*\[ERROR\] \[argument-graph\] 1 content error\(s\):$/m, '')).not.toMatch(NOISE);
    await page.close();
  });
});

describe('a dev server started on a broken site', () => {
  let browser: Browser;
  let server: DevServer;
  let content: string;
  let file: string;
  let original: string;
  beforeAll(async () => {
    content = copyContent('tests/fixtures/valid');
    file = path.join(content, 'docs', 'other.mdx');
    original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace('kind: evidence', 'kind: evidense'));
    [server, browser] = await Promise.all([startDevServer({ contentRoot: content }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    removeContent(content);
  });

  it('prints the error once, shows it on every page, and serves the site once it is fixed', async () => {
    const line = original.split('\n').findIndex((l) => l.includes('kind: evidence')) + 1;
    const page = await open(browser, `${server.url}other/`);
    expect(await waitInPage(page, overlayLocation)).toMatch(new RegExp(`/docs/other\\.mdx:${line}:\\d+$`));
    expect(server.output().match(/unknown kind "evidense"/g)).toHaveLength(1);
    expect(server.output().replace(/^.*\[ERROR\] \[argument-graph\] 1 content error\(s\):$/m, '')).not.toMatch(NOISE);

    writeFileSync(file, original);
    await server.waitFor((out) => out.includes('content fixed'), 30_000, 'the fix to be compiled');
    await waitInPage(page, () => !document.querySelector('vite-error-overlay') && document.querySelector('[data-outline]') !== null);
    await page.close();
  });
});
