/**
 * Untrusted text is text. The injection fixture puts script, image, `javascript:` and attribute-breaking
 * payloads in every field a contributor writes (claim text, label, note, quote, relation notes, actor
 * name/role/description, source title/publisher/note, page title and description, including titles that try to
 * close `<title>`), and `npm run import` brings in a hostile Argdown, AIF and Kialo file (`imports/`) on top. The
 * built site must show them literally and never run them: in every page, with the canvas loaded, a claim's panel
 * open, a search shown and evaluate mode on (a MutationObserver and a trap on `window.__pwned`, installed before
 * the page parses, see every element created and every payload run); and the exports must carry them as data.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ArgdownApplication, DataPlugin, ModelPlugin, ParserPlugin, type IArgdownRequest } from '@argdown/core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, htmlPages, launchBrowser, pagePath, ROOT, serve, type Served } from './support.ts';



const FIXTURE = path.join(ROOT, 'tests/fixtures/injection');

/** The payloads the fixture uses, verbatim. */
const PAYLOADS = {
  script: '<script>window.__pwned=1</script>',
  img: '<img src=x onerror="window.__pwned=1">',
  js: 'javascript:window.__pwned=1',
  attrDouble: '" onmouseover="window.__pwned=1',
  attrSingle: "'><svg onload=window.__pwned=1>",
};

/** The claim whose panel the test opens on pages that show it. */
const PAYLOAD_CLAIM = 'blind-spots';

let outDir = '';
let served: Served;
let browser: Browser;

/** The hostile files `npm run import` brings into the fixture before the build. */
const IMPORTS = readdirSync(path.join(FIXTURE, 'imports')).sort();
/** Page titles the fixture and the imports set, each of which tries to close `<title>`. */
const HOSTILE_TITLE = '</title><script>window.__pwned=1</script><title>';

let workDir = '';

