/**
 * How the map's relations and names read in sentences, for the panel, the claim pages and the outline.
 * Zod-free and DOM-free: the browser and the build both use it.
 */
import type { ViewRelation } from './view-types.ts';

/**
 * A claim's name in a sentence, in curly quotes, never doubled: a label that is itself a quotation keeps one
 * pair, and quotation marks inside a label become single ones (“Social media is an ‘immature business sector’”).
 */
export function quoteName(label: string): string {
  let text = label
    .trim()
    .replace(/(^|[\s([{—–-])"/g, '$1“')
    .replace(/"/g, '”');
  if (/^“[^“”]*”$/.test(text)) text = text.slice(1, -1);
  return `“${text.replace(/“/g, '‘').replace(/”/g, '’')}”`;
}

const VERBS: Record<string, [source: string, target: string]> = {
  supports: ['supports', 'is supported by'],
  attacks: ['attacks', 'is attacked by'],
  answers: ['answers', 'is answered by'],
  frames: ['frames', 'is framed by'],
};

/** The words around the claims a relation names: `[before first, between, after]`. */
export function relationWords(relation: ViewRelation): string[] {
  const what = relation.undercut === 'attacks' ? 'attack' : 'support';
  if (relation.role === 'undercutter') return [`undercuts the ${what} of `, ' for ', ''];
  if (relation.role === 'undercut') return [`has its ${what} of `, ' undercut by ', ''];
  const [out, into] = VERBS[relation.kind] ?? [relation.kind, `is ${relation.kind} by`];
  return [`${relation.role === 'source' ? out : into} `, ''];
}

/** One relation as a sentence about claim names, e.g. "undercuts the support of “A” for “B”". */
export function relationSentence(relation: ViewRelation, name: (id: string) => string): string {
  const words = relationWords(relation);
  return words.map((w, i) => `${w}${relation.others[i] !== undefined ? quoteName(name(relation.others[i])) : ''}`).join('');
}
