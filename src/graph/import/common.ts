/**
 * The part every importer shares: allocate stable kebab-case ids, collect claims and relations, then make
 * the result pass the site's validation rules (no self-relations, no support cycles, questions unlinked,
 * positions only with a known actor, undercuts only of relations that exist), reporting everything dropped.
 */
import { closingEdges, describeCycle } from '../cycles.ts';
import { ID_PATTERN, type ClaimInput, type ClaimRef, type UndercutRef } from '../schema.ts';
import type { ImportOptions, ImportReport, ImportResult, KnownActor, Skipped } from './types.ts';

/** The kinds an import produces: positions only when a known actor answers a question. */
export type ImportedKind = 'question' | 'position' | 'claim';

/** Fields of a claim as an importer sees it. */
export interface DraftFields {
  /** Words the id is made from (a title, or the claim text). */
  slug: string;
  text: string;
  /** Map label; a text over `MAX_LABEL` characters without one gets `shortLabel(text)`. */
  label?: string;
  kind?: 'question' | 'claim';
  /** Where the claim is in the input, for the report (defaults to the key). */
  origin?: string;
  /** Actor id; must be one of `options.actors`. */
  by?: string;
  note?: string;
}

interface Relation {
  kind: 'supports' | 'attacks';
  from: string;
  to: string;
  note?: string;
  position?: string;
}

interface Undercut {
  by: string;
  from: string;
  to: string;
  note?: string;
  position?: string;
}

interface Claim {
  key: string;
  id: string;
  origin: string;
  kind: ImportedKind;
  text: string;
  label?: string;
  by?: string;
  notes: string[];
}

/** kebab-case words of `text`: ASCII letters and digits, at most `maxWords` words and about `maxLength` characters. */
export function kebab(text: string, maxWords = 6, maxLength = 48): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let out = '';
  for (const word of words.slice(0, maxWords)) {
    if (out && out.length + 1 + word.length > maxLength) break;
    out = out ? `${out}-${word}` : word.slice(0, maxLength);
  }
  return out;
}

/** Longest map label an import leaves as it is; the site warns above 120 characters. */
export const MAX_LABEL = 120;

/** A map label for a long text: its first sentence if that is short enough, else the text cut at a word, with `…`. */
export function shortLabel(text: string, max = MAX_LABEL): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const sentence = /^(.{20,}?[.!?])\s/.exec(flat)?.[1];
  if (sentence && sentence.length <= max) return sentence;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '')}…`;
}

/** Throws unless `name` can prefix claim ids. */
export function checkImportName(name: string): void {
  if (!ID_PATTERN.test(name)) throw new Error(`import name \`${name}\` must be kebab-case (lowercase letters, digits, single hyphens)`);
}

/** The actor a speaker's name or id refers to, if the site knows it (case and spacing ignored). */
export function findActor(actors: KnownActor[] | undefined, speaker: string): KnownActor | undefined {
  const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  const wanted = norm(speaker);
  return actors?.find((a) => norm(a.name) === wanted || a.id === wanted);
}

/** The file name without folders, reduced to characters that are safe in MDX prose. */
export function safeFileName(file: string): string {
  return (file.split(/[\\/]/).pop() ?? file).replace(/[^\w.-]+/g, '_');
}

/** `line:column` of a character offset in `text` (both 1-based). */
export function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, Math.max(0, offset));
  const lines = before.split('\n');
  return `${lines.length}:${lines[lines.length - 1].length + 1}`;
}

/** Collects one import's claims and relations, keyed by the importer's own keys, then repairs and reports. */
export interface Draft {
  /** Adds a claim (first text wins for a repeated key) and returns its id. */
  addClaim(key: string, fields: DraftFields): string;
  has(key: string): boolean;
  /** Appends a sentence to the claim's `note`. */
  addNote(key: string, note: string): void;
  relate(kind: 'supports' | 'attacks', from: string, to: string, note?: string, position?: string): void;
  /** `from` answers the question `to`: kept only if `from` has a known actor and `to` can stay a question. */
  answer(from: string, to: string, position?: string): void;
  /** `by` undercuts the supports/attacks relation from `from` to `to`. */
  undercut(by: string, from: string, to: string, note?: string, position?: string): void;
  skip(what: string, why: string, position?: string): void;
  /** Repairs what validation would reject, reporting each change, and returns the frontmatter claims. */
  finish(): { claims: ClaimInput[]; report: ImportReport };
}

