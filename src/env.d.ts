declare module 'virtual:argument-graph' {
  const graph: import('./graph/types.ts').CompiledGraph;
  export default graph;
}
