/**
 * Text that reaches `<head>` as markup. Starlight writes each head entry's `content` with `set:html`, and puts the
 * page title there as it is (`<title>{title} | {site}</title>`), so a title such as `</title><script>…` would close
 * the element and run; a hero without its own title shows the page title the same way. Attributes (description,
 * `og:title`) are escaped by Astro already. The route middleware (`src/routeData.ts`) passes every route through here.
 */

/** `&`, `<` and `>` as character references: the text reads the same and can never become markup. */
export const escapeHtmlText = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

interface HeadEntry {
  tag: string;
  content?: string;
}

interface RouteLike {
  head: HeadEntry[];
  entry: { data: { title: string; hero?: { title?: string } } };
}

/** Escape, in place, the text of every `<title>` in the head, and the page title a hero shows by default. */
export function escapeHeadText(route: RouteLike): void {
  for (const entry of route.head) {
    if (entry.tag === 'title' && entry.content) entry.content = escapeHtmlText(entry.content);
  }
  const { data } = route.entry;
  // A hero's own `title` is HTML by Starlight's design (written on purpose); the page title is text.
  if (data.hero && data.hero.title === undefined) data.hero.title = escapeHtmlText(data.title);
}
