/**
 * Shapes shared by the importers (`argdown.ts`, `aif.ts`, `kialo.ts`), the MDX writer and `scripts/import.ts`.
 */
import type { ClaimInput } from '../schema.ts';

/** A known actor, so that importers can turn a speaker into `by` (and so a position). */
export interface KnownActor {
  id: string;
  name: string;
}

/** A known source, so that importers can keep a claim's `source` (and with it evidence, context and voice). */
export interface KnownSource {
  id: string;
  /** The source's kind (`article`, `news`, …): context must come from outside the article. */
  kind: string;
  url?: string;
}

/** What every importer is given besides the text. */
export interface ImportOptions {
  /**
   * kebab-case import name: prefixes every claim id (`<name>-…`) and names the folder. A file that says its titles
   * are the site's claim ids (the site's own exports do) keeps those ids instead, so permalinks survive a round trip.
   */
  name: string;
  /** The file being imported, as it should appear in error messages. */
  file: string;
  /** Actors of the site (`content/actors.yaml`); speakers matching one by name or id become `by`. */
  actors?: KnownActor[];
  /** Sources of the site (`content/sources.yaml`); a claim keeps a `source` only if it is one of these. */
  sources?: KnownSource[];
  /** Called now and then while a large input is converted. */
  onProgress?: (done: number, total: number) => void;
}

/** One docs page to write: `<out>/<slug>.mdx`. */
export interface ImportedPage {
  /** Path below the output folder, without extension (`index` for the import's main page). */
  slug: string;
  title: string;
  /** The claims declared in the page's frontmatter, in order. */
  claims: ClaimInput[];
  /** MDX body (plain prose; never contains imported text, so it needs no escaping). */
  body: string;
}

/** Something in the input that was not imported (or not as written), and why. */
export interface Skipped {
  /** What sort of thing it is, for the counts in the report (`tags`, `supports closing a cycle`, …). */
  category: string;
  what: string;
  why: string;
  /** `line:column` for text formats, node or edge id for AIF. */
  position?: string;
  /** How many things this entry stands for, when it stands for several (`85 repeated nodes`); 1 otherwise. */
  count?: number;
}

/** What an import produced and what it left out. */
export interface ImportReport {
  claimsByKind: Record<string, number>;
  relationsByKind: Record<string, number>;
  skipped: Skipped[];
  /** How many things were left out (or changed), by category: the sum of `skipped` counts. */
  skippedByCategory: Record<string, number>;
  /** Where each imported claim came from, by claim id: `[title]`/`<title>` (Argdown), `node <id>` (AIF), a path (Kialo). */
  origins: Record<string, string>;
}

/** The result of every importer. */
export interface ImportResult {
  pages: ImportedPage[];
  report: ImportReport;
}

/** Malformed input: names the file and where in it (`line:column`, JSON path or node id). */
export class ImportError extends Error {
  /** The file as given in the options. */
  readonly file: string;
  /** `line:column`, a JSON path or a node id. */
  readonly position: string;
  constructor(file: string, position: string, message: string) {
    super(`${file}:${position}: ${message}`);
    this.name = 'ImportError';
    this.file = file;
    this.position = position;
  }
}
