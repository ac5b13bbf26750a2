/**
 * The words of the content model, shared by build-time code and the browser. No Zod and no Node here:
 * client scripts import this module, and anything it imports ships in their bundles.
 */

/** The six kinds of node a claim can be. */
export const CLAIM_KINDS = ['question', 'position', 'claim', 'evidence', 'assumption', 'context'] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

/**
 * The relations a claim can declare. `frames` is the writer's framing (a choice of words or arrangement that
 * presents a claim in a light): shown on the map, never a reason or an objection, never evaluated.
 */
export const RELATION_KINDS = ['supports', 'attacks', 'undercuts', 'answers', 'frames'] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];

/** Relations that carry an argument: the only ones the evaluation reads and an undercut can target. */
export const ARGUMENT_RELATIONS = ['supports', 'attacks'] as const;

/**
 * Whose words a claim taken from the article is: the speaker's own words in quotation marks, the writer
 * reporting a speaker, or the writer's own choice of words or arrangement.
 */
export const VOICES = ['direct', 'paraphrase', 'framing'] as const;
export type Voice = (typeof VOICES)[number];

/** How each voice is named to readers. */
export const VOICE_WORDS: Record<Voice, { name: string; explain: string }> = {
  direct: { name: 'direct quote', explain: 'the speaker’s own words, in quotation marks in the article' },
  paraphrase: { name: 'paraphrase', explain: 'the writer reporting what the speaker said, in the writer’s words' },
  framing: { name: 'writer’s framing', explain: 'the writer’s own choice of words or arrangement, not a speaker’s claim' },
};

/** kebab-case: lowercase letters and digits separated by single hyphens. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A link to a claim as written in frontmatter: its id, or `{ to, note }` when the edge needs explaining. */
export type ClaimRef = string | { to: string; note?: string };
export const refId = (ref: ClaimRef): string => (typeof ref === 'string' ? ref : ref.to);

/** Labels of "Test your view": stands, falls, undecided. */
export type Label = 'IN' | 'OUT' | 'UNDEC';
/** What a reader can decide about a claim. */
export type Choice = 'accepted' | 'rejected';

/**
 * The least of a graph that evaluation reads: claim ids, kinds and voices, relation ids, kinds and ends (an
 * undercut's `to` is the id of the relation it undercuts). The compiled graph and a map's view both fit it.
 */
export interface EvaluableGraph {
  nodes: readonly { id: string; kind: ClaimKind; voice?: Voice }[];
  edges: readonly { id: string; kind: RelationKind; from: string; to: string }[];
}
