/**
 * Load: turn the text of content files into typed records with line numbers.
 * Pure: callers read the files (see `scripts/` and `index.ts`) and pass their text in.
 */
import { constructFromEvents, CORE_SCHEMA, EVENT_ID, getScalarValue, parseEvents } from 'js-yaml-5';
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import type { z } from 'astro/zod';
import {
  ActorSchema,
  PageGraphFieldsSchema,
  SourceSchema,
  type Actor,
  type Claim,
  type Source,
} from './schema.ts';
import type { Diagnostic } from './types.ts';

/** A content file as read from disk. */
export interface TextFile {
  /** Path relative to the project root, used in messages. */
  file: string;
  text: string;
}

/** A claim as declared, with where it was declared. */
export interface LoadedClaim extends Claim {
  file: string;
  line: number;
  /** Line of each relation entry (`supports.0`, `attacks.1`, `undercuts.0`, `frames.0`, `answers`) and field. */
  lines: Record<string, number>;
}

export interface LoadedPage {
  file: string;
  slug: string;
  title: string;
  claims: LoadedClaim[];
  focus: { id: string; line: number }[];
  /** Whether the page asked for its map explicitly (`map: true/false`). */
  map?: boolean;
}

export interface LoadResult<T> {
  value: T;
  diagnostics: Diagnostic[];
}

/** Starlight's slug for a docs file: path below `docs/` without extension, `index` dropped, lowercased. */
export function slugForDocsPath(relativePath: string): string {
  const withoutExt = relativePath.replace(/\.(mdx|md)$/i, '');
  const parts = withoutExt.split('/').filter((part) => part !== '');
  if (parts.at(-1)?.toLowerCase() === 'index') parts.pop();
  return parts.map((part) => part.toLowerCase().replace(/[^a-z0-9_-]+/g, '-')).join('/');
}

/** The YAML between the leading `---` fences, and the line it starts on (1-based), or null. */
export function splitFrontmatter(text: string): { yaml: string; firstLine: number; bodyLine: number; body: string } | null {
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) return null;
  const yaml = match[1];
  const bodyLine = match[0].split('\n').length;
  return { yaml, firstLine: 2, bodyLine, body: text.slice(match[0].length) };
}

function diag(
  file: string,
  line: number,
  code: string,
  message: string,
  hint: string,
  claim?: string,
  severity: Diagnostic['severity'] = 'error',
): Diagnostic {
  return { severity, code, file, line, ...(claim ? { claim } : {}), message, hint };
}

/**
 * YAML is read twice over, the fast way first. js-yaml's event parser gives the data and the offset of every node
 * in one quick pass; when the content is valid that is all a page needs. Anything else (a syntax error, data the
 * schema rejects, or YAML this reader leaves to the other: anchors, aliases, tags, block scalars in lists) is
 * read again with `yaml`, whose documents give the diagnostics their messages and lines. Both read YAML 1.2 with
 * the core schema; tests hold them to the same result on every content file.
 */
interface Read {
  data: unknown;
  /** Line of the node at `path` (for a map entry, of its key), falling back to the nearest ancestor that exists. */
  lineAt(path: (string | number)[]): number;
  /** Whether the node at `path` is a list. */
  isList(path: (string | number)[]): boolean;
}

/** A node of the fast reader: where it starts, and its entries (a map's keys with where each key starts) or items. */
interface Place {
  start: number;
  entries?: Map<string, { key: number; value: Place }>;
  items?: Place[];
}

