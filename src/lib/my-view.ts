/**
 * "My view", the student's hand-in: the reader's choices on one map, what they lead to, and the reasons the
 * reader typed, as one summary that the page prints and downloads as Markdown. Pure functions, no DOM: the
 * browser gathers the facts (`../scripts/learning/my-view.ts`), this module words them.
 */
import type { Choice, ClaimKind, Label } from '../graph/model.ts';
import { LABEL_WORDS } from '../scripts/map-data.ts';

/** What each label means, in one line each (the method page says it at length). */
export const LABEL_MEANINGS: { words: string; meaning: string }[] = [
  { words: LABEL_WORDS.IN, meaning: 'no objection to it holds, and if it has reasons, at least one of them holds.' },
  { words: LABEL_WORDS.OUT, meaning: 'an objection that stands defeats it, or none of its reasons holds any more.' },
  { words: LABEL_WORDS.UNDEC, meaning: 'the map cannot settle it, usually because two claims attack each other and nothing breaks the tie.' },
  { words: 'strength', meaning: 'from 0 to 1, what speaks for the claim weighed against what speaks against it; every claim starts at 0.50.' },
];

/** What a choice does to the claim itself. */
export const CHOICE_RULE = 'A claim I accept stands whatever attacks it; a claim I reject falls, and it no longer counts for or against others.';
export const CHOICE_WORDS: Record<Choice, string> = { accepted: 'I accept', rejected: 'I reject' };

/** A claim's reading: its label, its strength and the strength's band ("strong"). */
export interface Reading {
  label: Label;
  strength: number;
  band: string;
}

export interface SummaryClaim {
  id: string;
  kind: ClaimKind;
  /** The short name the map shows. */
  name: string;
  /** The claim's full text. */
  text: string;
}

export interface SummaryInput {
  /** The page's title, e.g. "Rowley's speech". */
  title: string;
  /** The share link: this map with the reader's choices. */
  link: string;
  /** The day the summary is made, YYYY-MM-DD. */
  date: string;
  /** The claims on this map, in the map's order. */
  claims: SummaryClaim[];
  choices: Readonly<Record<string, Choice>>;
  reasons: Readonly<Record<string, string>>;
  /** Readings of the map without the reader's choices, and with them. */
  before: Readonly<Record<string, Reading>>;
  after: Readonly<Record<string, Reading>>;
}

export interface ChoiceLine extends SummaryClaim {
  choice: Choice;
  /** What the map says of the claim without the reader's choices (nothing for a claim that is not weighed). */
  before?: Reading;
  reason: string;
}

export interface Outcome extends SummaryClaim {
  now: Reading;
  /** The label without the reader's choices, when it differs. */
  was?: Label;
}

export interface ViewSummary {
  title: string;
  link: string;
  date: string;
  choices: ChoiceLine[];
  /** The map's positions (the answers to its question), with what the choices make of them. */
  positions: Outcome[];
  /** Other claims whose label the choices changed. */
  changed: Outcome[];
}

export function buildSummary(input: SummaryInput): ViewSummary {
  const outcome = (claim: SummaryClaim): Outcome | undefined => {
    const now = input.after[claim.id];
    if (!now) return undefined;
    const before = input.before[claim.id]?.label;
    return { ...claim, now, ...(before && before !== now.label ? { was: before } : {}) };
  };
  const chosen = input.claims.filter((c) => input.choices[c.id]);
  return {
    title: input.title,
    link: input.link,
    date: input.date,
    choices: chosen.map((c) => ({ ...c, choice: input.choices[c.id], ...(input.before[c.id] ? { before: input.before[c.id] } : {}), reason: (input.reasons[c.id] ?? '').trim() })),
    positions: input.claims.filter((c) => c.kind === 'position' && !input.choices[c.id]).flatMap((c) => outcome(c) ?? []),
    changed: input.claims
      .filter((c) => c.kind !== 'position' && !input.choices[c.id])
      .flatMap((c) => outcome(c) ?? [])
      .filter((o) => o.was),
  };
}

/** "✓ stands, strength 0.72 (strong)". */
export const readingWords = (r: Reading) => `${LABEL_WORDS[r.label]}, strength ${r.strength.toFixed(2)} (${r.band})`;

/** Choices as the map's address carries them: `accept=a,b&reject=c` (ids sorted), as `src/scripts/state.ts` reads it. */
export function choicesHash(choices: Readonly<Record<string, Choice>>): string {
  const ids = (c: Choice) => Object.keys(choices).filter((id) => choices[id] === c).sort().join(',');
  return [ids('accepted') && `accept=${ids('accepted')}`, ids('rejected') && `reject=${ids('rejected')}`].filter(Boolean).join('&');
}

/** Text that Markdown shows as it is: its punctuation escaped, its lines kept. */
export const md = (text: string) => text.replace(/([\\`*_[\]<>#|])/g, '\\$1');

/** The summary as a Markdown document: the same content as the printed page. */
export function summaryMarkdown(s: ViewSummary): string {
  const out: string[] = [`# My view: ${md(s.title)}`, '', 'Name:', '', `Date: ${s.date}`, '', `Map with my choices: <${s.link}>`, ''];
  out.push('## What the labels mean', '', ...LABEL_MEANINGS.map((l) => `- **${l.words}**: ${md(l.meaning)}`), '');
  out.push(`## My choices (${s.choices.length})`, '', CHOICE_RULE, '');
  if (s.choices.length === 0) out.push('I have not accepted or rejected any claim on this map yet.', '');
  s.choices.forEach((c, i) => {
    out.push(`${i + 1}. **${CHOICE_WORDS[c.choice]}:** ${md(c.name)}`, '', `   > ${md(c.text)}`, '');
    if (c.before) out.push(`   Without my choices the map says: ${readingWords(c.before)}.`, '');
    out.push('   Why:', '', ...(c.reason ? c.reason.split(/\r?\n/).map((line) => `   > ${md(line)}`) : ['   > (no reason written yet)']), '');
  });
  out.push('## What follows on this map', '');
  if (s.positions.length) {
    out.push('The positions:', '');
    for (const p of s.positions) out.push(`- ${md(p.name)}: ${readingWords(p.now)}${p.was ? `; without my choices ${LABEL_WORDS[p.was]}` : ''}`);
    out.push('');
  }
  out.push(s.changed.length ? 'Other claims my choices changed:' : 'My choices change no other claim’s label.', '');
  for (const c of s.changed) out.push(`- ${md(c.name)}: ${readingWords(c.now)}; without my choices ${LABEL_WORDS[c.was!]}`);
  if (s.changed.length) out.push('');
  return `${out.join('\n').trimEnd()}\n`;
}
