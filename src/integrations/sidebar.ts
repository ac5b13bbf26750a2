/**
 * The sidebar: the debate's pages in reading order, then any other page in the content folder
 * (imported maps, fixtures), so that pointing CONTENT_ROOT elsewhere never names a missing page.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { slugForDocsPath } from '../graph/load.ts';

type Item = { label: string; link: string } | { slug: string; label?: string } | { label: string; items: Item[] };

const GROUPS: { label: string; items: [slug: string, label: string][] }[] = [
  {
    label: 'The debate',
    items: [
      ['rowley-speech', "Rowley's speech"],
      ['the-bill', 'The bill and the government'],
      ['open-rights-group', 'The Open Rights Group'],
      ['encryption', 'Encryption'],
      ['the-companies', 'The companies'],
      ['what-happened-next', 'What happened next'],
    ],
  },
  {
    label: 'Reading it well',
    items: [
      ['reading-critically', 'Reading the article critically'],
      ['method', 'How the map was built'],
      ['glossary', 'Glossary'],
      ['sources', 'Sources'],
    ],
  },
];

export function buildSidebar(contentRoot: string): Item[] {
  const docsDir = path.join(contentRoot, 'docs');
  const slugs = readdirSync(docsDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.mdx?$/i.test(f) && !path.basename(f).startsWith('_'))
    .map((f) => slugForDocsPath(f.split(path.sep).join('/')))
    .sort();
  const present = new Set(slugs);
  const listed = new Set(['', ...GROUPS.flatMap((g) => g.items.map(([slug]) => slug))]);
  const items: Item[] = [];
  if (present.has('')) items.push({ slug: '', label: 'Overview' });
  const [debate, reading] = GROUPS.map((g) => ({
    label: g.label,
    items: g.items.filter(([slug]) => present.has(slug)).map(([slug, label]): Item => ({ slug, label })),
  }));
  if (debate.items.length) items.push(debate);
  items.push({ label: 'The whole map', link: '/map/' });
  if (reading.items.length) items.push(reading);
  const others = slugs.filter((s) => !listed.has(s));
  if (others.length) items.push({ label: 'More pages', items: others.map((slug): Item => ({ slug })) });
  return items;
}
