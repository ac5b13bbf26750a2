/**
 * The part every importer shares: allocate stable kebab-case ids (or keep the ids a site export gives), collect
 * claims and relations, then make the result pass the site's validation rules (no self-relations, no support
 * cycles, questions unlinked, positions only with a known actor, evidence and context only with a known source,
 * framing only with a source, undercuts only of relations that exist), reporting everything dropped or changed.
 */
import { closingEdges, describeCycle } from '../cycles.ts';
import { CLAIM_KINDS, ID_PATTERN, VOICES, type ClaimKind, type Voice } from '../model.ts';
import type { ClaimInput, ClaimRef, UndercutRef } from '../schema.ts';
import type { ImportOptions, ImportReport, ImportResult, KnownActor, Skipped } from './types.ts';

/** Fields of a claim as an importer sees it. */
export interface DraftFields {
  /** Words the id is made from (a title, or the claim text). */
  slug: string;
  /** The site id the input gives the claim (a site export's titles); kept when it is kebab-case and free. */
  id?: string;
  text: string;
  /** Map label; a text over `MAX_LABEL` characters without one gets `shortLabel(text)`. */
  label?: string;
  /** The kind the input asks for; kept if the claim meets that kind's rules, else `claim` (reported). */
  kind?: ClaimKind;
  /** Where the claim is in the input, for the report (defaults to the key). */
  origin?: string;
  /** Actor id; must be one of `options.actors`. */
  by?: string;
  /** Source id; kept if it is one of `options.sources`. */
  source?: string;
  quote?: string;
  voice?: Voice;
  note?: string;
}

type ArgumentKind = 'supports' | 'attacks';