/** A new, empty draft for `options.name`. */
export function createDraft(options: ImportOptions): Draft {
  checkImportName(options.name);
  const claims = new Map<string, Claim>();
  const ids = new Set<string>();
  const relations: Relation[] = [];
  const undercuts: Undercut[] = [];
  const answers: { from: string; to: string; position?: string }[] = [];
  const skipped: Skipped[] = [];
  const idOf = (key: string) => claims.get(key)?.id ?? key;

  const allocate = (slug: string): string => {
    const base = `${options.name}-${kebab(slug) || 'claim'}`;
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
    ids.add(id);
    return id;
  };

  const skip = (what: string, why: string, position?: string) => skipped.push(position ? { what, why, position } : { what, why });

  return {
    addClaim(key, fields) {
      const existing = claims.get(key);
      if (existing) return existing.id;
      const text = fields.text.trim();
      if (!text) throw new Error(`claim ${key} has no text`);
      const label = fields.label?.trim() || (text.length > MAX_LABEL ? shortLabel(text) : undefined);
      const claim: Claim = { key, id: allocate(fields.slug), origin: fields.origin ?? key, kind: fields.kind ?? 'claim', text, notes: [] };
      if (label && label !== text) claim.label = label;
      if (fields.by) claim.by = fields.by;
      if (fields.note?.trim()) claim.notes.push(fields.note.trim());
      claims.set(key, claim);
      return claim.id;
    },
    has: (key) => claims.has(key),
    addNote(key, note) {
      const claim = claims.get(key);
      if (claim && !claim.notes.includes(note)) claim.notes.push(note);
    },
    relate(kind, from, to, note, position) {
      relations.push({ kind, from, to, note, position });
    },
    answer(from, to, position) {
      answers.push({ from, to, position });
    },
    undercut(by, from, to, note, position) {
      undercuts.push({ by, from, to, note, position });
    },
    skip,
    finish() {
      const describe = (r: { kind: string; from: string; to: string }) => `${r.kind} from \`${idOf(r.from)}\` to \`${idOf(r.to)}\``;

      // Relations: both ends exist, no self-relations, no duplicates.
      const seen = new Map<string, Relation>();
      for (const r of relations) {
        if (!claims.has(r.from) || !claims.has(r.to)) {
          skip(`${r.kind} ${r.from} → ${r.to}`, 'one of its ends is not a claim', r.position);
        } else if (r.from === r.to) {
          skip(describe(r), 'a claim cannot support or attack itself', r.position);
        } else {
          const key = `${r.kind} ${r.from} ${r.to}`;
          const first = seen.get(key);
          if (!first) seen.set(key, { ...r });
          else if (r.note && first.note !== r.note) first.note = first.note ? `${first.note} ${r.note}` : r.note;
        }
      }
      let kept = [...seen.values()];

      // Questions never declare relations and are never supported or attacked.
      for (const claim of claims.values()) {
        if (claim.kind !== 'question') continue;
        if (kept.some((r) => r.from === claim.key || r.to === claim.key) || undercuts.some((u) => u.by === claim.key)) {
          claim.kind = 'claim';
          skip(`kind question of \`${claim.id}\``, 'it supports, attacks or is supported or attacked, which questions may not; imported as a claim');
        }
      }

      // Support cycles: depth-first in claim order, dropping each edge that closes a cycle.
      const out = new Map<string, Relation[]>();
      for (const r of kept) {
        if (r.kind !== 'supports') continue;
        const list = out.get(r.from);
        if (list) list.push(r);
        else out.set(r.from, [r]);
      }
      const dropped = new Set<Relation>();
      for (const { edge, cycle } of closingEdges(claims.keys(), (key) => out.get(key) ?? [], (r) => r.to)) {
        dropped.add(edge);
        skip(describe(edge), `it closes a cycle of supports (${describeCycle(cycle, idOf)}), which the site rejects`, edge.position);
      }
      kept = kept.filter((r) => !dropped.has(r));

      // Undercuts: of a relation that exists, not by its own source.
      const keptUndercuts: Undercut[] = [];
      const undercutSeen = new Set<string>();
      for (const u of undercuts) {
        const what = `undercut by \`${idOf(u.by)}\` of ${u.from} → ${u.to}`;
        if (!claims.has(u.by)) skip(what, 'the undercutter is not a claim', u.position);
        else if (!kept.some((r) => r.from === u.from && r.to === u.to)) {
          skip(`undercut by \`${idOf(u.by)}\` of the relation from \`${idOf(u.from)}\` to \`${idOf(u.to)}\``, 'that relation was not imported', u.position);
        } else if (u.by === u.from) skip(what, 'a claim cannot undercut its own relation', u.position);
        else if (!undercutSeen.has(`${u.by} ${u.from} ${u.to}`)) {
          undercutSeen.add(`${u.by} ${u.from} ${u.to}`);
          keptUndercuts.push(u);
        }
      }

      // Answers: a position needs a known actor (`by`) and a question to answer, and answers only one.
      const answered = new Map<string, string>();
      for (const a of answers) {
        const from = claims.get(a.from);
        const to = claims.get(a.to);
        const what = `answers from \`${idOf(a.from)}\` to \`${idOf(a.to)}\``;
        if (!from || !to) skip(what, 'one of its ends is not a claim', a.position);
        else if (to.kind !== 'question') skip(what, `\`${to.id}\` is not a question`, a.position);
        else if (!from.by) skip(what, 'a position needs a speaker from content/actors.yaml (`by`), and this claim has none', a.position);
        else if (answered.has(a.from) && answered.get(a.from) !== a.to) skip(what, 'a position answers only one question', a.position);
        else answered.set(a.from, a.to);
      }
      for (const key of answered.keys()) claims.get(key)!.kind = 'position';

      const result: ClaimInput[] = [];
      const ref = (r: { to: string; note?: string }): ClaimRef => (r.note ? { to: idOf(r.to), note: r.note } : idOf(r.to));
      for (const claim of claims.values()) {
        const entry: ClaimInput = { id: claim.id, kind: claim.kind, text: claim.text };
        if (claim.label) entry.label = claim.label;
        if (claim.by) entry.by = claim.by;
        if (claim.notes.length) entry.note = claim.notes.join(' ');
        const answer = answered.get(claim.key);
        if (answer) entry.answers = idOf(answer);
        const supports = kept.filter((r) => r.from === claim.key && r.kind === 'supports').map(ref);
        const attacks = kept.filter((r) => r.from === claim.key && r.kind === 'attacks').map(ref);
        const under = keptUndercuts
          .filter((u) => u.by === claim.key)
          .map((u): UndercutRef => ({ from: idOf(u.from), to: idOf(u.to), ...(u.note ? { note: u.note } : {}) }));
        if (supports.length) entry.supports = supports;
        if (attacks.length) entry.attacks = attacks;
        if (under.length) entry.undercuts = under;
        result.push(entry);
      }

      const claimsByKind: Record<string, number> = {};
      for (const c of result) claimsByKind[c.kind] = (claimsByKind[c.kind] ?? 0) + 1;
      const relationsByKind: Record<string, number> = {};
      const count = (kind: string, n: number) => n && (relationsByKind[kind] = (relationsByKind[kind] ?? 0) + n);
      count('supports', kept.filter((r) => r.kind === 'supports').length);
      count('attacks', kept.filter((r) => r.kind === 'attacks').length);
      count('undercuts', keptUndercuts.length);
      count('answers', answered.size);
      const origins = Object.fromEntries([...claims.values()].map((c) => [c.id, c.origin]));
      return { claims: result, report: { claimsByKind, relationsByKind, skipped, origins } };
    },
  };
}

/** The usual result: all claims on one page, `<out>/index.mdx`, with a short provenance note. */
export function singlePageResult(options: ImportOptions, title: string, format: string, draft: Draft): ImportResult {
  const { claims, report } = draft.finish();
  const file = safeFileName(options.file);
  const skippedNote = report.skipped.length
    ? ` ${report.skipped.length} item${report.skipped.length === 1 ? ' was' : 's were'} not imported; \`npm run import\` lists them.`
    : '';
  const body = `Imported from \`${file}\` (${format}) with \`npm run import\`: ${claims.length} claims. The map and the claim pages show its structure.${skippedNote}\n`;
  return { pages: [{ slug: 'index', title: title.trim() || options.name, claims, body }], report };
}
