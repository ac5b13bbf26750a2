/** Hand-written claims compiled into a graph, for tests of the drawing and its text twin. */
import { compileGraph } from '../../src/graph/compile.ts';
import { layoutMap } from '../../src/graph/layout.ts';
import type { LoadedClaim } from '../../src/graph/load.ts';
import type { CompiledGraph } from '../../src/graph/types.ts';

export type Spec = Partial<LoadedClaim> & Pick<LoadedClaim, 'id'>;

export function graphOf(specs: Spec[]): CompiledGraph {
  const claims = specs.map((c): LoadedClaim => ({ kind: 'claim', text: c.id, supports: [], attacks: [], undercuts: [], frames: [], file: 'f.mdx', line: 1, lines: {}, ...c }));
  const compiled = compileGraph([{ file: 'f.mdx', slug: 'f', title: 'F', claims, focus: [] }], [], []);
  return { ...compiled, layout: layoutMap(compiled.nodes, compiled.edges), diagnostics: [] };
}
