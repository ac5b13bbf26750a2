/**
 * Kialo plain-text export → site claims.
 *
 * Format: `Discussion Title: …`, then one claim per line `<dotted path>. [Pro|Con]: <text>`; the thesis (`1.`) has
 * no stance; a path's parent is the claim it responds to; `-> See 1.2.2.` marks a link to another claim.
 *
 * Mapping:
 * - the discussion title → a `question`, kept unlinked: only positions may answer it, and a position needs an actor
 *   (`by`) that a Kialo export does not have. The thesis (and any other top-level claim) → a `claim`.
 * - `Pro:` → `supports` the parent; `Con:` → `attacks` the parent.
 * - `-> See <path>` → the linked claim itself supports/attacks this parent (no duplicate node); a link to a path
 *   that does not exist is reported and skipped; children of a link line respond to the linked claim.
 * - backslash escapes (`\(`, `\)`, `\[` …) are removed. A Markdown link `[the UK](https://…)` keeps its words in the
 *   text (claim texts are shown as text, never as Markdown) and its address in the note. A line that does not start
 *   with a path continues the claim above it.
 */
import { createDraft, singlePageResult } from './common.ts';
import { ImportError, type ImportOptions, type ImportResult } from './types.ts';

interface Line {
  path: string;
  stance?: 'Pro' | 'Con';
  text: string;
  link?: string;
  line: number;
}

const CLAIM_LINE = /^((?:\d+\.)+)\s+(?:(Pro|Con):\s*)?(.*)$/;
const LINK = /^->\s*See\s+((?:\d+\.)*\d+\.?)\s*$/;

/** Remove Markdown backslash escapes (`\(` → `(`). */
const unescape = (text: string) => text.replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, '$1');

/** `[words](address)` (or an image `![words](address)`), the address allowing one level of parentheses (and spaces: real exports have them). */
const MARKDOWN_LINK = /(?<!\\)!?\[((?:[^\]\\]|\\.)*)\]\(((?:[^()\\]|\\.|\([^()]*\))+)\)/g;

/** The text with each Markdown link reduced to its words, and a note listing the links' addresses. */
export function splitLinks(raw: string): { text: string; note?: string } {
  const links: string[] = [];
  const text = raw.replace(MARKDOWN_LINK, (_, words: string, address: string) => {
    const shown = unescape(words).trim();
    links.push(shown ? `“${shown}”: ${unescape(address)}` : unescape(address));
    return words;
  });
  return { text: unescape(text), ...(links.length ? { note: `Links: ${[...new Set(links)].join('; ')}.` } : {}) };
}
const withDot = (path: string) => (path.endsWith('.') ? path : `${path}.`);
const parentOf = (path: string) => path.replace(/\d+\.$/, '');

/** Parse a Kialo text export into pages of claims; throws `ImportError` (file, line:column) on malformed lines. */
export function importKialo(text: string, options: ImportOptions): ImportResult {
  const fail = (line: number, column: number, message: string): never => {
    throw new ImportError(options.file, `${line}:${column}`, message);
  };
  const rows = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const head = /^Discussion Title:\s*(.*)$/.exec(rows[0] ?? '');
  if (!head || !head[1].trim()) return fail(1, 1, 'a Kialo export starts with `Discussion Title: …`');
  const heading = splitLinks(head[1].trim());
  const title = heading.text;

  const lines: Line[] = [];
  const byPath = new Map<string, Line>();
  rows.slice(1).forEach((raw, i) => {
    const lineNo = i + 2;
    if (!raw.trim()) return;
    const match = CLAIM_LINE.exec(raw);
    if (!match) {
      const last = lines.at(-1);
      if (!last) return fail(lineNo, 1, 'expected a claim line such as `1. Thesis` or `1.1. Pro: …`');
      last.text = `${last.text}\n${raw.trim()}`;
      return;
    }
    const [, path, stance, rest] = match;
    const depth = path.split('.').length - 1;
    if (byPath.has(path)) return fail(lineNo, 1, `claim ${path} appears twice (first on line ${byPath.get(path)!.line})`);
    if (depth > 1 && !stance) return fail(lineNo, path.length + 2, `expected \`Pro:\` or \`Con:\` after ${path}`);
    if (depth > 1 && !byPath.has(parentOf(path))) return fail(lineNo, 1, `claim ${path} responds to ${parentOf(path)}, which is not in the file above it`);
    const link = LINK.exec(rest.trim());
    const entry: Line = { path, text: rest.trim(), line: lineNo, ...(stance ? { stance: stance as 'Pro' | 'Con' } : {}), ...(link ? { link: withDot(link[1]) } : {}) };
    if (!link && !entry.text) return fail(lineNo, path.length + 2, `claim ${path} has no text`);
    lines.push(entry);
    byPath.set(path, entry);
  });
  if (!lines.length) return fail(2, 1, 'the export has a title but no claims');

  const draft = createDraft(options);
  draft.addClaim('question', { slug: title, text: title, kind: 'question', note: ['The Kialo discussion title.', heading.note].filter(Boolean).join(' '), origin: 'Discussion Title' });

  /** The claim a path stands for, following `-> See` links; undefined for a broken link. */
  const resolved = new Map<string, string | undefined>();
  const resolve = (path: string): string | undefined => {
    // Walk the links (iteratively: chains can be long), then remember the answer for every path on the way.
    const walked = new Set<string>();
    let found: string | undefined;
    for (let entry = byPath.get(path); entry; entry = byPath.get(entry.link!)) {
      if (resolved.has(entry.path)) {
        found = resolved.get(entry.path);
        break;
      }
      if (!entry.link) {
        found = entry.path;
        break;
      }
      if (walked.has(entry.path)) break;
      walked.add(entry.path);
    }
    for (const p of walked) resolved.set(p, found);
    return found;
  };

  lines.forEach((entry, i) => {
    if (i % 1000 === 999) options.onProgress?.(i + 1, lines.length);
    if (entry.link) return;
    const { text: words, note } = splitLinks(entry.text);
    draft.addClaim(entry.path, { slug: words, text: words, note, origin: entry.path });
  });
  options.onProgress?.(lines.length, lines.length);

  for (const entry of lines) {
    const position = `${entry.line}:1`;
    const self = resolve(entry.path);
    if (entry.link && !self) {
      draft.skip('Kialo links to missing claims', `${entry.path} ${entry.stance ?? ''}: -> See ${entry.link}`, `the linked claim ${entry.link} is not in the export`, position);
      continue;
    }
    if (!entry.stance) continue;
    const parent = resolve(parentOf(entry.path));
    if (!parent || !self) {
      draft.skip('Kialo links to missing claims', `${entry.path} ${entry.stance}`, `it responds to ${parentOf(entry.path)}, a link that could not be resolved`, position);
      continue;
    }
    const note = entry.link ? `Kialo link: ${entry.path} -> See ${entry.link}` : undefined;
    draft.relate(entry.stance === 'Pro' ? 'supports' : 'attacks', self, parent, note, position);
  }
  return singlePageResult(options, title, 'Kialo', draft);
}
