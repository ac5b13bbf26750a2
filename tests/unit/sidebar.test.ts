/**
 * The sidebar: every page of the content folder once, none that is missing, the whole map always, the home page
 * as "Overview", and pages the reading order does not know under "More pages". The reading order itself (which
 * groups, which labels) is editorial and not pinned here.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { buildSidebar } from '../../src/integrations/sidebar.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const REAL_DOCS = readdirSync(path.join(ROOT, 'content/docs')).filter((f) => f.endsWith('.mdx')).sort();

type Item = ReturnType<typeof buildSidebar>[number];

/** Every page slug the sidebar links to, in order (groups flattened). */
const slugsOf = (items: Item[]): string[] => items.flatMap((item) => ('items' in item ? slugsOf(item.items as Item[]) : 'slug' in item ? [item.slug] : []));
const groupOf = (items: Item[], slug: string) => items.find((item) => 'items' in item && slugsOf(item.items as Item[]).includes(slug)) as { label: string } | undefined;

const folders: string[] = [];
/** A content folder whose docs/ holds these files (paths below docs/), each a minimal page. */
function contentWith(files: string[]): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'argmap-sidebar-'));
  folders.push(root);
  mkdirSync(path.join(root, 'docs'));
  for (const file of files) {
    mkdirSync(path.dirname(path.join(root, 'docs', file)), { recursive: true });
    writeFileSync(path.join(root, 'docs', file), '---\ntitle: T\n---\n');
  }
  return root;
}
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('buildSidebar', () => {
  it('lists every page of the real site once, in groups, with no "More pages"', () => {
    const items = buildSidebar(path.join(ROOT, 'content'));
    const slugs = slugsOf(items);
    expect([...slugs].sort()).toEqual(REAL_DOCS.map((f) => (f === 'index.mdx' ? '' : f.replace(/\.mdx$/, ''))).sort());
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(items.some((item) => item.label === 'More pages')).toBe(false);
    expect(items[0]).toEqual({ slug: '', label: 'Overview' });
  });

  it('always links the whole map', () => {
    for (const files of [REAL_DOCS, ['index.mdx'], ['unknown.mdx']]) {
      expect(buildSidebar(contentWith(files))).toContainEqual({ label: 'The whole map', link: '/map/' });
    }
  });

  it('puts pages it does not know under "More pages", sorted, with nested folders and odd names as Starlight slugs', () => {
    const known = REAL_DOCS.find((f) => f !== 'index.mdx')!;
    const items = buildSidebar(contentWith([known, 'zeta.mdx', 'Alpha.md', 'sub/Page Two.mdx', 'sub/index.mdx', '_draft.mdx']));
    const more = items.find((item) => item.label === 'More pages') as { items: Item[] };
    expect(slugsOf(more.items)).toEqual(['alpha', 'sub', 'sub/page-two', 'zeta']);
    // A page the reading order knows stays in its group, not under "More pages".
    expect(groupOf(items, known.replace(/\.mdx$/, ''))?.label).not.toBe('More pages');
    // Files starting with "_" are not pages.
    expect(slugsOf(items)).not.toContain('_draft');
    // No home page, no "Overview".
    expect(items.some((item) => item.label === 'Overview')).toBe(false);
  });

  it('for any subset of the real pages plus unknown ones, links each page present exactly once and none that is absent', () => {
    const page = fc.constantFrom(...REAL_DOCS);
    const unknown = fc.stringMatching(/^[a-z][a-z0-9-]{0,11}$/).map((name) => `x-${name}.mdx`);
    fc.assert(
      fc.property(fc.uniqueArray(fc.oneof(page, unknown), { maxLength: 14 }), (files) => {
        const slugs = slugsOf(buildSidebar(contentWith(files)));
        const expected = files.map((f) => (f === 'index.mdx' ? '' : f.replace(/\.mdx$/, '')));
        expect([...slugs].sort()).toEqual([...expected].sort());
        expect(new Set(slugs).size).toBe(slugs.length);
      }),
      { numRuns: 60 },
    );
  });
});
