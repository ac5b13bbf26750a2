/**
 * Validate: the rules that need the whole site at once (ids, references, kinds, quotes, cycles).
 * Shapes were already checked by the schema in `load.ts`.
 */
import { closingEdges, describeCycle } from './cycles.ts';
import { refId, type ClaimKind } from './model.ts';
import type { Actor, Source } from './schema.ts';
import type { LoadedClaim, LoadedPage } from './load.ts';
import type { Diagnostic } from './types.ts';

export interface SiteInput {
  pages: LoadedPage[];
  actors: { items: Actor[]; lines: Record<string, number>; file: string };
  sources: { items: Source[]; lines: Record<string, number>; file: string };
  /** Full text of each source that has one, keyed by source id. */
  sourceTexts: Record<string, string>;
}

/** A map label longer than this is hard to read on the map. */
export const LABEL_WARNING_LENGTH = 120;

/** Compare quotes after folding typographic quotes, dashes and whitespace, and nothing else. */
export function normaliseForQuote(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\u2026/g, '...')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Whether every occurrence of `quote` in `text` lies inside double quotation marks within its paragraph, as the
 * speaker's own words do. Both are normalised first; a quote that itself contains quotation marks mixes voices.
 */
export function quotedInSource(text: string, quote: string): boolean {
  const words = normaliseForQuote(quote);
  if (words.includes('"')) return false;
  const paragraphs = text.split(/\n\s*\n/).map(normaliseForQuote);
  let found = false;
  for (const paragraph of paragraphs) {
    for (let at = paragraph.indexOf(words); at >= 0; at = paragraph.indexOf(words, at + 1)) {
      found = true;
      const before = paragraph.slice(0, at).split('"').length - 1;
      if (before % 2 === 0) return false;
    }
  }
  return found;
}

/** Kinds that ground an argument: a position may not support or attack them. */
const GROUND_KINDS: ClaimKind[] = ['evidence', 'assumption', 'context'];

/** "a claim", "an evidence": the kind with its indefinite article. */
const aKind = (kind: ClaimKind) => `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind}`;