beforeAll(async () => {
  // Inside the project: Astro puts a build's server chunks in <cwd>/.astro when the out dir is outside the
  // working directory, where a concurrent build would overwrite them.
  mkdirSync(path.join(ROOT, '.cache'), { recursive: true });
  workDir = mkdtempSync(path.join(ROOT, '.cache/e2e-injection-'));
  // A copy of the fixture (with the valid fixture beside it: the article text is `../valid/sources/article.txt`).
  const content = path.join(workDir, 'injection');
  cpSync(FIXTURE, content, { recursive: true });
  cpSync(path.join(ROOT, 'tests/fixtures/valid'), path.join(workDir, 'valid'), { recursive: true });
  for (const file of IMPORTS) {
    const run = spawnSync(process.execPath, ['scripts/import.ts', path.join(FIXTURE, 'imports', file), '--content', content], { cwd: ROOT, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`npm run import ${file} failed:\n${run.stdout}\n${run.stderr}`);
  }
  const build = buildSite({ contentRoot: content, outDir: path.join(workDir, 'dist') });
  outDir = build.outDir;
  if (build.status !== 0) throw new Error(`The injection fixture did not build:\n${build.output.slice(-4000)}`);
  served = await serve(outDir);
  browser = await launchBrowser();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('client scripts never parse markup', () => {
  it('no file in src/scripts uses innerHTML, outerHTML, insertAdjacentHTML or other HTML parsers', () => {
    const dir = path.join(ROOT, 'src/scripts');
    const offending: string[] = [];
    for (const name of readdirSync(dir).filter((f) => /\.[cm]?[jt]sx?$/.test(f))) {
      // Comments may mention the sinks (to forbid them); blank them out, keeping line numbers.
      const code = readFileSync(path.join(dir, name), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '))
        .replace(/(^|[^:])\/\/.*$/gm, '$1');
      code.split('\n').forEach((line, i) => {
        // Assignment (`.innerHTML =`), property bags (`{ innerHTML: … }` into Object.assign) and calls alike.
        if (/\b(innerHTML|outerHTML|insertAdjacentHTML|createContextualFragment|DOMParser|srcdoc)\b|document\.write/.test(line)) {
          offending.push(`src/scripts/${name}:${i + 1}: ${line.trim()}`);
        }
      });
    }
    expect(offending, 'build DOM with el()/textContent; content text must never be parsed as HTML').toEqual([]);
  });

  it('set:html is used only for markup the site escapes itself', () => {
    // Each entry: file → number of `set:html` uses reviewed (MapSection: the escaped SVG and the `<`-escaped JSON).
    const allowed: Record<string, number> = { 'src/components/MapSection.astro': 2 };
    const found: Record<string, number> = {};
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name.endsWith('.astro')) {
          const n = (readFileSync(full, 'utf8').match(/set:html/g) ?? []).length;
          if (n) found[path.relative(ROOT, full).split(path.sep).join('/')] = n;
        }
      }
    };
    walk(path.join(ROOT, 'src'));
    expect(found, 'a new set:html needs review: does every content string in it go through escapeXml?').toEqual(allowed);
  });
});

interface PageReport {
  page: string;
  problems: string[];
}

/** A payload that ran would most likely open an alert: record every dialog as a problem and dismiss it. */
function reportDialogs(page: Page, problems: string[]): void {
  page.on('dialog', (dialog) => {
    problems.push(`a ${dialog.type()} dialog fired: ${dialog.message()}`);
    void dialog.dismiss();
  });
}

/**
 * Before any of the page parses: trap `window.__pwned` (every payload sets it) and watch every element the parser
 * or a script creates, so an element that exists only for a moment, or a payload that runs and cleans up, is seen.
 * `injectionLog()` reads what was seen.
 */
async function watchInjections(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __injectionLog: string[] }).__injectionLog = seen;
    Object.defineProperty(window, '__pwned', {
      configurable: false,
      get: () => undefined,
      set: (value) => void seen.push(`a payload ran: window.__pwned was set to ${String(value)}`),
    });
    const check = (el: Element) => {
      const handlers = el.getAttributeNames().filter((a) => /^on/i.test(a));
      if (handlers.length) seen.push(`<${el.localName}> was created with ${handlers.map((h) => `${h}="${el.getAttribute(h)}"`).join(' ')}`);
      if (el.localName === 'script' && /__pwned/.test(el.textContent ?? '') && !/json/.test(el.getAttribute('type') ?? '')) seen.push('a <script> with the payload was created');
      if (el.localName === 'img' && el.getAttribute('src') === 'x') seen.push('an <img src=x> was created');
      const href = el.getAttribute('href') ?? el.getAttribute('xlink:href') ?? '';
      if (/^\s*javascript:/i.test(href) && href.includes('__pwned')) seen.push(`<${el.localName}> was created with href="${href}"`);
    };
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (node instanceof Element) [node, ...node.querySelectorAll('*')].forEach(check);
        }
      }
    }).observe(document, { childList: true, subtree: true });
  });
}

const injectionLog = (page: Page): Promise<string[]> => page.evaluate(() => (window as unknown as { __injectionLog?: string[] }).__injectionLog ?? ['the watcher did not run']);

/**
 * Wait until the page has loaded and every image on it has loaded or failed, then let one more task run: the
 * load and error events of those images (where an injected handler would run) are queued as tasks.
 */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.readyState === 'complete' && [...document.images].every((img) => img.complete));
  await page.evaluate(() => new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  }));
}

/** What the page's DOM must never contain once the payloads have been rendered. */
async function scanDom(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    if ((window as unknown as { __pwned?: unknown }).__pwned !== undefined) problems.push('window.__pwned was set');
    for (const el of document.querySelectorAll('*')) {
      for (const attr of el.getAttributeNames()) {
        if (/^on/i.test(attr)) problems.push(`<${el.localName}> has an event-handler attribute ${attr}="${el.getAttribute(attr)}"`);
        // Any javascript: URL carrying the payload, and any javascript: link at all (Pagefind's own search form
        // has action="javascript:void(0);", which is not content).
        const url = el.getAttribute(attr) ?? '';
        const jsUrl = /^(href|src|xlink:href|action|formaction)$/i.test(attr) && /^\s*javascript:/i.test(url);
        if (jsUrl && (url.includes('__pwned') || el.localName === 'a' || el.localName === 'area' || el.localName === 'iframe')) {
          problems.push(`<${el.localName}> has ${attr}="${el.getAttribute(attr)}"`);
        }
      }
      if (el.localName === 'script' && !/json/.test(el.getAttribute('type') ?? '') && el.textContent?.includes('__pwned')) {
        problems.push('an executable <script> contains the payload');
      }
      if (el.localName === 'img' && el.getAttribute('src') === 'x') problems.push('an <img src=x> element was created');
      if (el.localName === 'svg' && el.closest('[data-static]') === null && el.hasAttribute('onload')) problems.push('an injected <svg onload> exists');
    }
    return problems;
  });
}

