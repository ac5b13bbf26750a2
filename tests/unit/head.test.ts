/** Titles reach `<head>` as text: the route middleware's escaping (`src/lib/head.ts`). */
import { describe, expect, it } from 'vitest';
import { escapeHeadText, escapeHtmlText } from '../../src/lib/head.ts';

const PAYLOAD = '</title><script>window.__pwned=1</script>';

describe('escapeHeadText', () => {
  it('escapes the <title> text, and only that', () => {
    const route = {
      head: [
        { tag: 'title', content: `${PAYLOAD} & more | Site` },
        { tag: 'meta', attrs: { property: 'og:title', content: PAYLOAD } },
        { tag: 'script', content: 'console.log(1 < 2)' },
      ],
      entry: { data: { title: PAYLOAD } },
    };
    escapeHeadText(route);
    expect(route.head[0].content).toBe('&lt;/title&gt;&lt;script&gt;window.__pwned=1&lt;/script&gt; &amp; more | Site');
    // Attributes are escaped by Astro; a script a page adds on purpose is markup.
    expect(route.head[1]).toEqual({ tag: 'meta', attrs: { property: 'og:title', content: PAYLOAD } });
    expect(route.head[2].content).toBe('console.log(1 < 2)');
  });

  it('gives a hero the page title as text, and leaves a hero title the page wrote alone', () => {
    const defaulted = { head: [], entry: { data: { title: PAYLOAD, hero: {} as { title?: string } } } };
    escapeHeadText(defaulted);
    expect(defaulted.entry.data.hero.title).toBe(escapeHtmlText(PAYLOAD));
    const own = { head: [], entry: { data: { title: PAYLOAD, hero: { title: 'A <em>hero</em>' } } } };
    escapeHeadText(own);
    expect(own.entry.data.hero.title).toBe('A <em>hero</em>');
  });

  it('reads the same once the browser decodes it', () => {
    const decode = (html: string) => html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    for (const text of [PAYLOAD, 'a &amp; b', '&lt;', 'plain']) expect(decode(escapeHtmlText(text))).toBe(text);
  });
});