export function validateSite(input: SiteInput): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (claim: LoadedClaim, line: number, code: string, message: string, hint: string) =>
    out.push({ severity: 'error', code, file: claim.file, line, claim: claim.id, message, hint });

  const actorIds = new Set(input.actors.items.map((a) => a.id));
  const sourcesById = new Map(input.sources.items.map((s) => [s.id, s]));

  // Unique ids, site-wide.
  const claims = new Map<string, LoadedClaim>();
  for (const page of input.pages) {
    for (const claim of page.claims) {
      const first = claims.get(claim.id);
      if (first) {
        report(
          claim,
          claim.line,
          'duplicate-id',
          `claim id \`${claim.id}\` is already declared in ${first.file}:${first.line}`,
          'Ids are unique across the site: rename one of the two claims, or delete this one and list the id under `focus:` to discuss it here.',
        );
      } else claims.set(claim.id, claim);
    }
  }

  const unknownClaim = (claim: LoadedClaim, line: number, id: string, relation: string) => {
    const near = [...claims.keys()].filter((known) => known.includes(id) || id.includes(known)).slice(0, 3);
    report(
      claim,
      line,
      'unknown-target',
      `\`${relation}\` points to unknown claim \`${id}\``,
      near.length > 0 ? `Did you mean ${near.map((n) => `\`${n}\``).join(' or ')}?` : 'Check the spelling, or declare that claim on a page first.',
    );
  };

  for (const claim of claims.values()) {
    const { kind } = claim;
    const l = claim.lines;
    // Required fields by kind.
    const need = (field: 'by' | 'source' | 'quote' | 'note' | 'answers', why: string) => {
      if (!claim[field]) report(claim, claim.line, 'missing-field', `${aKind(kind)} needs \`${field}\``, why);
    };
    if (kind === 'position') {
      need('answers', 'Add `answers: <question id>` naming the question this position answers.');
      need('by', 'Add `by: <actor id>`: who holds this position.');
    }
    if (kind === 'evidence') {
      need('by', 'Add `by: <actor id>`: whose words these are.');
      need('source', 'Add `source: <source id>` from content/sources.yaml.');
      need('quote', 'Add `quote:` with the exact words from the source.');
    }
    if (kind === 'assumption') need('note', 'Add `note:` saying why this unstated premise is reconstructed.');
    if (kind === 'context') need('source', 'Context comes from outside the article: add `source:` with its source id.');
    if (claim.answers && kind !== 'position') {
      report(claim, l.answers, 'wrong-kind', `only a position can answer a question, but this is ${aKind(kind)}`, 'Use `kind: position`, or link it with `supports`/`attacks` instead.');
    }
    if (kind === 'question' && (claim.supports.length || claim.attacks.length || claim.undercuts.length)) {
      report(claim, claim.line, 'wrong-kind', 'a question cannot support, attack or undercut anything', 'Move these relations to the positions that answer it.');
    }

    // References to registries.
    if (claim.by && !actorIds.has(claim.by)) {
      report(claim, l.by, 'unknown-actor', `unknown actor \`${claim.by}\``, `Use an id from ${input.actors.file} (${[...actorIds].join(', ')}), or add the actor there.`);
    }
    const source = claim.source ? sourcesById.get(claim.source) : undefined;
    if (claim.source && !source) {
      report(claim, l.source, 'unknown-source', `unknown source \`${claim.source}\``, `Use an id from ${input.sources.file}, or add the source there.`);
    }
    if (kind === 'context' && source) {
      if (source.kind === 'article') {
        report(claim, l.source, 'context-from-article', 'a context claim must come from outside the article', 'Use kind `claim` or `evidence` for what the article says, or cite the outside source.');
      } else if (!source.url) {
        report(claim, l.source, 'source-without-url', `source \`${source.id}\` has no \`url\``, `Add the public address of the source to ${input.sources.file}.`);
      }
    }
    if (claim.quote && source) {
      const text = input.sourceTexts[source.id];
      if (text !== undefined && !normaliseForQuote(text).includes(normaliseForQuote(claim.quote))) {
        report(
          claim,
          l.quote,
          'quote-not-found',
          `the quote is not in the text of \`${source.id}\``,
          `Copy the words exactly from ${source.text}; only curly quotes, dashes and spacing may differ. Shorten the quote rather than paraphrase it.`,
        );
      }
    }

    // Whose words: every claim taken from the article says whether they are a speaker's or the writer's.
    if (source?.kind === 'article' && !claim.voice) {
      report(claim, l.source, 'missing-voice', 'a claim from the article needs `voice`', 'Add `voice: direct` (the speaker’s own words in quotation marks), `paraphrase` (the writer reporting a speaker) or `framing` (the writer’s own words or arrangement).');
    }
    if (claim.voice && !claim.source) {
      report(claim, l.voice, 'voice-without-source', '`voice` says whose words a source gives, but the claim has no `source`', 'Add the `source:` the words come from, or remove `voice:`.');
    }
    if (claim.voice === 'direct') {
      const text = source ? input.sourceTexts[source.id] : undefined;
      if (!claim.quote) report(claim, l.voice, 'missing-field', 'a direct quote needs `quote`', 'Add `quote:` with the speaker’s words exactly as the source prints them.');
      else if (text !== undefined && normaliseForQuote(text).includes(normaliseForQuote(claim.quote)) && !quotedInSource(text, claim.quote)) {
        report(claim, l.voice, 'voice-not-direct', 'the quote is marked `voice: direct`, but in the source it is not all inside quotation marks', 'Quote only the words inside the quotation marks, or use `voice: paraphrase` when the writer is reporting the speaker.');
      }
    }
    if (claim.voice === 'framing') {
      for (const relation of ['supports', 'attacks', 'undercuts'] as const) {
        claim[relation].forEach((_, i) =>
          report(claim, l[`${relation}.${i}`], 'framing-as-reason', `the writer’s framing cannot be a reason or an objection, but this claim \`${relation}\` another`, 'Framing is shown, not weighed: write the link as `frames: [<claim id>]` and say in its `note` what the framing does.'),
        );
      }
    }
    claim.frames.forEach((ref, i) => {
      const id = refId(ref);
      const line = l[`frames.${i}`];
      if (claim.voice !== 'framing') {
        report(claim, line, 'frames-without-framing', '`frames` is only for the writer’s framing, but this claim is not `voice: framing`', 'Add `voice: framing` if the claim is the writer’s own choice of words or arrangement, or use `supports`/`attacks` for an argument.');
      } else if (id === claim.id) report(claim, line, 'self-frame', 'the claim frames itself', 'Remove this entry.');
      else if (!claims.has(id)) unknownClaim(claim, line, id, 'frames');
    });

    // Relations: targets exist, kinds fit, nothing points at itself.
    if (claim.answers) {
      const target = claims.get(claim.answers);
      if (!target) unknownClaim(claim, l.answers, claim.answers, 'answers');
      else if (target.kind !== 'question') {
        report(claim, l.answers, 'wrong-kind', `\`answers\` must point to a question, but \`${target.id}\` is ${aKind(target.kind)}`, 'Point `answers` at a question, or use `supports`/`attacks`.');
      }
    }
    for (const relation of ['supports', 'attacks'] as const) {
      claim[relation].forEach((ref, i) => {
        const id = refId(ref);
        const line = l[`${relation}.${i}`];
        const target = claims.get(id);
        if (id === claim.id) {
          report(claim, line, `self-${relation === 'supports' ? 'support' : 'attack'}`, `the claim ${relation} itself`, 'Remove this entry: a claim cannot be its own reason or rebuttal.');
        } else if (!target) unknownClaim(claim, line, id, relation);
        else if (target.kind === 'question') {
          report(claim, line, 'wrong-kind', `a claim cannot ${relation === 'supports' ? 'support' : 'attack'} a question (\`${id}\`)`, 'Positions answer questions: use `kind: position` and `answers:`.');
        } else if (kind === 'position' && GROUND_KINDS.includes(target.kind)) {
          report(claim, line, 'wrong-kind', `a position cannot ${relation === 'supports' ? 'support' : 'attack'} ${target.kind} (\`${id}\`)`, `Reasons flow up to positions: let \`${id}\` ${relation === 'supports' ? 'support' : 'attack'} the position, or make this a claim.`);
        }
      });
    }
    claim.undercuts.forEach((ref, i) => {
      const line = l[`undercuts.${i}`];
      const from = claims.get(ref.from);
      if (!from) return unknownClaim(claim, line, ref.from, 'undercuts.from');
      if (!claims.has(ref.to)) return unknownClaim(claim, line, ref.to, 'undercuts.to');
      const exists = [...from.supports, ...from.attacks].some((r) => refId(r) === ref.to);
      if (!exists) {
        report(
          claim,
          line,
          'unknown-relation',
          `\`undercuts\` names a relation from \`${ref.from}\` to \`${ref.to}\` that does not exist`,
          `An undercut targets an existing relation: add \`supports: [${ref.to}]\` to \`${ref.from}\`, or fix the ends.`,
        );
      } else if (ref.from === claim.id) {
        report(claim, line, 'self-undercut', 'the claim undercuts its own relation', 'Remove the relation instead of undercutting it.');
      }
    });
  }

  // Focus lists and inline <Claim> citations.
  for (const page of input.pages) {
    for (const { id, line } of page.focus) {
      if (!claims.has(id)) {
        out.push({ severity: 'error', code: 'unknown-focus', file: page.file, line, claim: id, message: `the page refers to unknown claim \`${id}\``, hint: 'Check the id against the claim permalinks, or declare the claim.' });
      }
    }
  }

  out.push(...supportCycles(claims));
  out.push(...warnings(claims));
  return out;
}

