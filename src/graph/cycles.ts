/**
 * The one support-cycle check, shared by validation (which reports cycles) and the importers (which drop the
 * edge that closes each one). Iterative depth-first search: a chain of any length never overflows the stack.
 */

/** An edge that closes a cycle, and the cycle it closes: ids from the edge's target round to that target again. */
export interface ClosingEdge<E> {
  edge: E;
  cycle: string[];
}

/**
 * Every edge that closes a cycle, found depth-first from each node in the order given, following each node's
 * edges in their order (so the result is deterministic). Edges to unknown nodes and self-loops are ignored.
 */
export function closingEdges<E>(nodes: Iterable<string>, edgesOf: (id: string) => readonly E[], target: (edge: E) => string): ClosingEdge<E>[] {
  const out: ClosingEdge<E>[] = [];
  const done = new Set<string>();
  /** Position on the current path of each node being explored. */
  const onPath = new Map<string, number>();
  const path: { id: string; edges: readonly E[]; next: number }[] = [];
  const enter = (id: string) => {
    onPath.set(id, path.length);
    path.push({ id, edges: edgesOf(id), next: 0 });
  };
  const known = new Set(nodes);
  for (const start of known) {
    if (done.has(start)) continue;
    enter(start);
    while (path.length > 0) {
      const top = path[path.length - 1];
      if (top.next === top.edges.length) {
        path.pop();
        onPath.delete(top.id);
        done.add(top.id);
        continue;
      }
      const edge = top.edges[top.next++];
      const to = target(edge);
      if (to === top.id || !known.has(to) || done.has(to)) continue;
      const at = onPath.get(to);
      if (at !== undefined) out.push({ edge, cycle: [...path.slice(at).map((frame) => frame.id), to] });
      else enter(to);
    }
  }
  return out;
}

/** A cycle for a message: `a` → `b` → `a`, with the middle of a very long one left out. */
export function describeCycle(cycle: string[], name: (id: string) => string = (id) => id, max = 12): string {
  const shown = cycle.map((id) => `\`${name(id)}\``);
  if (shown.length <= max) return shown.join(' → ');
  const half = Math.floor(max / 2);
  return [...shown.slice(0, half), `… ${shown.length - max} more …`, ...shown.slice(-half)].join(' → ');
}
