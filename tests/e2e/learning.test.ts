/**
 * The learning layer in the built site (dist/): self-checks at the end of every page with a map, answers that
 * open without JavaScript, one reading order (sidebar, home page, previous/next), the article page marking
 * every claim's voice with links to its page and to the map, and the teacher's guide.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Config, Parser, type HtmlElement } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileSite } from '../../src/graph/index.ts';
import { VOICE_WORDS } from '../../src/graph/model.ts';
import type { CompiledGraph } from '../../src/graph/types.ts';
import { DIST, htmlPages, ROOT, useBrowserAndSite } from './support.ts';

let parser: Parser;
let graph: CompiledGraph;
beforeAll(async () => {
  parser = new Parser(await Promise.resolve(Config.defaultConfig().resolve()));
  const result = await compileSite({ contentRoot: 'content', cwd: ROOT, layout: false });
  if (!result.ok) throw new Error('the site’s content does not compile');
  graph = result.graph;
});
const page = (file: string): HtmlElement => parser.parseHtml(readFileSync(path.join(DIST, file), 'utf8'));
const hrefs = (els: HtmlElement[]) => els.map((a) => a.getAttributeValue('href') ?? '');
const text = (el: HtmlElement) => el.textContent.replace(/\s+/g, ' ').trim();

describe('self-checks', () => {
  it('end every page that has a map with at least three questions, including the three kinds', () => {
    const withMap = htmlPages(DIST).filter((f) => !f.startsWith('claims/') && f !== 'map/index.html' && page(f).querySelector('.map-section'));
    expect(withMap.sort()).toEqual(
      ['index.html', 'rowley-speech', 'the-bill', 'open-rights-group', 'encryption', 'the-companies', 'what-happened-next', 'reading-critically', 'method']
        .map((s) => (s.endsWith('.html') ? s : `${s}/index.html`))
        .sort(),
    );
    const missing: string[] = [];
    for (const file of withMap.filter((f) => f !== 'method/index.html')) {
      const doc = page(file);
      const items = doc.querySelectorAll('ol.self-check > li.self-check-item');
      const kinds = new Set(items.map((li) => li.getAttributeValue('data-check')));
      const answered = items.filter((li) => li.querySelector('details.self-check-answer > summary'));
      if (items.length < 3) missing.push(`${file}: ${items.length} questions`);
      for (const kind of ['loaded-word', 'evidence-or-assumption', 'commit']) if (!kinds.has(kind)) missing.push(`${file}: no ${kind} question`);
      if (answered.length !== items.length) missing.push(`${file}: ${items.length - answered.length} questions without an answer`);
    }
    expect(missing).toEqual([]);
  });

  describe('without JavaScript', () => {
    const web = useBrowserAndSite();
    it('keep the answer hidden until its summary is pressed, then show it', async () => {
      const context = await web.browser.newContext({ javaScriptEnabled: false });
      const tab = await context.newPage();
      await tab.goto(`${web.site.url}rowley-speech/`);
      const first = tab.locator('.self-check-item').first();
      const answer = first.locator('.self-check-answer-body');
      await expect(answer.isVisible()).resolves.toBe(false);
      await first.locator('summary').click();
      await expect(answer.isVisible()).resolves.toBe(true);
      await expect(answer.innerText()).resolves.toMatch(/\w{3,}/);
      await context.close();
    });
  });
});

describe('one reading order', () => {
  it('the home page’s “Where to go next”, the sidebar and the previous/next links list the same pages in the same order', () => {
    const home = page('index.html');
    const listed = hrefs(home.querySelectorAll('ol.reading-order a'));
    const sidebar = hrefs(home.querySelectorAll('nav[aria-label="Main"] a')).filter((h) => h !== '/');
    expect(listed.length).toBeGreaterThan(10);
    expect(listed).toEqual(sidebar);
    // Follow "Next" from the home page: it visits every page of the list, in order, then stops.
    const chain: string[] = [];
    let file = 'index.html';
    for (let next = page(file).querySelector('a[rel="next"]'); next; next = page(file).querySelector('a[rel="next"]')) {
      const href = next.getAttributeValue('href')!;
      chain.push(href);
      file = `${href.replace(/^\//, '')}index.html`;
      if (chain.length > 30) break;
    }
    expect(chain).toEqual(listed);
  });
});

describe('the article, passage by passage', () => {
  it('marks each claim from the article with its voice in words, and links it to its page and to the map', () => {
    const doc = page('article/index.html');
    const article = graph.nodes.filter((n) => n.source === 'article');
    const blocks = doc.querySelectorAll('.passage-claim');
    expect(blocks.length).toBe(article.length);
    const names = Object.values(VOICE_WORDS).map((v) => v.name.toLowerCase());
    const seen = blocks.map((b) => {
      const voice = text(b.querySelector('.passage-voice strong')!).toLowerCase();
      expect(names).toContain(voice);
      const [claimLink, mapLink] = hrefs(b.querySelectorAll('.passage-links a'));
      const id = /^\/claims\/([^/]+)\/$/.exec(claimLink)?.[1];
      expect(mapLink).toBe(`/map/#claim=${id}`);
      const node = graph.nodes.find((n) => n.id === id)!;
      expect(voice).toBe(VOICE_WORDS[node.voice!].name.toLowerCase());
      return id;
    });
    expect(seen.sort()).toEqual(article.map((n) => n.id).sort());
  });

  it('gives the passages in the article’s order and counts whose words the article is', () => {
    const doc = page('article/index.html');
    const numbers = doc.querySelectorAll('ol.article-passages > li').map((li) => Number(/passage-(\d+)/.exec(li.id ?? '')?.[1]));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    const rows = doc.querySelectorAll('table.voice-table tbody tr').map((tr) => text(tr));
    expect(rows.some((r) => r.startsWith('Mark Rowley: own words'))).toBe(true);
    expect(rows.some((r) => r.startsWith('The writer’s framing'))).toBe(true);
  });
});

describe('the teacher’s guide', () => {
  it('has learning goals, a lesson plan, discussion questions, an essay task with a mark scheme, a mapping exercise with a worked answer, and a worksheet', () => {
    const doc = page('teach/index.html');
    const headings = doc.querySelectorAll('h2').map(text);
    for (const h of ['Learning goals', 'A 50-minute lesson', 'Discussion questions', 'Essay task', 'Map this paragraph yourself', 'Worksheet']) expect(headings).toContain(h);
    expect(doc.querySelectorAll('h3').map(text)).toContain('Mark scheme');
    expect(doc.querySelectorAll('details > summary').map(text)).toContain('Worked answer');
    const plan = doc.querySelectorAll('table')[0];
    const minutes = plan.querySelectorAll('tbody tr td:first-child').map(text);
    expect(minutes.at(-1)).toMatch(/–50 min$/);
  });
});
