/** Render imported pages as MDX files. */
import { stringify } from 'yaml';
import type { ImportedPage } from './types.ts';

/** The MDX text of a page: YAML frontmatter (`title`, `claims`) written by the `yaml` package, then the body. */
export function renderPage(page: ImportedPage): string {
  const frontmatter = stringify({ title: page.title, claims: page.claims }, { lineWidth: 0, aliasDuplicateObjects: false });
  return `---\n${frontmatter}---\n\n${page.body}`;
}

/** The file a page is written to, relative to the output folder. */
export function pageFile(page: ImportedPage): string {
  return `${page.slug}.mdx`;
}
