/**
 * The content model: what a contributor may write in MDX frontmatter, `content/actors.yaml` and
 * `content/sources.yaml`. Shapes only; rules that need the whole site (ids exist, quotes occur in
 * their source, no support cycles) live in `validate.ts`.
 */
import { z } from 'astro/zod';
import { CLAIM_KINDS, ID_PATTERN, RELATION_KINDS, VOICES } from './model.ts';

export { CLAIM_KINDS, ID_PATTERN, RELATION_KINDS, VOICES };
export type { ClaimKind, ClaimRef, RelationKind, Voice } from './model.ts';

/** A site-wide identifier: claim ids become permalinks (`/claims/<id>/`). */
export const IdSchema = z
  .string()
  .regex(ID_PATTERN, { error: 'must be kebab-case: lowercase letters, digits and single hyphens' });

/** A non-empty line of prose, trimmed. */
const Text = z.string().trim().min(1, { error: 'must not be empty' });

/** A link to a claim, written as its id or as `{ to, note }` when the edge needs explaining. */
export const ClaimRefSchema = z.union([
  IdSchema,
  z.strictObject({
    /** The target claim's id. Required. */
    to: IdSchema,
    /** Why this edge is drawn; use it for interpretive edges. Optional. */
    note: Text.optional(),
  }),
]);

/** An undercut names the relation it attacks by its two ends: the `supports` (or `attacks`) from `from` to `to`. */
export const UndercutRefSchema = z.strictObject({
  /** The claim the attacked relation starts from. Required. */
  from: IdSchema,
  /** The claim the attacked relation points at. Required. */
  to: IdSchema,
  /** Why the inference does not hold. Optional, recommended. */
  note: Text.optional(),
});
export type UndercutRef = z.infer<typeof UndercutRefSchema>;

/** One claim, declared once in the frontmatter of the page that discusses it. */
export const ClaimSchema = z.strictObject({
  /** Unique across the site, kebab-case; the claim's permalink. Required. */
  id: IdSchema,
  /** What sort of node this is. Required. */
  kind: z.enum(CLAIM_KINDS),
  /** The claim in one or two plain sentences, written by us. Required. */
  text: Text,
  /** A shorter label for the map; defaults to `text`. Optional. */
  label: Text.optional(),
  /** Actor id from `content/actors.yaml`: who makes this claim. Required for positions and evidence. */
  by: IdSchema.optional(),
  /** Source id from `content/sources.yaml`. Required for evidence and context. */
  source: IdSchema.optional(),
  /** Verbatim words from the source; checked against its text when the source has one. Required for evidence. */
  quote: Text.optional(),
  /**
   * Whose words these are: `direct` (the speaker's own words in quotation marks), `paraphrase` (the writer
   * reporting a speaker) or `framing` (the writer's own choice of words or arrangement). Required when the
   * source is the article.
   */
  voice: z.enum(VOICES).optional(),
  /** Why the claim is on the map, or how it was reconstructed. Required for assumptions. */
  note: Text.optional(),
  /** The question this position answers. Required for positions, only for positions. */
  answers: IdSchema.optional(),
  /** Claims this one gives a reason for. Defaults to none. */
  supports: z.array(ClaimRefSchema).default([]),
  /** Claims this one says are false (rebuttals). Defaults to none. */
  attacks: z.array(ClaimRefSchema).default([]),
  /** Relations whose inference this one says does not hold. Defaults to none. */
  undercuts: z.array(UndercutRefSchema).default([]),
  /** Claims this piece of the writer's framing presents in a light (only for `voice: framing`). Defaults to none. */
  frames: z.array(ClaimRefSchema).default([]),
});
export type ClaimInput = z.input<typeof ClaimSchema>;
export type Claim = z.infer<typeof ClaimSchema>;

/** The argument-map fields a docs page adds to Starlight's frontmatter. */
export const PageGraphFieldsSchema = z.object({
  /** Claims declared on this page. Defaults to none. */
  claims: z.array(ClaimSchema).default([]),
  /** Ids of claims declared on other pages that this page also discusses. Defaults to none. */
  focus: z.array(IdSchema).default([]),
  /** Show the page's argument map under the lead. Defaults to true when the page has claims or focus. */
  map: z.boolean().optional(),
});
export type PageGraphFields = z.infer<typeof PageGraphFieldsSchema>;

/** Someone who speaks in the debate. */
export const ActorSchema = z.strictObject({
  /** kebab-case id used in claims' `by`. Required. */
  id: IdSchema,
  /** Display name. Required. */
  name: Text,
  /** Role at the time of the debate, e.g. "Assistant Commissioner, Metropolitan Police". Required. */
  role: Text,
  /** One or two sentences a student needs to place the actor. Required. */
  description: Text,
  /** Whether the actor speaks in the article itself (false: only mentioned or only outside it). Defaults to true. */
  inArticle: z.boolean().default(true),
});
export type Actor = z.infer<typeof ActorSchema>;

/** Only web addresses: a `javascript:` or `data:` URL would run or smuggle content. */
const HttpUrl = z.string().refine((url) => /^https?:\/\/[^\s/]+\.[^\s]*$/i.test(url) && URL.canParse(url), {
  error: 'must start with http:// or https:// and be a full web address',
});

/** A date as precise as the source allows: YYYY, YYYY-MM or YYYY-MM-DD. YAML reads a bare year as a number. */
const IsoDate = z
  .union([z.string(), z.number().int()])
  .transform((value) => String(value))
  .pipe(z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, { error: 'must be YYYY, YYYY-MM or YYYY-MM-DD' }));

/**
 * The kinds of source the site cites. `report` is an official or expert report; `reference` is an encyclopedia
 * entry or a summary written by someone else (a law firm's briefing), used only for dates and plain facts.
 */
export const SOURCE_KINDS = ['article', 'speech', 'news', 'report', 'reference', 'legislation', 'judgment', 'campaign', 'statement'] as const;

/** Where claims come from. */
export const SourceSchema = z.strictObject({
  /** kebab-case id used in claims' `source`. Required. */
  id: IdSchema,
  /** Title of the page or document. Required. */
  title: Text,
  /** Who published it. Required. */
  publisher: Text,
  /** ISO date (YYYY, YYYY-MM or YYYY-MM-DD) of publication, or of the event when the page has no date. Optional: never invent one. */
  date: IsoDate.optional(),
  /** ISO date (YYYY, YYYY-MM or YYYY-MM-DD) on which the page was read, for pages that give no date. Optional. */
  accessed: IsoDate.optional(),
  /** Public address of the source. Required for every source but the article itself. */
  url: HttpUrl.optional(),
  /** What sort of source this is. Required. */
  kind: z.enum(SOURCE_KINDS),
  /** Path, relative to `content/`, of the full text that quotes are checked against. Optional. */
  text: z.string().optional(),
  /** What a reader should know about the source (dating, reliability). Optional. */
  note: Text.optional(),
});
export type Source = z.infer<typeof SourceSchema>;

export const ActorsFileSchema = z.array(ActorSchema);
export const SourcesFileSchema = z.array(SourceSchema);
