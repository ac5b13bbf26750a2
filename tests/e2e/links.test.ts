/**
 * Every internal link resolves, the HTML validates, and the sitemap lists every page: for the default build
 * (dist/, base `/`) and for a build served under a sub-path with `site` set (base `/debate/`).
 *
 * Links: every `href`, `src`, `srcset`, `poster` and `action` in every HTML file (and `url()` in the CSS it
 * loads, relative imports in the JS modules, the base and page links inside each embedded map JSON) must point
 * at a file of the build, under the base; a `#fragment` must name an `id` on the target page, or, for a map's view
 * state (`#claim=…`), claims that have pages. External
 * http(s) links and `mailto:`/`tel:` are not followed; an absolute link to the build's own `site` is internal.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { Config, HtmlValidate, Parser, type ConfigData, type HtmlElement } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, DIST as DEFAULT_DIST, htmlPages, pagePath, ROOT } from './support.ts';



/** The default build to check: dist/, or another folder built the same way (E2E_DIST). */
const DIST = process.env.E2E_DIST ? path.resolve(process.env.E2E_DIST) : DEFAULT_DIST;

/**
 * html-validate findings that come from markup Starlight renders and we do not control, matched by rule and by
 * the element's selector so that the same rule still applies to our own components. Rules disabled or
 * configured in `.htmlvalidate.json` (JSON cannot carry comments, so the reasons are here):
 * - `void-style: off`: Astro serialises void elements self-closed (`<meta … />`); both forms are valid HTML.
 * - `valid-id: relaxed`: Starlight gives every page's `<h1>` the id `_top` (its "back to top" target); HTML
 *   allows any id without whitespace, the strict mode only ids starting with a letter.
 * - `long-title: maxlength 160`: Starlight appends " | <site title>" (37 characters) to every `<title>`, and a
 *   claim permalink's title is the claim's label, which the content rules allow up to 120 characters
 *   (`LABEL_WARNING_LENGTH` in src/graph/validate.ts).
 */
const STARLIGHT_MARKUP: { rule: string; selector: RegExp; why: string }[] = [
  { rule: 'no-implicit-button-type', selector: /site-search/, why: 'Starlight’s search button and dialog close button have no type' },
  { rule: 'no-implicit-button-type', selector: /^html > body > div > nav > button$/, why: 'Starlight’s mobile menu toggle (a popover button) has no type' },
  { rule: 'no-inline-style', selector: /site-search > dialog/, why: 'Starlight’s search dialog sets an inline style' },
  { rule: 'unique-landmark', selector: /starlight-toc > nav$/, why: 'Starlight renders its table of contents twice (mobile and desktop, one hidden by CSS) with the same label' },
  { rule: 'unique-landmark', selector: /^html > body > div > div > div > aside$/, why: 'Starlight’s right sidebar is an unlabelled <aside>, which clashes with any `:::tip` aside (Starlight’s Aside) in the content' },
];

const htmlValidateConfig = JSON.parse(readFileSync(path.join(ROOT, '.htmlvalidate.json'), 'utf8')) as ConfigData;

interface Build {
  name: string;
  dir: string;
  base: string;
  site?: string;
}

let parserPromise: Promise<Parser> | undefined;
const parser = () => (parserPromise ??= Promise.resolve(Config.defaultConfig().resolve()).then((config) => new Parser(config)));

/** Parsed pages, and the ids each one holds, cached per file. */
class Site {
  private docs = new Map<string, HtmlElement>();
  readonly build: Build;
  private readonly parse: Parser;
  constructor(build: Build, parse: Parser) {
    this.build = build;
    this.parse = parse;
  }

  doc(file: string): HtmlElement {
    let doc = this.docs.get(file);
    if (!doc) {
      doc = this.parse.parseHtml(readFileSync(path.join(this.build.dir, file), 'utf8'));
      this.docs.set(file, doc);
    }
    return doc;
  }

  ids(file: string): Set<string> {
    const doc = this.doc(file);
    return new Set([...doc.querySelectorAll('[id]').map((el) => el.id ?? ''), ...doc.querySelectorAll('a[name]').map((el) => el.getAttributeValue('name') ?? '')]);
  }

  /** The file a URL path (already stripped of the base) names, or why it names none. */
  fileFor(rel: string): { file?: string; error?: string } {
    const full = path.join(this.build.dir, rel);
    if (!full.startsWith(this.build.dir)) return { error: 'leaves the build folder' };
    if (rel === '' || rel.endsWith('/')) {
      const index = path.join(rel, 'index.html');
      return existsSync(path.join(this.build.dir, index)) ? { file: index } : { error: 'no index.html there' };
    }
    if (!existsSync(full)) return { error: 'no such file' };
    if (statSync(full).isDirectory()) return { error: 'names a folder without the trailing slash (trailingSlash is "always")' };
    return { file: rel };
  }
}