/** Each cycle of `supports` once, reported on the claim the closing support points at, in declaration order. */
function supportCycles(claims: Map<string, LoadedClaim>): Diagnostic[] {
  const found = closingEdges(claims.keys(), (id) => claims.get(id)!.supports, refId);
  return found.map(({ cycle }): Diagnostic => {
    const claim = claims.get(cycle[0])!;
    return {
      severity: 'error',
      code: 'support-cycle',
      file: claim.file,
      line: claim.line,
      claim: claim.id,
      message: `supports go round in a circle: ${describeCycle(cycle)}`,
      hint: 'A claim cannot be a reason for itself through others: remove or reverse one of these `supports`.',
    };
  });
}

function warnings(claims: Map<string, LoadedClaim>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const linked = new Set<string>();
  for (const claim of claims.values()) {
    const targets = [...claim.supports, ...claim.attacks, ...claim.frames].map(refId);
    const undercut = claim.undercuts.flatMap((u) => [u.from, u.to]);
    if (targets.length || undercut.length || claim.answers) linked.add(claim.id);
    [...targets, ...undercut, claim.answers].forEach((t) => t && linked.add(t));
  }
  for (const claim of claims.values()) {
    if (!linked.has(claim.id)) {
      out.push({ severity: 'warning', code: 'orphan-claim', file: claim.file, line: claim.line, claim: claim.id, message: 'the claim has no relations, so it floats alone on the map', hint: 'Link it with `supports`, `attacks`, `undercuts`, `answers` or `frames`, or remove it.' });
    }
    const label = claim.label ?? claim.text;
    if (label.length > LABEL_WARNING_LENGTH) {
      out.push({ severity: 'warning', code: 'long-label', file: claim.file, line: claim.lines.label ?? claim.line, claim: claim.id, message: `the map label is ${label.length} characters long (over ${LABEL_WARNING_LENGTH})`, hint: 'Add a shorter `label:` for the map; the full `text` still shows in the detail panel.' });
    }
  }
  return out;
}
