/**
 * `npm run graph`: validate, compile and lay out the content, write the graph artefact, print a summary.
 * `--check` validates only (used by `npm run check`); `--content DIR` and `--out FILE` change the paths.
 * It also lists every page's map (and /map/) with its size, crossings and lines through claims; `--no-maps` skips that.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { compileSite, formatDiagnostic } from '../src/graph/index.ts';
import { serialiseGraph } from '../src/graph/artefact.ts';
import { measureDrawing } from '../src/graph/drawing-metrics.ts';
import { fullView, pageView } from '../src/graph/view.ts';

const { values } = parseArgs({
  options: {
    check: { type: 'boolean', default: false },
    content: { type: 'string', default: process.env.CONTENT_ROOT ?? 'content' },
    out: { type: 'string', default: '.cache/graph.json' },
    'no-maps': { type: 'boolean', default: false },
  },
});

const started = performance.now();
const result = await compileSite({ contentRoot: values.content!, layout: !values.check });
const diagnostics = result.ok ? result.graph.diagnostics : result.diagnostics;
for (const d of diagnostics) console.error(formatDiagnostic(d));

if (!result.ok) {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  console.error(`\n✗ ${errors} error${errors === 1 ? '' : 's'} in ${values.content}: nothing was written.`);
  process.exit(1);
}

const { graph, timings } = result;
const count = <T,>(items: T[], key: (item: T) => string) =>
  Object.entries(items.reduce<Record<string, number>>((acc, item) => ((acc[key(item)] = (acc[key(item)] ?? 0) + 1), acc), {}))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
if (!values.check) {
  await mkdir(path.dirname(values.out!), { recursive: true });
  await writeFile(values.out!, serialiseGraph(graph));
}
const warnings = graph.diagnostics.length;
console.log(
  [
    `✓ ${graph.nodes.length} claims (${count(graph.nodes, (n) => n.kind)})`,
    `  ${graph.edges.length} relations (${count(graph.edges, (e) => e.kind)})`,
    `  ${graph.pages.length} pages, ${Object.keys(graph.actors).length} actors, ${Object.keys(graph.sources).length} sources, ${warnings} warning${warnings === 1 ? '' : 's'}`,
    `  load ${timings.load} ms, validate ${timings.validate} ms, compile ${timings.compile} ms, layout ${timings.layout} ms, total ${Math.round(performance.now() - started)} ms`,
    values.check ? '  (check only: nothing written)' : `  wrote ${values.out}`,
  ].join('\n'),
);
if (!values.check && !values['no-maps']) {
  // Each map as a reader sees it: its size, and how legible the drawing is (see drawing-metrics.ts).
  const withMaps = graph.pages.filter((p) => p.focus.length > 0);
  if (withMaps.length < 40) {
    const maps = [['/map/', fullView(graph)] as const, ...withMaps.map((p) => [`/${p.slug ? `${p.slug}/` : ''}`, pageView(graph, p.slug)!] as const)];
    console.log(`\n  ${'map'.padEnd(24)} ${'claims'.padStart(6)} ${'size'.padStart(12)} ${'relations'.padStart(9)} ${'crossings'.padStart(9)} ${'through claims'.padStart(14)}`);
    for (const [name, view] of maps) {
      const m = measureDrawing(view);
      console.log(`  ${name.padEnd(24)} ${String(view.nodes.length).padStart(6)} ${`${m.width} × ${m.height}`.padStart(12)} ${String(m.edges).padStart(9)} ${String(m.crossings).padStart(9)} ${String(m.throughBoxes).padStart(14)}`);
    }
  } else console.log(`\n  ${withMaps.length + 1} maps: too many to list here (tests/unit/drawing-metrics.test.ts holds the site's maps to their budget)`);
}
