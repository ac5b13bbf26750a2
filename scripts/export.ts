/**
 * `npm run export -- --format json|schema|aif|argdown|apx|tgf [--out FILE] [--content DIR]`: compile the site
 * content and print the graph in one of the export formats of `src/graph/export/formats.ts` (or write it to FILE).
 * The same bytes the site serves under `/exports/`. On content errors prints the diagnostics and exits 1.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { EXPORT_FORMATS } from '../src/graph/export/formats.ts';
import { renderExport } from '../src/graph/export/render.ts';
import { compileSite, formatDiagnostic } from '../src/graph/index.ts';

const usage = `usage: npm run export -- --format ${EXPORT_FORMATS.map((f) => f.id).join('|')} [--out FILE] [--content DIR]`;

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
const format = EXPORT_FORMATS.find((f) => f.id === values.format);
if (!format) {
  console.error(values.format ? `unknown format \`${values.format}\`\n${usage}` : usage);
  process.exit(2);
}

const result = await compileSite({ contentRoot: values.content!, layout: format.layout });
if (!result.ok) {
  for (const d of result.diagnostics) console.error(formatDiagnostic(d));
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  console.error(`\n✗ ${errors} content error${errors === 1 ? '' : 's'} in ${values.content}: nothing exported.`);
  process.exit(1);
}
const text = renderExport(format, result.graph);

if (values.out) {
  await mkdir(path.dirname(path.resolve(values.out)), { recursive: true });
  await writeFile(values.out, text);
  console.error(`✓ wrote ${values.format} to ${values.out} (${Buffer.byteLength(text)} bytes)`);
} else process.stdout.write(text);
