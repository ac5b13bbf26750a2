/** The importers' front door: pick the format of a file and run its importer. */
import { importAif } from './aif.ts';
import { importArgdown } from './argdown.ts';
import { importKialo } from './kialo.ts';
import type { ImportOptions, ImportResult } from './types.ts';

export { ImportError } from './types.ts';
export type { ImportedPage, ImportOptions, ImportReport, ImportResult, KnownActor, KnownSource, Skipped } from './types.ts';
export { pageFile, renderPage } from './write.ts';

/** The input formats the importers understand. */
export const IMPORT_FORMATS = ['argdown', 'aif', 'kialo'] as const;
/** One of `IMPORT_FORMATS`. */
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** The format of a file, from its extension (`.argdown`/`.ad`, `.json`) or its content; undefined when neither tells. */
export function detectFormat(file: string, text: string): ImportFormat | undefined {
  const lower = file.toLowerCase();
  if (/\.(argdown|ad)$/.test(lower)) return 'argdown';
  if (/\.json$/.test(lower)) return 'aif';
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('Discussion Title:')) return 'kialo';
  if (start.startsWith('{')) return 'aif';
  if (/^(\[[^\]]+\]:|<[^>]+>:|===)/m.test(start)) return 'argdown';
  return undefined;
}

/** Run the importer for `format`. */
export function importAs(format: ImportFormat, text: string, options: ImportOptions): ImportResult {
  if (format === 'argdown') return importArgdown(text, options);
  if (format === 'aif') return importAif(text, options);
  return importKialo(text, options);
}