/** Check one reference from `fromUrl` (a URL on the `internal` origin); returns an error message or undefined. */
function checkRef(site: Site, fromFile: string, fromUrl: string, ref: string): string | undefined {
  const raw = ref.trim();
  if (raw === '') return 'empty URL';
  if (/^(mailto|tel):/i.test(raw)) return undefined;
  if (/^javascript:/i.test(raw)) return 'javascript: URL';
  if (/^(data|blob):/i.test(raw)) return undefined;
  const { base, site: siteUrl } = site.build;
  const url = new URL(raw, fromUrl);
  let pathname: string;
  if (url.origin === INTERNAL) pathname = url.pathname;
  else if (siteUrl && url.origin === new URL(siteUrl).origin) pathname = url.pathname;
  else if (/^https?:$/.test(url.protocol)) return undefined;
  else return `unexpected scheme ${url.protocol}`;
  if (!pathname.startsWith(base)) return `points outside the base ${base}`;
  const target = site.fileFor(decodeURIComponent(pathname.slice(base.length)));
  if (target.error) return target.error;
  const fragment = decodeURIComponent(url.hash.slice(1));
  // A map's view state (`#claim=id&accept=a,b&reject=c`, see src/scripts/state.ts): every claim it names must exist.
  if (/^(claim|accept|reject)=/.test(fragment)) {
    const params = new URLSearchParams(url.hash.slice(1));
    const ids = [params.get('claim') ?? '', ...['accept', 'reject'].flatMap((k) => (params.get(k) ?? '').split(','))].filter(Boolean);
    const missing = ids.filter((id) => !existsSync(path.join(site.build.dir, 'claims', id, 'index.html')));
    return missing.length ? `the map state names unknown claim${missing.length > 1 ? 's' : ''} ${missing.join(', ')}` : undefined;
  }
  if (fragment && target.file!.endsWith('.html') && !site.ids(target.file!).has(fragment)) {
    return `no element with id "${fragment}" in ${target.file === fromFile ? 'this page' : target.file}`;
  }
  return undefined;
}

const INTERNAL = 'http://internal.invalid';

const ATTRIBUTES: [selector: string, attribute: string][] = [
  ['[href]', 'href'],
  ['[src]', 'src'],
  ['[poster]', 'poster'],
  ['form[action]', 'action'],
  ['[xlink\\:href]', 'xlink:href'],
];