/** The fast reader (see `Read`); undefined when the YAML is to be read by `yaml` instead. */
function readFast(source: string, lineOffset: number): Read | undefined {
  let data: unknown;
  let root: Place | undefined;
  try {
    const events = parseEvents(source, {});
    const docs = constructFromEvents(events, { source, schema: CORE_SCHEMA });
    if (docs.length > 1) return undefined;
    data = docs[0];
    // Rebuild the tree of places from the events; a map's events alternate key, value.
    const open: { place: Place; key?: { name: string; at: number } }[] = [];
    const add = (place: Place, key?: string): boolean => {
      const parent = open.at(-1);
      if (!parent) return false;
      if (parent.place.items) parent.place.items.push(place);
      else if (parent.place.entries) {
        if (!parent.key) {
          if (key === undefined) return false;
          parent.key = { name: key, at: place.start };
        } else {
          parent.place.entries.set(parent.key.name, { key: parent.key.at, value: place });
          parent.key = undefined;
        }
      } else root = place;
      return true;
    };
    for (const e of events) {
      if (e.type === EVENT_ID.DOCUMENT) open.push({ place: { start: 0 } });
      else if (e.type === EVENT_ID.POP) open.pop();
      else if (e.type === EVENT_ID.ALIAS || e.anchorStart !== -1 || e.tagStart !== -1) return undefined;
      else if (e.type === EVENT_ID.SCALAR) {
        // A block scalar's offset is its text, not its `|` or `>` line, where `yaml` puts it: a list item's line would differ.
        if (e.style >= 4 && open.at(-1)?.place.items) return undefined;
        if (!add({ start: e.valueStart }, getScalarValue(source, e))) return undefined;
      } else {
        const place: Place = e.type === EVENT_ID.MAPPING ? { start: e.start, entries: new Map() } : { start: e.start, items: [] };
        if (!add(place)) return undefined;
        open.push({ place });
      }
    }
  } catch {
    return undefined;
  }
  const starts = [0];
  for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  const lineOf = (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + lineOffset;
  };
  const step = (place: Place | undefined, key: string | number) =>
    typeof key === 'number' ? place?.items?.[key] : place?.entries?.get(key)?.value;
  return {
    data,
    lineAt(path) {
      const chain = [root];
      for (const key of path) chain.push(step(chain.at(-1), key));
      for (let depth = path.length; depth >= 0; depth--) {
        const place = chain[depth];
        if (!place) continue;
        const entry = depth > 0 ? chain[depth - 1]?.entries?.get(path[depth - 1] as string) : undefined;
        return lineOf(entry ? entry.key : place.start);
      }
      return lineOffset;
    },
    isList: (path) => !!path.reduce<Place | undefined>(step, root)?.items,
  };
}

/** `yaml`, the slow reader: loaded the first time a file needs it, which a valid site never does. */
let yamlModule: typeof Yaml | undefined;
const yaml = (): typeof Yaml => (yamlModule ??= createRequire(import.meta.url)('yaml') as typeof Yaml);

/** Parse YAML keeping line numbers; syntax errors become diagnostics. */
function parseYaml(file: string, source: string, lineOffset: number) {
  const { LineCounter, parseDocument, visit } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineOf = (offset: number | undefined) => (offset === undefined ? lineOffset : lineCounter.linePos(offset).line + lineOffset - 1);
  // Only the first syntax error: the parser's later ones are mostly the same mistake seen from further down.
  const diagnostics = doc.errors.slice(0, 1).map((error) =>
    diag(
      file,
      lineOf(error.pos[0]),
      'yaml-syntax',
      `YAML syntax error: ${error.message.split('\n')[0]}`,
      'Check indentation, colons and quoting on this line; text containing ": " or starting with a quote must be quoted as a whole.',
    ),
  );
  let data: unknown;
  if (diagnostics.length === 0) {
    try {
      data = doc.toJS();
    } catch (error) {
      // `yaml` resolves aliases only here: one naming no anchor before it is reported like a syntax error, at its line.
      let at: number | undefined;
      visit(doc, {
        Alias(_, node) {
          if (at === undefined && !node.resolve(doc)) at = node.range?.[0];
        },
      });
      const message = `YAML syntax error: ${(error as Error).message.split('\n')[0]}`;
      diagnostics.push(diag(file, lineOf(at), 'yaml-syntax', message, 'An alias (`*name`) repeats a node marked `&name` earlier in the file; quote text that starts with `*` or `&`.'));
    }
  }
  return { doc, lineOf, diagnostics, data };
}

/** The slow reader's document as a `Read` (once it has no errors). */
const readDocument = (doc: Document, data: unknown, lineOf: (offset: number | undefined) => number): Read => ({
  data,
  lineAt: (path) => lineAt(doc, lineOf, path),
  isList: (path) => yaml().isSeq(doc.getIn(path, true)),
});

/** Line of the YAML node at `path`, falling back to the nearest ancestor that exists. */
function lineAt(doc: Document, lineOf: (offset: number | undefined) => number, path: (string | number)[]): number {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth), true) as YamlNode | undefined;
    if (node && typeof node === 'object' && 'range' in node && node.range) {
      // For a map entry point at its key, which is what a reader looks for.
      const parent = depth > 0 ? (doc.getIn(path.slice(0, depth - 1), true) as YamlNode | undefined) : undefined;
      if (parent && yaml().isMap(parent)) {
        const pair = parent.items.find((item) => (item.key as { value?: unknown })?.value === path[depth - 1]);
        const keyRange = (pair?.key as YamlNode | undefined)?.range;
        if (keyRange) return lineOf(keyRange[0]);
      }
      return lineOf(node.range[0]);
    }
  }
  return lineOf(undefined);
}

