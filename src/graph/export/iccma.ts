/**
 * The graph's Dung framework (see `semantics.ts` for how supports and undercuts are read) in the ICCMA formats,
 * for running external argumentation solvers on the site's map.
 */
import { toApx, toTgf } from '../iccma.ts';
import { graphToFramework } from '../semantics.ts';
import type { CompiledGraph } from '../types.ts';

/** ASPARTIX `.apx`: `arg(a).` and `att(a,b).` lines, names escaped as `iccma.ts` describes. */
export function graphToApx(graph: CompiledGraph): string {
  return toApx(graphToFramework(graph));
}

/** Trivial Graph Format `.tgf`: argument names, `#`, then `attacker attacked` lines. */
export function graphToTgf(graph: CompiledGraph): string {
  return toTgf(graphToFramework(graph));
}