/** Every broken internal reference in a build, as `file: url (why)`. */
function brokenLinks(site: Site): string[] {
  const { dir, base } = site.build;
  const broken: string[] = [];
  // Starlight's search loads its index from <base>pagefind/ in script, not through an attribute.
  if (!existsSync(path.join(dir, 'pagefind/pagefind.js'))) broken.push(`${base}pagefind/pagefind.js (no search index: not a production build?)`);
  const assets = new Set<string>();
  for (const file of htmlPages(dir)) {
    const fromUrl = `${INTERNAL}${base}${pagePath(file)}`;
    const doc = site.doc(file);
    const refs: string[] = [];
    for (const [selector, attribute] of ATTRIBUTES) {
      for (const el of doc.querySelectorAll(selector)) {
        const value = el.getAttributeValue(attribute);
        // Starlight gives the 404 page a canonical URL (<base>404/) that no host serves: 404.html answers any
        // missing path instead. Not a link anyone follows.
        if (file === '404.html' && el.tagName === 'link' && el.getAttributeValue('rel') === 'canonical') continue;
        if (value !== null) refs.push(value);
      }
    }
    for (const el of doc.querySelectorAll('[srcset]')) {
      for (const candidate of (el.getAttributeValue('srcset') ?? '').split(',')) refs.push(candidate.trim().split(/\s+/)[0]);
    }
    for (const ref of refs) {
      const error = checkRef(site, file, fromUrl, ref);
      if (error) broken.push(`${file}: ${ref} (${error})`);
      else if (/\.(css|js)$/.test(new URL(ref, fromUrl).pathname) && new URL(ref, fromUrl).origin === INTERNAL) assets.add(new URL(ref, fromUrl).pathname);
    }
    // The pages the map's panel links to (the client builds them under the bundle's base; map.test.ts clicks one).
    for (const el of doc.querySelectorAll('script[data-map-json]')) {
      const data = JSON.parse(el.textContent) as { view: { nodes: { id: string; page: string }[] } };
      for (const node of data.view.nodes) {
        for (const link of [`${base}claims/${encodeURIComponent(node.id)}/`, node.page ? `${base}${node.page}/` : base]) {
          const error = checkRef(site, file, fromUrl, link);
          if (error) broken.push(`${file}: map panel link ${link} (${error})`);
        }
      }
    }
  }
  // CSS url() and JS module imports (static and dynamic) of the assets the pages load, transitively.
  const seen = new Set<string>();
  const queue = [...assets];
  while (queue.length) {
    const asset = queue.pop()!;
    if (seen.has(asset)) continue;
    seen.add(asset);
    const rel = decodeURIComponent(asset.slice(base.length));
    const text = readFileSync(path.join(dir, rel), 'utf8');
    const fromUrl = `${INTERNAL}${asset}`;
    const refs = asset.endsWith('.css')
      ? [...text.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)].map((m) => m[2]).filter((u) => !u.startsWith('#'))
      : [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)(["'`])(\.{1,2}\/[^"'`]+)\1/g)].map((m) => m[2]);
    for (const ref of refs) {
      const error = checkRef(site, rel, fromUrl, ref);
      if (error) broken.push(`${rel}: ${ref} (${error})`);
      else if (/\.(css|js)$/.test(ref)) queue.push(new URL(ref, fromUrl).pathname);
    }
  }
  return broken;
}

async function validationErrors(build: Build): Promise<string[]> {
  const validator = new HtmlValidate(htmlValidateConfig);
  const out: string[] = [];
  for (const file of htmlPages(build.dir)) {
    const report = await validator.validateString(readFileSync(path.join(build.dir, file), 'utf8'), file);
    for (const result of report.results) {
      for (const m of result.messages) {
        if (STARLIGHT_MARKUP.some((x) => x.rule === m.ruleId && x.selector.test(m.selector ?? ''))) continue;
        out.push(`${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message} (${m.selector})`);
      }
    }
  }
  return out;
}

const summary = (items: string[], max = 40) => `${items.length} problem(s):\n${items.slice(0, max).join('\n')}${items.length > max ? '\n…' : ''}`;

describe('default build (dist/)', () => {
  const build: Build = { name: 'dist', dir: DIST, base: '/' };
  let site: Site;
  beforeAll(async () => {
    if (!existsSync(path.join(DIST, 'index.html'))) throw new Error('dist/ has no build: run `npm test` (or `npx astro build`) first.');
    site = new Site(build, await parser());
  });

  it('every internal link, asset and fragment resolves', () => {
    const broken = brokenLinks(site);
    expect(broken, summary(broken)).toEqual([]);
  });

  it('every page validates with html-validate', async () => {
    const errors = await validationErrors(build);
    expect(errors, summary(errors)).toEqual([]);
  });
});

describe('sub-path build (base /debate/, site https://example.org)', () => {
  const build: Build = { name: 'debate', dir: '', base: '/debate/', site: 'https://example.org' };
  let site: Site;
  beforeAll(async () => {
    // Inside the project (support.ts makes .cache): Astro puts a build's server chunks in <cwd>/.astro when the
    // out dir is outside the working directory, where a concurrent build would overwrite them.
    const result = buildSite({ base: build.base, site: build.site, outDir: mkdtempSync(path.join(ROOT, '.cache/e2e-links-')) });
    build.dir = result.outDir;
    if (result.status !== 0) throw new Error(`the sub-path build failed:\n${result.output.slice(-4000)}`);
    site = new Site(build, await parser());
  }, 600_000);
  afterAll(() => {
    if (build.dir) rmSync(build.dir, { recursive: true, force: true });
  });

  it('every internal link, asset and fragment resolves under the base', () => {
    const broken = brokenLinks(site);
    expect(broken, summary(broken)).toEqual([]);
  });

  it('every page validates with html-validate', async () => {
    const errors = await validationErrors(build);
    expect(errors, summary(errors)).toEqual([]);
  });

  it('the sitemap lists every page except 404, and nothing else', () => {
    const index = readFileSync(path.join(build.dir, 'sitemap-index.xml'), 'utf8');
    const sitemaps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(sitemaps).toContain('https://example.org/debate/sitemap-0.xml');
    const listed = sitemaps.flatMap((loc) => {
      const file = path.join(build.dir, new URL(loc).pathname.slice(build.base.length));
      return [...readFileSync(file, 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    });
    const expected = htmlPages(build.dir)
      .filter((f) => f !== '404.html')
      .map((f) => `${build.site}${build.base}${pagePath(f)}`);
    expect([...listed].sort()).toEqual(expected.sort());
  });
});
