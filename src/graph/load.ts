/**
 * Load: turn the text of content files into typed records with line numbers.
 * Pure: callers read the files (see `scripts/` and `index.ts`) and pass their text in.
 */
import { isMap, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
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

/** Parse YAML keeping line numbers; syntax errors become diagnostics. */
function parseYaml(file: string, yaml: string, lineOffset: number) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter, prettyErrors: false, uniqueKeys: true });
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
  return { doc, lineOf, diagnostics };
}

/** Line of the YAML node at `path`, falling back to the nearest ancestor that exists. */
function lineAt(doc: Document, lineOf: (offset: number | undefined) => number, path: (string | number)[]): number {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth), true) as YamlNode | undefined;
    if (node && typeof node === 'object' && 'range' in node && node.range) {
      // For a map entry point at its key, which is what a reader looks for.
      const parent = depth > 0 ? (doc.getIn(path.slice(0, depth - 1), true) as YamlNode | undefined) : undefined;
      if (parent && isMap(parent)) {
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

/** Read the argument-map fields of one docs page. */
export function loadPage(source: TextFile, docsRelativePath: string): LoadResult<LoadedPage | null> {
  const { file, text } = source;
  const slug = slugForDocsPath(docsRelativePath);
  const split = splitFrontmatter(text);
  if (!split) {
    return {
      value: null,
      diagnostics: [diag(file, 1, 'no-frontmatter', 'the page has no frontmatter', 'Start the file with a `---` line, `title: …`, and a closing `---` line.')],
    };
  }
  const { doc, lineOf, diagnostics } = parseYaml(file, split.yaml, split.firstLine);
  if (diagnostics.length > 0) return { value: null, diagnostics };
  const data = (doc.toJS() ?? {}) as Record<string, unknown>;
  const title = typeof data.title === 'string' ? data.title : slug;
  const rawClaims = Array.isArray(data.claims) ? (data.claims as Record<string, unknown>[]) : [];
  const claimIdAt = (path: PropertyKey[]) => {
    if (path[0] !== 'claims' || typeof path[1] !== 'number') return undefined;
    const id = rawClaims[path[1]]?.id;
    return typeof id === 'string' ? id : undefined;
  };
  const parsed = PageGraphFieldsSchema.safeParse({ claims: data.claims, focus: data.focus, map: data.map });
  if (!parsed.success) {
    return { value: null, diagnostics: zodDiagnostics(file, parsed.error, doc, lineOf, [], claimIdAt) };
  }
  const claims = parsed.data.claims.map((claim, index): LoadedClaim => {
    const base: (string | number)[] = ['claims', index];
    const lines: Record<string, number> = {};
    for (const key of ['supports', 'attacks', 'undercuts', 'frames'] as const) {
      claim[key].forEach((_, i) => (lines[`${key}.${i}`] = lineAt(doc, lineOf, [...base, key, i])));
    }
    if (claim.answers) lines.answers = lineAt(doc, lineOf, [...base, 'answers']);
    for (const key of ['quote', 'source', 'by', 'voice', 'note', 'text', 'label', 'kind']) lines[key] = lineAt(doc, lineOf, [...base, key]);
    return { ...claim, file, line: lineAt(doc, lineOf, [...base, 'id']), lines };
  });
  const focusNode = doc.getIn(['focus'], true);
  const focus = parsed.data.focus.map((id, i) => ({
    id,
    line: isSeq(focusNode) ? lineAt(doc, lineOf, ['focus', i]) : split.firstLine,
  }));
  // `<Claim id="…" />` in the body also puts a claim in the page's focus.
  const bodyLines = split.body.split('\n');
  bodyLines.forEach((lineText, i) => {
    for (const match of lineText.matchAll(/<Claim\s+id=["']([^"']*)["']/g)) {
      focus.push({ id: match[1], line: split.bodyLine + i });
    }
  });
  return { value: { file, slug, title, claims, focus, map: parsed.data.map }, diagnostics: [] };
}

/** Read a registry file (`actors.yaml` or `sources.yaml`): a YAML list of records with ids. */
function loadRegistry<T extends { id: string }>(
  source: TextFile,
  entrySchema: typeof ActorSchema | typeof SourceSchema,
  what: string,
): LoadResult<{ items: T[]; lines: Record<string, number> }> {
  const { doc, lineOf, diagnostics } = parseYaml(source.file, source.text, 1);
  const items: T[] = [];
  const lines: Record<string, number> = {};
  if (diagnostics.length > 0) return { value: { items, lines }, diagnostics };
  const data: unknown = doc.toJS() ?? [];
  if (!Array.isArray(data)) {
    return { value: { items, lines }, diagnostics: [diag(source.file, 1, `${what}s-not-a-list`, `${source.file} must be a list of ${what}s`, `Start each ${what} with "- id: …".`)] };
  }
  const out: Diagnostic[] = [];
  // Entry by entry, so one bad entry does not hide the good ones (and cascade into every claim citing them).
  data.forEach((entry: { id?: unknown }, i) => {
    const parsed = entrySchema.safeParse(entry);
    if (!parsed.success) {
      const id = typeof entry?.id === 'string' ? `${what}:${entry.id}` : undefined;
      out.push(...zodDiagnostics(source.file, parsed.error, doc, lineOf, [i], () => id));
      return;
    }
    const item = parsed.data as unknown as T;
    const line = lineAt(doc, lineOf, [i, 'id']);
    if (item.id in lines) {
      out.push(diag(source.file, line, `duplicate-${what}`, `${what} id \`${item.id}\` is defined twice (first on line ${lines[item.id]})`, `Give each ${what} a unique id.`));
    } else {
      lines[item.id] = line;
      items.push(item);
    }
  });
  return { value: { items, lines }, diagnostics: out };
}

export const loadActors = (source: TextFile) => loadRegistry<Actor>(source, ActorSchema, 'actor');
export const loadSources = (source: TextFile) => loadRegistry<Source>(source, SourceSchema, 'source');