describe('the injection fixture renders payloads as text', () => {
  it('every page: canvas, panel, search and evaluate mode never run a payload', async () => {
    const reports: PageReport[] = [];
    const pages = htmlPages(outDir);
    expect(pages.length).toBeGreaterThan(8);
    // Claim texts from the site's own graph export: pages leave full texts out of their map data (the outline has them).
    const graphExport: { nodes: { id: string; text: string }[] } = await (await fetch(`${served.url}graph.json`)).json();
    const textOf = new Map(graphExport.nodes.map((n) => [n.id, n.text]));
    for (const file of pages) {
      const problems: string[] = [];
      const context = await browser.newContext();
      const page = await context.newPage();
      reportDialogs(page, problems);
      await watchInjections(page);
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      const url = `${served.url}${pagePath(file)}`;
      await page.goto(url, { waitUntil: 'load' });

      const hasMap = (await page.locator('argument-map').count()) > 0;
      if (hasMap) {
        // Load the canvas: it loads when the stage scrolls into view.
        await page.locator('[data-stage]').scrollIntoViewIfNeeded();
        await page.locator('[data-canvas]').waitFor({ state: 'visible', timeout: 20_000 });

        // Open the panel of the payload claim (or of the page's first claim) from the outline.
        const data = await page.evaluate(() => JSON.parse(document.querySelector('[data-map-json]')!.textContent!));
        const nodes: { id: string; kind: string; voice?: string; text: string; lines: string[]; focus: boolean }[] = data.view.nodes.map((n: { id: string }) => ({ ...n, text: textOf.get(n.id) }));
        const claimPageId = /^claims\/([^/]+)\//.exec(file)?.[1];
        const wanted = claimPageId ?? (nodes.some((n) => n.id === PAYLOAD_CLAIM) ? PAYLOAD_CLAIM : nodes[0].id);
        const node = nodes.find((n) => n.id === wanted)!;
        await page.locator(`[data-outline] li[data-id="${wanted}"]:not(.is-ref) > .outline-row .outline-text`).first().click();
        const panel = page.locator('[data-panel]');
        await panel.waitFor({ state: 'visible' });
        const panelText = await panel.locator('.panel-text').textContent();
        if (panelText !== node.text) problems.push(`panel text ${JSON.stringify(panelText)} is not the claim text ${JSON.stringify(node.text)}`);
        const outlineText = await page.locator(`[data-outline] li[data-id="${wanted}"]:not(.is-ref) > .outline-row .outline-text`).first().textContent();
        if (outlineText?.trim() !== node.text) problems.push(`outline text ${JSON.stringify(outlineText)} is not the claim text`);
        if (wanted === PAYLOAD_CLAIM) {
          // The claim's text, label (in relation sentences) and note carry payloads: all shown verbatim.
          for (const [where, locator] of [
            ['outline', page.locator('[data-outline]')],
            ['panel', panel],
          ] as const) {
            const hits = locator.getByText(PAYLOADS.script, { exact: false });
            if ((await hits.count()) === 0) problems.push(`the ${where} does not show ${PAYLOADS.script} as text`);
            else if (!(await hits.first().isVisible())) problems.push(`the ${where} has ${PAYLOADS.script} but not visibly`);
          }
          if ((await panel.getByText(`Note: ${PAYLOADS.attrDouble}`, { exact: false }).count()) === 0) problems.push('the panel does not show the note verbatim');
          if ((await panel.getByText(PAYLOADS.img, { exact: false }).count()) === 0) problems.push('the panel does not show the related claim’s payload verbatim');
        }
        await panel.hover();

        // Search for a payload word: results must show the labels as text.
        const search = page.locator('[data-search]');
        await search.fill('pwned');
        const results = page.locator('[data-search-results]');
        await results.waitFor({ state: 'visible' });
        const resultTexts = await results.locator('button').allTextContents();
        const expected = nodes.filter((n) => n.lines.join(' ').includes('pwned') || n.text.includes('pwned')).length;
        if (resultTexts.length !== Math.min(8, expected)) problems.push(`search for "pwned" shows ${resultTexts.length} results, expected ${Math.min(8, expected)}`);
        // Labels are broken into map lines, which can split a long word: compare without the breaks.
        if (!resultTexts.some((t) => /[<>"']/.test(t) && t.replace(/\s+/g, '').includes('__pwned'))) problems.push(`search results do not show payload characters literally: ${JSON.stringify(resultTexts)}`);
        await results.locator('button').first().hover();
        await results.locator('button').first().click();
        await panel.waitFor({ state: 'visible' });

        // Evaluate mode: labels and explanations (which quote claim labels) appear, still as text. A choice is
        // offered on a claim that gets a label (not on a question or the writer's framing): choose such a claim.
        await page.locator('[data-action="evaluate"]').click();
        await expectAttribute(page, '[data-action="evaluate"]', 'aria-pressed', 'true');
        const weighed = nodes.find((n) => data.labels[n.id]);
        if (weighed) {
          await page.evaluate((id) => (document.querySelector('argument-map') as unknown as { select(id: string): void }).select(id), weighed.id);
          await page.waitForSelector(`argument-map[data-selected="${weighed.id}"]`);
          const accept = panel.locator('.panel-choice input[value="accepted"]');
          await accept.waitFor({ state: 'visible' });
          await accept.check();
          await page.locator('.panel-choice input[value="accepted"]:checked').waitFor();
        }
        const explanation = await panel.locator('.panel-label').textContent();
        if (!explanation?.trim()) problems.push('evaluate mode shows no explanation');
        const shownLabels = await page.locator('[data-outline] [data-label]:not([hidden])').count();
        // Questions and the writer's framing get no label; any other claim on the map does.
        const labelled = nodes.some((n) => n.kind !== 'question' && n.voice !== 'framing');
        if (labelled && shownLabels === 0) problems.push('evaluate mode shows no labels in the outline');

        // Hover a claim row, where attribute-breaking text would have become a handler (the DOM scan below
        // also fails on any on* attribute, hovered or not).
        await page.locator('[data-outline] .outline-row').first().hover();
      }

      // Actor and source fields shown on claim pages and the sources page.
      if (file === `claims/${PAYLOAD_CLAIM}/index.html`) {
        for (const text of ['Mark Rowley <script>window.__pwned=1</script>', 'Assistant Commissioner <img src=x onerror="window.__pwned=1">', 'Met Anti-Terror Chief <script>window.__pwned=1</script>']) {
          if ((await page.locator('.claim-card').getByText(text, { exact: false }).count()) === 0) problems.push(`claim card does not show ${text} as text`);
        }
        if ((await page.locator('.claim-note').getByText(PAYLOADS.attrDouble, { exact: false }).count()) === 0) problems.push('claim note not shown verbatim');
      }
      if (file === 'sources/index.html') {
        for (const text of ['Met Anti-Terror Chief <script>window.__pwned=1</script>', 'TechWeekEurope <img src=x onerror="window.__pwned=1">', "The Drum '><svg onload=window.__pwned=1>", PAYLOADS.attrDouble, PAYLOADS.js]) {
          if ((await page.locator('.source-list').getByText(text, { exact: false }).count()) === 0) problems.push(`sources page does not show ${text} as text`);
        }
      }
      if (file === 'index.html' && (await page.locator('.page-lead').getByText(PAYLOADS.img, { exact: false }).count()) === 0) {
        problems.push('the page lead does not show its payload as text');
      }

      // Any injected handler (onerror of a broken image, onload) has had its chance.
      await settled(page);
      problems.push(...(await scanDom(page)), ...(await injectionLog(page)));
      reports.push({ page: file, problems });
      await context.close();
    }
    const failed = reports.filter((r) => r.problems.length > 0);
    expect(failed, failed.map((r) => `${r.page}:\n  ${r.problems.join('\n  ')}`).join('\n')).toEqual([]);
  }, 300_000);
});

describe('titles that try to close <title> stay text', () => {
  it('pages and claim pages titled with the payload (MDX, Argdown front matter, Kialo title, claim labels) show it as their title', async () => {
    const graph: { nodes: { id: string; label: string }[]; pages: { slug: string; title: string }[] } = JSON.parse(readFileSync(path.join(outDir, 'graph.json'), 'utf8'));
    const pages = graph.pages.filter((p) => p.title === HOSTILE_TITLE).map((p) => `${p.slug}/`);
    const claims = graph.nodes.filter((n) => n.label === HOSTILE_TITLE).map((n) => `claims/${n.id}/`);
    // The MDX page, the Argdown and Kialo imports; the MDX claim, the Argdown statement and the Kialo question.
    expect(pages.sort()).toEqual(['hostile-title/', 'imported/hostile-argdown/', 'imported/hostile-kialo/']);
    expect(claims).toHaveLength(3);
    const problems: string[] = [];
    for (const url of [...pages, ...claims]) {
      const context = await browser.newContext();
      const page = await context.newPage();
      reportDialogs(page, problems);
      await watchInjections(page);
      await page.goto(`${served.url}${url}`, { waitUntil: 'load' });
      const head = await page.evaluate(() => ({ titles: document.head.querySelectorAll('title').length, title: document.title, h1: document.querySelector('h1')?.textContent?.trim() }));
      if (head.titles !== 1) problems.push(`${url}: ${head.titles} <title> elements in <head>`);
      if (head.title !== `${HOSTILE_TITLE} | Blind spots or mass surveillance?`) problems.push(`${url}: document.title is ${JSON.stringify(head.title)}`);
      if (head.h1 !== HOSTILE_TITLE) problems.push(`${url}: the heading is ${JSON.stringify(head.h1)}`);
      problems.push(...(await scanDom(page)).map((p) => `${url}: ${p}`), ...(await injectionLog(page)).map((p) => `${url}: ${p}`));
      await context.close();
    }
    expect(problems).toEqual([]);
  });

  it('the escaping is in the head of every page, with nothing escaped twice', () => {
    for (const file of htmlPages(outDir)) {
      const html = readFileSync(path.join(outDir, file), 'utf8');
      const head = /<head>([\s\S]*?)<\/head>/.exec(html)?.[1] ?? '';
      // Attribute values (description, og:title) may hold the payload as text; outside them it must not appear.
      const markup = head.replace(/"[^"]*"/g, '""');
      expect(markup.match(/<title>/g), file).toHaveLength(1);
      expect(markup, file).not.toContain('<script>window.__pwned');
      const title = /<title>([\s\S]*?)<\/title>/.exec(head)?.[1];
      expect(title, file).toMatch(/ \| Blind spots or mass surveillance\?$/);
      expect(title, file).not.toMatch(/[<>]|&amp;(lt|gt|amp);/);
    }
  });
});

describe('the site search (Pagefind) shows payloads as text', () => {
  it('searching for a payload word lists results without running them', async () => {
    const problems: string[] = [];
    const context = await browser.newContext();
    const page = await context.newPage();
    reportDialogs(page, problems);
    await watchInjections(page);
    await page.goto(served.url, { waitUntil: 'load' });
    await page.locator('site-search button[data-open-modal]').click();
    const input = page.locator('site-search input[type="search"], .pagefind-ui__search-input').first();
    await input.waitFor({ state: 'visible' });
    await input.fill('pwned');
    const results = page.locator('.pagefind-ui__result');
    await results.first().waitFor({ state: 'visible', timeout: 20_000 });
    expect(await results.count()).toBeGreaterThan(0);
    // Pagefind shows matches in excerpts: the payload must be there as text (escaped), not as elements.
    const excerpts = (await page.locator('.pagefind-ui__result-excerpt').allTextContents()).join(' ');
    expect(excerpts).toContain('pwned');
    await settled(page);
    problems.push(...(await scanDom(page)), ...(await injectionLog(page)));
    await context.close();
    expect(problems).toEqual([]);
  });
});

async function expectAttribute(page: Page, selector: string, name: string, value: string) {
  await page.waitForFunction(([s, n, v]) => document.querySelector(s!)?.getAttribute(n!) === v, [selector, name, value]);
}

/** Every string anywhere in a JSON value. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => strings(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => strings(v, out));
  return out;
}

interface GraphJson {
  nodes: { id: string; text: string; label: string; quote?: string; note?: string }[];
}

const fixtureGraph = (): GraphJson => JSON.parse(readFileSync(path.join(outDir, 'graph.json'), 'utf8'));

describe('exports carry payloads as data', () => {
  const expectJsonData = (file: string) => {
    const raw = readFileSync(path.join(outDir, file), 'utf8');
    const parsed = JSON.parse(raw);
    const all = strings(parsed);
    for (const payload of Object.values(PAYLOADS)) {
      expect(all.some((s) => s.includes(payload)), `${file} should carry ${payload} inside a string`).toBe(true);
      // In the raw bytes the payload appears only JSON-escaped (its quotes backslashed).
      expect(raw.includes(JSON.stringify(payload).slice(1, -1)), `${file} should hold ${payload} JSON-escaped`).toBe(true);
    }
    expect(raw).not.toContain('" onmouseover="window');
    return parsed;
  };

  it('/graph.json holds the texts exactly, JSON-escaped', () => {
    const graph = expectJsonData('graph.json') as GraphJson;
    const q = graph.nodes.find((n) => n.id === 'q')!;
    expect(q.text).toBe(`Should police get more access? ${PAYLOADS.script}`);
    expect(q.label).toBe(`Access? ${PAYLOADS.img}`);
  });

  it('/exports/graph.aif.json holds the texts as JSON strings', () => {
    const aif = expectJsonData('exports/graph.aif.json') as { nodes: { nodeID: string; text: string }[] };
    expect(aif.nodes.find((n) => n.nodeID === 'q')?.text).toBe(`Should police get more access? ${PAYLOADS.script}`);
  });

  it('/exports/graph.argdown parses back to the same statements: payloads are text, not syntax', () => {
    const text = readFileSync(path.join(outDir, 'exports/graph.argdown'), 'utf8');
    const app = new ArgdownApplication();
    app.addPlugin(new ParserPlugin(), 'parse-input');
    app.addPlugin(new DataPlugin(), 'build-model');
    app.addPlugin(new ModelPlugin(), 'build-model');
    const response = app.run({
      input: text,
      process: ['parse-input', 'build-model'],
      logLevel: 'none',
      model: { removeTagsFromText: true },
      data: { frontMatterSettingsMode: 'ignore' },
    } as IArgdownRequest);
    expect(response.lexerErrors ?? [], 'Argdown lexer errors').toEqual([]);
    expect(response.parserErrors ?? [], 'Argdown parser errors').toEqual([]);
    const graph = fixtureGraph();
    const statements = response.statements ?? {};
    const args = response.arguments ?? {};
    for (const node of graph.nodes) {
      type Part = { text?: string; data?: Record<string, string> };
      const holder = (statements[node.id] ?? args[node.id]) as { members?: Part[]; descriptions?: Part[]; data?: Record<string, string> } | undefined;
      expect(holder, `claim ${node.id} is a statement or argument in the Argdown`).toBeDefined();
      const member = holder!.members?.[0] ?? holder!.descriptions?.[0];
      expect(member?.text?.trim(), `text of ${node.id}`).toBe(node.text.replace(/\s+/g, ' ').trim());
      const data = member?.data ?? holder!.data;
      if (node.label !== node.text) expect(data?.label, `label of ${node.id}`).toBe(node.label);
      if (node.quote) expect(data?.quote, `quote of ${node.id}`).toBe(node.quote);
      if (node.note) expect(data?.note, `note of ${node.id}`).toBe(node.note);
    }
    // No payload made a statement, argument or tag of its own.
    const ids = new Set(graph.nodes.map((n) => n.id));
    const extraStatements = Object.keys(statements).filter((id) => !ids.has(id));
    expect(extraStatements).toEqual([]);
    expect(Object.keys(response.tags ?? {})).toEqual([]);
  });
});