const FIELD_HINTS: Record<string, string> = {
  id: 'Use lowercase letters, digits and single hyphens, e.g. `blind-spots`.',
  kind: 'Use one of: question, position, claim, evidence, assumption, context.',
  text: 'Write the claim in one or two plain sentences.',
  url: 'Give the full public address, starting with https:// (or http://).',
  date: 'Write the date as YYYY-MM-DD, YYYY-MM or YYYY; leave it out if unknown.',
  accessed: 'Write the day the page was read as YYYY-MM-DD (or YYYY-MM, YYYY when only that was recorded).',
};

/** Turn Zod issues into diagnostics that point at the offending YAML line. */
function zodDiagnostics(
  file: string,
  error: z.ZodError,
  doc: Document,
  lineOf: (offset: number | undefined) => number,
  basePath: (string | number)[],
  claimIdAt: (path: PropertyKey[]) => string | undefined,
): Diagnostic[] {
  return error.issues.map((issue) => {
    const path = [...basePath, ...issue.path.filter((p): p is string | number => typeof p !== 'symbol')];
    const field = [...issue.path].reverse().find((p): p is string => typeof p === 'string');
    const where = field ? `\`${field}\`` : 'entry';
    let message = `${where} ${issue.message}`;
    let hint = (field && FIELD_HINTS[field]) ?? 'See the content model in CONTRIBUTING.md.';
    let line = lineAt(doc, lineOf, path);
    if (issue.code === 'unrecognized_keys') {
      const keys = (issue as { keys?: string[] }).keys ?? [];
      message = `unknown field${keys.length > 1 ? 's' : ''} ${keys.map((k) => `\`${k}\``).join(', ')}`;
      hint = 'Remove it or fix its spelling; see the list of fields in CONTRIBUTING.md.';
      if (keys[0]) line = lineAt(doc, lineOf, [...path, keys[0]]);
    } else if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && doc.getIn(path) === undefined) {
      // Zod reports a missing enum field (`kind`) as invalid_value, not invalid_type.
      message = `missing required field ${where}`;
    } else if (issue.code === 'invalid_value' && field === 'kind') {
      message = `unknown kind ${JSON.stringify(doc.getIn(path))}`;
    }
    const claim = claimIdAt(issue.path);
    return diag(file, line, `schema-${issue.code}`, message, hint, claim);
  });
}

/** For tests: `fast: false` reads with `yaml` alone, so that both readers can be compared. */
export interface LoadOptions {
  fast?: boolean;
}

/** Read the argument-map fields of one docs page. */
export function loadPage(source: TextFile, docsRelativePath: string, { fast = true }: LoadOptions = {}): LoadResult<LoadedPage | null> {
  const { file, text } = source;
  const slug = slugForDocsPath(docsRelativePath);
  const split = splitFrontmatter(text);
  if (!split) {
    return {
      value: null,
      diagnostics: [diag(file, 1, 'no-frontmatter', 'the page has no frontmatter', 'Start the file with a `---` line, `title: …`, and a closing `---` line.')],
    };
  }
  const pageOf = (read: Read) => {
    const data = (read.data ?? {}) as Record<string, unknown>;
    const title = typeof data.title === 'string' ? data.title : slug;
    const parsed = PageGraphFieldsSchema.safeParse({ claims: data.claims, focus: data.focus, map: data.map });
    if (!parsed.success) return { ok: false as const, data, error: parsed.error };
    const claims = parsed.data.claims.map((claim, index): LoadedClaim => {
      const base: (string | number)[] = ['claims', index];
      const lines: Record<string, number> = {};
      for (const key of ['supports', 'attacks', 'undercuts', 'frames'] as const) {
        claim[key].forEach((_, i) => (lines[`${key}.${i}`] = read.lineAt([...base, key, i])));
      }
      if (claim.answers) lines.answers = read.lineAt([...base, 'answers']);
      for (const key of ['quote', 'source', 'by', 'voice', 'note', 'text', 'label', 'kind']) lines[key] = read.lineAt([...base, key]);
      return { ...claim, file, line: read.lineAt([...base, 'id']), lines };
    });
    const focusIsList = read.isList(['focus']);
    const focus = parsed.data.focus.map((id, i) => ({ id, line: focusIsList ? read.lineAt(['focus', i]) : split.firstLine }));
    // `<Claim id="…" />` in the body also puts a claim in the page's focus.
    const bodyLines = split.body.split('\n');
    bodyLines.forEach((lineText, i) => {
      for (const match of lineText.matchAll(/<Claim\s+id=["']([^"']*)["']/g)) {
        focus.push({ id: match[1], line: split.bodyLine + i });
      }
    });
    return { ok: true as const, value: { file, slug, title, claims, focus, map: parsed.data.map } };
  };

  // A valid page is read the fast way; anything else again by `yaml`, for its diagnostics (see `Read`).
  const quick = fast ? readFast(split.yaml, split.firstLine) : undefined;
  const first = quick && pageOf(quick);
  if (first?.ok) return { value: first.value, diagnostics: [] };
  const { doc, lineOf, diagnostics, data } = parseYaml(file, split.yaml, split.firstLine);
  if (diagnostics.length > 0) return { value: null, diagnostics };
  const page = pageOf(readDocument(doc, data, lineOf));
  if (page.ok) return { value: page.value, diagnostics: [] };
  const rawClaims = Array.isArray(page.data.claims) ? (page.data.claims as Record<string, unknown>[]) : [];
  const claimIdAt = (path: PropertyKey[]) => {
    if (path[0] !== 'claims' || typeof path[1] !== 'number') return undefined;
    const id = rawClaims[path[1]]?.id;
    return typeof id === 'string' ? id : undefined;
  };
  return { value: null, diagnostics: zodDiagnostics(file, page.error, doc, lineOf, [], claimIdAt) };
}

/** Read a registry file (`actors.yaml` or `sources.yaml`): a YAML list of records with ids. */
function loadRegistry<T extends { id: string }>(
  source: TextFile,
  entrySchema: typeof ActorSchema | typeof SourceSchema,
  what: string,
  { fast = true }: LoadOptions,
): LoadResult<{ items: T[]; lines: Record<string, number> }> {
  /** Entries in file order; a repeated id is reported on its second line, naming the first. */
  const collector = () => {
    const items: T[] = [];
    const lines: Record<string, number> = {};
    const diagnostics: Diagnostic[] = [];
    return {
      add(item: T, line: number) {
        if (item.id in lines) {
          diagnostics.push(diag(source.file, line, `duplicate-${what}`, `${what} id \`${item.id}\` is defined twice (first on line ${lines[item.id]})`, `Give each ${what} a unique id.`));
        } else {
          lines[item.id] = line;
          items.push(item);
        }
      },
      diagnostics,
      result: () => ({ value: { items, lines }, diagnostics }),
    };
  };
  /** The registry, or undefined when an entry does not fit the schema (`yaml` then reports it). */
  const registryOf = (read: Read): LoadResult<{ items: T[]; lines: Record<string, number> }> | undefined => {
    const data = read.data ?? [];
    if (!Array.isArray(data)) return undefined;
    const registry = collector();
    for (let i = 0; i < data.length; i++) {
      const parsed = entrySchema.safeParse(data[i]);
      if (!parsed.success) return undefined;
      registry.add(parsed.data as unknown as T, read.lineAt([i, 'id']));
    }
    return registry.result();
  };
  const quick = fast ? readFast(source.text, 1) : undefined;
  const first = quick && registryOf(quick);
  if (first) return first;

  const { doc, lineOf, diagnostics, data: read } = parseYaml(source.file, source.text, 1);
  const items: T[] = [];
  const lines: Record<string, number> = {};
  if (diagnostics.length > 0) return { value: { items, lines }, diagnostics };
  const data: unknown = read ?? [];
  if (!Array.isArray(data)) {
    return { value: { items, lines }, diagnostics: [diag(source.file, 1, `${what}s-not-a-list`, `${source.file} must be a list of ${what}s`, `Start each ${what} with "- id: …".`)] };
  }
  const registry = collector();
  // Entry by entry, so one bad entry does not hide the good ones (and cascade into every claim citing them).
  data.forEach((entry: { id?: unknown }, i) => {
    const parsed = entrySchema.safeParse(entry);
    if (!parsed.success) {
      const id = typeof entry?.id === 'string' ? `${what}:${entry.id}` : undefined;
      registry.diagnostics.push(...zodDiagnostics(source.file, parsed.error, doc, lineOf, [i], () => id));
      return;
    }
    registry.add(parsed.data as unknown as T, lineAt(doc, lineOf, [i, 'id']));
  });
  return registry.result();
}

export const loadActors = (source: TextFile, options: LoadOptions = {}) => loadRegistry<Actor>(source, ActorSchema, 'actor', options);
export const loadSources = (source: TextFile, options: LoadOptions = {}) => loadRegistry<Source>(source, SourceSchema, 'source', options);
