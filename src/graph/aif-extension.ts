/**
 * What the site's AIF export adds to AIF and its importer reads back, so that a map survives import(export(map)).
 * AIF has no place for a claim's kind, label, speaker, source, quote, voice or note, for relation notes or for the
 * writer's framing; the export keeps them in one extra top-level member, `site`, which AIF tools ignore.
 */
import type { ClaimKind, Voice } from './model.ts';

export interface AifSiteExtension {
  /** Says what the member is, for whoever opens the file. */
  about: string;
  /** The I-nodes' nodeIDs are the site's claim ids: an import keeps them, so permalinks survive. */
  claimIds: true;
  /** The site's fields of each claim, by nodeID (only the fields a claim has). */
  claims: Record<string, { kind: ClaimKind; label?: string; by?: string; source?: string; quote?: string; voice?: Voice; note?: string }>;
  /** Relation notes, by the site's edge id (`supports:a->b`, `undercuts:u->(supports:a->b)`). */
  notes: Record<string, string>;
  /** The writer's framing: `from` frames `to` (no AIF node stands for it). */
  frames: { from: string; to: string; note?: string }[];
}

export const AIF_EXTENSION_ABOUT =
  'Fields of the argument-map site that AIF has no place for (claim kinds, labels, sources, voices, notes, framing). AIF tools can ignore this member; the site reads it back on import.';

/**
 * The note an AIF import gives each support of a linked argument (several premises into one RA). It names the RA,
 * so that the AIF export can join those supports into one RA again (`linkedGroup`).
 */
export const linkedPremiseNote = (others: string[], ra: string): string => `Linked premise: holds together with ${others.join(' and ')} (AIF RA ${ra}).`;

/** The RA a support's note says it was linked through, if the note has a sentence `linkedPremiseNote` wrote. */
export const linkedGroup = (note: string | undefined): string | undefined => /(?:^|\. )Linked premise: [\s\S]*?\(AIF RA ([^()]+)\)\./.exec(note ?? '')?.[1];

/** The note an AIF import gives a relation whose RA or CA names a scheme other than the default one. */
export const schemeNote = (scheme: string): string => `AIF scheme: ${scheme}.`;

/** The scheme a relation's note names (`schemeNote`), for the AIF export to write on its RA or CA again. */
export const schemeOf = (note: string | undefined): string | undefined => /(?:^|\. )AIF scheme: ([^\n]+?)\.(?: |$)/.exec(note ?? '')?.[1];
