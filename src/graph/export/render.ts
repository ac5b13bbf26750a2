/** The exporter of each format in `formats.ts`: the one place that ties a format id to its function. */
import type { CompiledGraph } from '../types.ts';
import { exportAif } from './aif.ts';
import { exportArgdown } from './argdown.ts';
import type { ExportFormat, ExportFormatId } from './formats.ts';
import { exportGraphJson, exportGraphSchema } from './graph-json.ts';
import { graphToApx, graphToTgf } from './iccma.ts';

const RENDER: Record<ExportFormatId, (graph: CompiledGraph) => string> = {
  json: exportGraphJson,
  schema: () => exportGraphSchema(),
  aif: exportAif,
  argdown: exportArgdown,
  apx: graphToApx,
  tgf: graphToTgf,
};

/** The text of `format` for `graph`. */
export const renderExport = (format: ExportFormat, graph: CompiledGraph): string => RENDER[format.id](graph);

/** The HTTP response the site serves for `format`. */
export const exportResponse = (format: ExportFormat, graph: CompiledGraph): Response =>
  new Response(renderExport(format, graph), { headers: { 'Content-Type': format.mediaType } });
