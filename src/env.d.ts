declare module 'virtual:argument-graph' {
  /**
   * The compiled graph (src/integrations/argument-graph.ts). In the dev server this one object is refilled in place
   * on every save: read it while rendering or handling a request, not into a constant when a module loads.
   */
  const graph: import('./graph/types.ts').CompiledGraph;
  export default graph;
}
