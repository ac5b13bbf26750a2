/**
 * The one reading order of the site. The sidebar, Starlight's previous/next links (which follow the sidebar)
 * and the home page's "Where to go next" (`ReadingOrder.astro`) are all made from `READING_ORDER`, so they
 * cannot disagree. Any other page in the content folder (imported maps, fixtures) comes after it, so that
 * pointing CONTENT_ROOT elsewhere never names a missing page.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { slugForDocsPath } from '../graph/load.ts';

/** A page in the reading order, with a few words on why to read it (for the home page). */
export interface ReadingPage {
  slug: string;
  label: string;
  hint: string;
}
/** A group of pages, or a link to a page Starlight does not make (the whole map). */
export type ReadingEntry = { label: string; pages: ReadingPage[] } | { label: string; link: string; hint: string };

export const READING_ORDER: ReadingEntry[] = [
  {
    label: 'The debate',
    pages: [
      { slug: 'article', label: 'The article, passage by passage', hint: 'the 2015 article in order, and whose words each claim rests on' },
      { slug: 'rowley-speech', label: "Rowley's speech", hint: 'the police case: blind spots and the companies' },
      { slug: 'the-bill', label: 'The bill and the government', hint: "the government's plan and its reasons" },
      { slug: 'open-rights-group', label: 'The Open Rights Group', hint: "the campaigners' case: target suspects, not everyone" },
      { slug: 'encryption', label: 'Encryption', hint: 'where the two sides clash most directly' },
      { slug: 'the-companies', label: 'The companies', hint: 'the voice the article leaves out' },
      { slug: 'what-happened-next', label: 'What happened next', hint: 'the law, the courts and the story to 2024' },
    ],
  },
  { label: 'The whole map', link: 'map/', hint: 'every claim at once; test your own view' },
  {
    label: 'Reading it well',
    pages: [
      { slug: 'reading-critically', label: 'Reading the article critically', hint: "how the writer's choices shape the debate" },
      { slug: 'method', label: 'How the map was built', hint: 'what the boxes and arrows mean, and how "Test your view" works' },
      { slug: 'glossary', label: 'Glossary', hint: 'the legal, technical and argument words, in plain English' },
      { slug: 'sources', label: 'Sources', hint: 'every source, and the map to download' },
    ],
  },
  {
    label: 'For teachers',
    pages: [{ slug: 'teach', label: "Teacher's guide", hint: 'a lesson plan, questions, an essay task and a worksheet' }],
  },
];

type Item = { label: string; link: string } | { slug: string; label?: string } | { label: string; items: Item[] };

/** The reading order as Starlight sidebar items, keeping only pages that exist in `present`. */
export function sidebarItems(present: Set<string>): Item[] {
  const items: Item[] = [];
  if (present.has('')) items.push({ slug: '', label: 'Overview' });
  for (const entry of READING_ORDER) {
    if ('link' in entry) items.push({ label: entry.label, link: `/${entry.link}` });
    else {
      const pages = entry.pages.filter((p) => present.has(p.slug)).map(({ slug, label }): Item => ({ slug, label }));
      if (pages.length) items.push({ label: entry.label, items: pages });
    }
  }
  return items;
}

export function buildSidebar(contentRoot: string): Item[] {
  const docsDir = path.join(contentRoot, 'docs');
  const slugs = readdirSync(docsDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.mdx?$/i.test(f) && !path.basename(f).startsWith('_'))
    .map((f) => slugForDocsPath(f.split(path.sep).join('/')))
    .sort();
  const listed = new Set(['', ...READING_ORDER.flatMap((e) => ('pages' in e ? e.pages.map((p) => p.slug) : []))]);
  const items = sidebarItems(new Set(slugs));
  const others = slugs.filter((s) => !listed.has(s));
  if (others.length) items.push({ label: 'More pages', items: others.map((slug): Item => ({ slug })) });
  return items;
}
