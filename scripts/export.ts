/**
 * `npm run export -- --format json|schema|aif|argdown|apx|tgf [--out FILE] [--content DIR]`: compile the site
 * content and print the graph in one of the export formats (or write it to FILE). The same bytes the site serves
 * under `/exports/`. On content errors prints the diagnostics and exits 1.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { exportAif } from '../src/graph/export/aif.ts';
import { exportArgdown } from '../src/graph/export/argdown.ts';
import { exportGraphJson, exportGraphSchema } from '../src/graph/export/graph-json.ts';
import { graphToApx, graphToTgf } from '../src/graph/export/iccma.ts';
import { compileSite, formatDiagnostic } from '../src/graph/index.ts';
import type { CompiledGraph } from '../src/graph/types.ts';

/** Each format, and whether it needs the map's layout (only `json` carries it). */
const FORMATS: Record<string, { render: (graph: CompiledGraph) => string; layout: boolean }> = {
  json: { render: exportGraphJson, layout: true },
  schema: { render: () => exportGraphSchema(), layout: false },
  aif: { render: exportAif, layout: false },
  argdown: { render: exportArgdown, layout: false },
  apx: { render: graphToApx, layout: false },
  tgf: { render: graphToTgf, layout: false },
};

const usage = `usage: npm run export -- --format ${Object.keys(FORMATS).join('|')} [--out FILE] [--content DIR]`;

let values: { format?: string; out?: string; content?: string; help?: boolean };
try {
  ({ values } = parseArgs({
    options: {
      format: { type: 'string', short: 'f' },
      out: { type: 'string', short: 'o' },
      content: { type: 'string', default: process.env.CONTENT_ROOT ?? 'content' },
      help: { type: 'boolean', short: 'h' },
    },
  }));
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const format = values.format ? FORMATS[values.format] : undefined;
if (!format) {
  console.error(values.format ? `unknown format \`${values.format}\`\n${usage}` : usage);
  process.exit(2);
}

let text: string;
if (values.format === 'schema') text = exportGraphSchema();
else {
  const result = await compileSite({ contentRoot: values.content!, layout: format.layout });
  if (!result.ok) {
    for (const d of result.diagnostics) console.error(formatDiagnostic(d));
    const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
    console.error(`\n✗ ${errors} content error${errors === 1 ? '' : 's'} in ${values.content}: nothing exported.`);
    process.exit(1);
  }
  text = format.render(result.graph);
}

if (values.out) {
  await mkdir(path.dirname(path.resolve(values.out)), { recursive: true });
  await writeFile(values.out, text);
  console.error(`✓ wrote ${values.format} to ${values.out} (${Buffer.byteLength(text)} bytes)`);
} else process.stdout.write(text);