interface Relation {
  kind: ArgumentKind | 'frames';
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

interface Claim extends Omit<DraftFields, 'note' | 'slug' | 'origin'> {
  key: string;
  slug: string;
  origin: string;
  kind: ClaimKind;
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

/** A value from an input file as one line of prose for a note: strings as they are, anything else as JSON. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** A claim's own fields a site export carries, read from a record of unknown shape (Argdown data, the AIF extension). */
export function siteFields(data: Record<string, unknown> | undefined): Pick<DraftFields, 'kind' | 'label' | 'source' | 'quote' | 'voice' | 'note'> & { by?: string } {
  const str = (key: string) => (typeof data?.[key] === 'string' && (data[key] as string).trim() ? (data[key] as string).trim() : undefined);
  const kind = str('kind');
  const voice = str('voice');
  return {
    kind: (CLAIM_KINDS as readonly string[]).includes(kind ?? '') ? (kind as ClaimKind) : undefined,
    label: str('label'),
    by: str('by'),
    source: str('source'),
    quote: str('quote'),
    voice: (VOICES as readonly string[]).includes(voice ?? '') ? (voice as Voice) : undefined,
    note: str('note'),
  };
}

/** Collects one import's claims and relations, keyed by the importer's own keys, then repairs and reports. */
export interface Draft {
  /** Adds a claim (first text wins for a repeated key); a claim without text is reported and left out. */
  addClaim(key: string, fields: DraftFields): void;
  has(key: string): boolean;
  /** Appends a sentence to the claim's `note`. */
  addNote(key: string, note: string): void;
  relate(kind: ArgumentKind, from: string, to: string, note?: string, position?: string): void;
  /** `from` is the writer's framing of `to`: kept only if `from` keeps `voice: framing`. */
  frame(from: string, to: string, note?: string, position?: string): void;
  /** `from` answers the question `to`: kept only if `from` has a known actor and `to` can stay a question. */
  answer(from: string, to: string, position?: string): void;
  /** `by` undercuts the supports/attacks relation from `from` to `to`. */
  undercut(by: string, from: string, to: string, note?: string, position?: string): void;
  /** Reports something not imported; `count` when the entry stands for several things. */
  skip(category: string, what: string, why: string, position?: string, count?: number): void;
  /** Repairs what validation would reject, reporting each change, and returns the frontmatter claims. */
  finish(): { claims: ClaimInput[]; report: ImportReport };
}

const GROUND_KINDS: ClaimKind[] = ['evidence', 'assumption', 'context'];

/** A new, empty draft for `options.name`. */
export function createDraft(options: ImportOptions): Draft {
  checkImportName(options.name);
  const claims = new Map<string, Claim>();
  const relations: Relation[] = [];
  const undercuts: Undercut[] = [];
  const answers: { from: string; to: string; position?: string }[] = [];
  const skipped: Skipped[] = [];
  const actorIds = new Set((options.actors ?? []).map((a) => a.id));
  const sourcesById = new Map((options.sources ?? []).map((s) => [s.id, s]));
  const idOf = (key: string) => claims.get(key)?.id ?? key;

  const skip = (category: string, what: string, why: string, position?: string, count?: number) =>
    skipped.push({ category, what, why, ...(position ? { position } : {}), ...(count !== undefined && count !== 1 ? { count } : {}) });

  /** Ids: first every id the input gives (kebab-case, once), then `<name>-<words>` for the rest. */
  const assignIds = () => {
    const taken = new Set<string>();
    for (const claim of claims.values()) {
      if (!claim.id) continue;
      if (ID_PATTERN.test(claim.id) && !taken.has(claim.id)) taken.add(claim.id);
      else {
        skip('ids given by the file', `id \`${claim.id}\` of ${claim.origin}`, taken.has(claim.id) ? 'another claim has it already: a new id was made' : 'it is not kebab-case: a new id was made');
        claim.id = undefined;
      }
    }
    for (const claim of claims.values()) {
      if (claim.id) continue;
      const base = `${options.name}-${kebab(claim.slug) || 'claim'}`;
      let id = base;
      for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
      taken.add(id);
      claim.id = id;
    }
  };

  return {
    addClaim(key, fields) {
      if (claims.has(key)) return;
      const text = fields.text.trim();
      if (!text) return skip('claims without text', `${fields.origin ?? key}`, 'it has no text');
      const label = fields.label?.trim() || (text.length > MAX_LABEL ? shortLabel(text) : undefined);
      const claim: Claim = { key, slug: fields.slug, origin: fields.origin ?? key, kind: fields.kind ?? 'claim', text, notes: [] };
      if (fields.id) claim.id = fields.id;
      if (label && label !== text) claim.label = label;
      if (fields.by) claim.by = fields.by;
      if (fields.source) claim.source = fields.source;
      if (fields.quote?.trim()) claim.quote = fields.quote.trim();
      if (fields.voice) claim.voice = fields.voice;
      if (fields.note?.trim()) claim.notes.push(fields.note.trim());
      claims.set(key, claim);
    },
    has: (key) => claims.has(key),
    addNote(key, note) {
      const claim = claims.get(key);
      if (claim && note.trim() && !claim.notes.includes(note.trim())) claim.notes.push(note.trim());
    },
    relate(kind, from, to, note, position) {
      relations.push({ kind, from, to, note, position });
    },
    frame(from, to, note, position) {
      relations.push({ kind: 'frames', from, to, note, position });
    },
    answer(from, to, position) {
      answers.push({ from, to, position });
    },
    undercut(by, from, to, note, position) {
      undercuts.push({ by, from, to, note, position });
    },
    skip,
    finish() {
      assignIds();
      const describe = (r: { kind: string; from: string; to: string }) => `${r.kind} from \`${idOf(r.from)}\` to \`${idOf(r.to)}\``;

      // Fields that name the site's registries: kept only when the site knows them.
      for (const claim of claims.values()) {
        const was = `\`${claim.id}\``;
        if (claim.by && !actorIds.has(claim.by)) {
          skip('speakers not in content/actors.yaml', `by ${claim.by} of ${was}`, 'no such actor on the site: kept in the note');
          claim.notes.push(`Said by ${claim.by}.`);
          claim.by = undefined;
        }
        if (claim.source && !sourcesById.has(claim.source)) {
          skip('sources not in content/sources.yaml', `source ${claim.source} of ${was}`, 'no such source on the site: kept in the note');
          claim.notes.push(`Source: ${claim.source}.`);
          claim.source = undefined;
        }
        if (claim.quote && !claim.source) {
          claim.notes.push(`Quoted words: “${claim.quote}”.`);
          claim.quote = undefined;
        }
        if (claim.voice && (!claim.source || (claim.voice === 'direct' && !claim.quote))) {
          skip('voices without a source', `voice ${claim.voice} of ${was}`, claim.source ? 'a direct quote needs its quoted words' : 'whose words a claim is only says something with its source');
          claim.voice = undefined;
        }
      }

      // Relations: both ends exist, no self-relations, no duplicates (their notes are merged).
      const seen = new Map<string, Relation>();
      for (const r of relations) {
        if (!claims.has(r.from) || !claims.has(r.to)) {
          skip('relations without a claim at one end', `${r.kind} ${r.from} → ${r.to}`, 'one of its ends is not a claim', r.position);
        } else if (r.from === r.to) {
          skip('relations of a claim to itself', describe(r), `a claim cannot ${r.kind === 'frames' ? 'frame' : r.kind === 'supports' ? 'support' : 'attack'} itself`, r.position);
        } else {
          const key = `${r.kind} ${r.from} ${r.to}`;
          const first = seen.get(key);
          if (!first) seen.set(key, { ...r });
          else if (r.note && first.note !== r.note) first.note = first.note ? `${first.note} ${r.note}` : r.note;
        }
      }
      let kept = [...seen.values()];

      // The writer's framing is shown, never weighed: a framing claim that argues loses its voice (and its frames).
      const arguing = new Set([...kept.filter((r) => r.kind !== 'frames').map((r) => r.from), ...undercuts.map((u) => u.by)]);
      for (const claim of claims.values()) {
        if (claim.voice === 'framing' && arguing.has(claim.key)) {
          skip('voices without a source', `voice framing of \`${claim.id}\``, 'it supports, attacks or undercuts, which the writer’s framing may not');
          claim.voice = undefined;
        }
      }
      // The site asks of every claim taken from the article whose words it is: without a voice, the source goes to the note.
      for (const claim of claims.values()) {
        if (!claim.voice && claim.source && sourcesById.get(claim.source)?.kind === 'article') {
          skip('article claims without a voice', `source ${claim.source} of \`${claim.id}\``, 'a claim from the article needs `voice` (direct, paraphrase or framing): kept in the note');
          claim.notes.push(`Source: ${claim.source}.`, ...(claim.quote ? [`Quoted words: “${claim.quote}”.`] : []));
          claim.source = undefined;
          claim.quote = undefined;
        }
      }
      kept = kept.filter((r) => {
        if (r.kind !== 'frames' || claims.get(r.from)!.voice === 'framing') return true;
        skip('frames from a claim that is not framing', describe(r), 'only a claim with `voice: framing` frames another', r.position);
        return false;
      });

      // Kinds: each needs its fields; a claim that lacks them is imported as a plain claim.
      for (const claim of claims.values()) {
        const need: Partial<Record<ClaimKind, string | undefined>> = {
          evidence: !claim.by || !claim.source || !claim.quote ? 'evidence needs a known speaker, a known source and the quoted words' : undefined,
          context: !claim.source ? 'context needs a known source' : sourcesById.get(claim.source)?.kind === 'article' ? 'context comes from outside the article' : !sourcesById.get(claim.source)?.url ? 'context needs a source with a web address' : undefined,
          assumption: claim.notes.length === 0 ? 'an assumption needs a note saying why it is reconstructed' : undefined,
        };
        const why = need[claim.kind];
        if (why) {
          skip('kinds the claim does not meet', `kind ${claim.kind} of \`${claim.id}\``, `${why}: imported as a claim`);
          claim.kind = 'claim';
        }
      }

      // Questions never declare relations and are never supported or attacked.
      const touched = new Set([...kept.filter((r) => r.kind !== 'frames').flatMap((r) => [r.from, r.to]), ...undercuts.map((u) => u.by)]);
      for (const claim of claims.values()) {
        if (claim.kind === 'question' && touched.has(claim.key)) {
          claim.kind = 'claim';
          skip('kinds the claim does not meet', `kind question of \`${claim.id}\``, 'it supports, attacks or is supported or attacked, which questions may not; imported as a claim');
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
        skip('supports closing a cycle', describe(edge), `it closes a cycle of supports (${describeCycle(cycle, idOf)}), which the site rejects`, edge.position);
      }
      kept = kept.filter((r) => !dropped.has(r));

      // Undercuts: of a relation that exists, not by its own source.
      const argumentPairs = new Set(kept.filter((r) => r.kind !== 'frames').map((r) => `${r.from} ${r.to}`));
      const keptUndercuts: Undercut[] = [];
      const undercutSeen = new Set<string>();
      for (const u of undercuts) {
        const what = `undercut by \`${idOf(u.by)}\` of the relation from \`${idOf(u.from)}\` to \`${idOf(u.to)}\``;
        if (!claims.has(u.by)) skip('undercuts without a target', what, 'the undercutter is not a claim', u.position);
        else if (!argumentPairs.has(`${u.from} ${u.to}`)) skip('undercuts without a target', what, 'that relation was not imported', u.position);
        else if (u.by === u.from) skip('undercuts without a target', what, 'a claim cannot undercut its own relation', u.position);
        else if (!undercutSeen.has(`${u.by} ${u.from} ${u.to}`)) {
          undercutSeen.add(`${u.by} ${u.from} ${u.to}`);
          keptUndercuts.push(u);
        }
      }

      // Answers: a position needs a known actor (`by`) and a question to answer, and answers only one.
      const answered = new Map<string, string>();
      for (const a of answers) {
        const source = claims.get(a.from);
        const target = claims.get(a.to);
        const what = `answers from \`${idOf(a.from)}\` to \`${idOf(a.to)}\``;
        if (!source || !target) skip('answers', what, 'one of its ends is not a claim', a.position);
        else if (a.from === a.to) skip('answers', what, 'a claim cannot answer itself', a.position);
        else if (target.kind !== 'question') skip('answers', what, `\`${target.id}\` is not a question`, a.position);
        else if (!source.by) skip('answers', what, 'a position needs a speaker from content/actors.yaml (`by`), and this claim has none', a.position);
        else if (answered.has(a.from) && answered.get(a.from) !== a.to) skip('answers', what, 'a position answers only one question', a.position);
        else answered.set(a.from, a.to);
      }
      for (const claim of claims.values()) {
        if (answered.has(claim.key)) claim.kind = 'position';
        else if (claim.kind === 'position') {
          skip('kinds the claim does not meet', `kind position of \`${claim.id}\``, 'a position answers a question: imported as a claim');
          claim.kind = 'claim';
        }
      }
      // A position argues for and against positions and claims only, not for the grounds under them.
      kept = kept.filter((r) => {
        if (r.kind === 'frames' || claims.get(r.from)!.kind !== 'position' || !GROUND_KINDS.includes(claims.get(r.to)!.kind)) return true;
        skip('relations of a position to a ground', describe(r), `a position cannot ${r.kind === 'supports' ? 'support' : 'attack'} ${claims.get(r.to)!.kind}`, r.position);
        return false;
      });

      const byFrom = new Map<string, Relation[]>();
      for (const r of kept) (byFrom.get(r.from) ?? byFrom.set(r.from, []).get(r.from)!).push(r);
      const undercutsBy = new Map<string, Undercut[]>();
      for (const u of keptUndercuts) (undercutsBy.get(u.by) ?? undercutsBy.set(u.by, []).get(u.by)!).push(u);

      const result: ClaimInput[] = [];
      const ref = (r: { to: string; note?: string }): ClaimRef => (r.note ? { to: idOf(r.to), note: r.note } : idOf(r.to));
      for (const claim of claims.values()) {
        const entry: ClaimInput = { id: claim.id!, kind: claim.kind, text: claim.text };
        if (claim.label) entry.label = claim.label;
        if (claim.by) entry.by = claim.by;
        if (claim.source) entry.source = claim.source;
        if (claim.quote) entry.quote = claim.quote;
        if (claim.voice) entry.voice = claim.voice;
        if (claim.notes.length) entry.note = claim.notes.join(' ');
        const answer = answered.get(claim.key);
        if (answer) entry.answers = idOf(answer);
        const mine = byFrom.get(claim.key) ?? [];
        for (const kind of ['supports', 'attacks', 'frames'] as const) {
          const list = mine.filter((r) => r.kind === kind).map(ref);
          if (list.length) entry[kind] = list;
        }
        const under = (undercutsBy.get(claim.key) ?? []).map((u): UndercutRef => ({ from: idOf(u.from), to: idOf(u.to), ...(u.note ? { note: u.note } : {}) }));
        if (under.length) entry.undercuts = under;
        result.push(entry);
      }

      const claimsByKind: Record<string, number> = {};
      for (const c of result) claimsByKind[c.kind] = (claimsByKind[c.kind] ?? 0) + 1;
      const relationsByKind: Record<string, number> = {};
      const count = (kind: string, n: number) => n && (relationsByKind[kind] = (relationsByKind[kind] ?? 0) + n);
      for (const kind of ['supports', 'attacks', 'frames'] as const) count(kind, kept.filter((r) => r.kind === kind).length);
      count('undercuts', keptUndercuts.length);
      count('answers', answered.size);
      const skippedByCategory: Record<string, number> = {};
      for (const s of skipped) skippedByCategory[s.category] = (skippedByCategory[s.category] ?? 0) + (s.count ?? 1);
      const origins = Object.fromEntries([...claims.values()].map((c) => [c.id!, c.origin]));
      return { claims: result, report: { claimsByKind, relationsByKind, skipped, skippedByCategory, origins } };
    },
  };
}

/** The usual result: all claims on one page, `<out>/index.mdx`, with a short provenance note. */
export function singlePageResult(options: ImportOptions, title: string, format: string, draft: Draft): ImportResult {
  const { claims, report } = draft.finish();
  const file = safeFileName(options.file);
  const skippedNote = report.skipped.length
    ? ` ${report.skipped.length} item${report.skipped.length === 1 ? ' was' : 's were'} not imported as written; \`npm run import\` lists them.`
    : '';
  const body = `Imported from \`${file}\` (${format}) with \`npm run import\`: ${claims.length} claims. The map and the claim pages show its structure.${skippedNote}\n`;
  return { pages: [{ slug: 'index', title: title.trim() || options.name, claims, body }], report };
}
