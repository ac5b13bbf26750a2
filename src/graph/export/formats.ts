/**
 * Every export format of the map, in the order readers see them. One list drives `npm run export`, the routes
 * under `/exports/` (and `/graph.json`, `/graph.schema.json`), and the download lists. Plain data with no imports,
 * so a client script or a component can map over it without pulling in the exporters (`render.ts` has those).
 */

export interface ExportFormat {
  /** `npm run export -- --format <id>`. */
  id: 'json' | 'schema' | 'aif' | 'argdown' | 'apx' | 'tgf';
  /** File name, served at `/exports/<file>`. */
  file: string;
  /** Also served at the site root (`/<file>`), where earlier links point. */
  atRoot: boolean;
  /** The `Content-Type` the site serves it with. */
  mediaType: string;
  /** Its name in the download menus. */
  label: string;
  /** What it is for, in a few words, for the download list on the sources page. */
  description: string;
  /** Whether it carries the map's layout (the CLI only lays the map out for those). */
  layout: boolean;
}

export type ExportFormatId = ExportFormat['id'];

export const EXPORT_FORMATS: readonly ExportFormat[] = [
  { id: 'json', file: 'graph.json', atRoot: true, mediaType: 'application/json; charset=utf-8', label: 'Graph (JSON)', description: 'the compiled graph, with its layout', layout: true },
  { id: 'schema', file: 'graph.schema.json', atRoot: true, mediaType: 'application/schema+json; charset=utf-8', label: 'JSON Schema', description: 'the JSON Schema of the graph', layout: false },
  { id: 'aif', file: 'graph.aif.json', atRoot: false, mediaType: 'application/json; charset=utf-8', label: 'AIF (JSON)', description: 'Argument Interchange Format, for AIFdb and OVA', layout: false },
  { id: 'argdown', file: 'graph.argdown', atRoot: false, mediaType: 'text/plain; charset=utf-8', label: 'Argdown', description: 'for the Argdown editor and its tools', layout: false },
  { id: 'apx', file: 'graph.apx', atRoot: false, mediaType: 'text/plain; charset=utf-8', label: 'ICCMA apx', description: 'the attack framework, for argumentation solvers', layout: false },
  { id: 'tgf', file: 'graph.tgf', atRoot: false, mediaType: 'text/plain; charset=utf-8', label: 'ICCMA tgf', description: 'the attack framework as a Trivial Graph Format file', layout: false },
];

/** The format served as `file`, if any. */
export const exportFormatByFile = (file: string): ExportFormat | undefined => EXPORT_FORMATS.find((f) => f.file === file);

/** Where a format is served, relative to the site's base: `exports/<file>`. */
export const exportPath = (format: ExportFormat): string => `exports/${format.file}`;
