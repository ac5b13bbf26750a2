/**
 * Worker thread for the in-process compile benchmark: warms the compiler up on the small valid fixture (module
 * loading and JIT are not what we measure), then runs `compileSite` with layout on the given content root and
 * posts its timings. A worker, so that the benchmark can stop a compile that runs past its time limit.
 */
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { compileSite } from '../../src/graph/index.ts';

const { contentRoot, root } = workerData as { contentRoot: string; root: string };
await compileSite({ contentRoot: path.join(root, 'tests/fixtures/valid'), layout: true });
const started = performance.now();
const result = await compileSite({ contentRoot, layout: true });
const wall = performance.now() - started;
const kinds: Record<string, number> = {};
if (result.ok) for (const e of result.graph.edges) kinds[e.kind] = (kinds[e.kind] ?? 0) + 1;
parentPort!.postMessage({
  ok: result.ok,
  timings: result.timings,
  wall,
  nodes: result.ok ? result.graph.nodes.length : 0,
  pages: result.ok ? result.graph.pages.length : 0,
  edges: kinds,
  diagnostics: (result.ok ? result.graph.diagnostics : result.diagnostics).slice(0, 5).map((d) => `${d.file}:${d.line} ${d.code} ${d.message}`),
  heapUsed: process.memoryUsage().heapUsed,
});
