/**
 * Sections of docs/benchmarks.md that a script other than `scripts/bench.ts` writes (such as `scripts/bench/import.ts`),
 * kept between `<!-- section:NAME -->` markers so that each script replaces only its own and a full `npm run bench`
 * carries them over.
 */
const marked = /<!-- section:([\w-]+) -->\n[\s\S]*?\n<!-- \/section:\1 -->\n?/g;

/** `doc` with the section `name` set to `body`: replaced where it is, else placed before `## Method`, else at the end. */
export function replaceSection(doc: string, name: string, body: string): string {
  const block = `<!-- section:${name} -->\n${body.trim()}\n<!-- /section:${name} -->\n`;
  const existing = new RegExp(`<!-- section:${name} -->\\n[\\s\\S]*?\\n<!-- /section:${name} -->\\n?`);
  if (existing.test(doc)) return doc.replace(existing, block);
  const method = doc.indexOf('\n## Method');
  return method >= 0 ? `${doc.slice(0, method + 1)}${block}\n${doc.slice(method + 1)}` : `${doc.trimEnd()}\n\n${block}`;
}

/** `next` (a freshly written report) with every marked section of `previous` carried over. */
export function carrySections(previous: string, next: string): string {
  let doc = next;
  for (const match of previous.matchAll(marked)) {
    const body = match[0].replace(/^<!-- section:[\w-]+ -->\n/, '').replace(/\n<!-- \/section:[\w-]+ -->\n?$/, '');
    doc = replaceSection(doc, match[1], body);
  }
  return doc;
}
