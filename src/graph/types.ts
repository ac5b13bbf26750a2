/**
 * The compiled graph: the one artefact every component, export and test reads.
 * Produced by `compile.ts` + `layout.ts`; serialised as `graph.json`.
 */
import type { ClaimKind, RelationKind, Voice } from './model.ts';
import type { Actor, Source } from './schema.ts';

/** Where something was written, for error messages and the "discussed on" link. */
export interface Origin {
  /** Path relative to the project root, e.g. `content/docs/rowley.mdx`. */
  file: string;
  /** 1-based line of the claim's `id:` in that file. */
  line: number;
}

export interface GraphNode {
  id: string;
  kind: ClaimKind;
  text: string;
  /** Text shown on the map: the claim's `label`, or its `text`. */
  label: string;
  by?: string;
  source?: string;
  quote?: string;
  /** Whose words the claim is, when it comes from the article (see `VOICES`). */
  voice?: Voice;
  note?: string;
  /** Slug of the page that declares the claim ('' for the home page). */
  page: string;
  origin: Origin;
}

/** A relation's kind; one name for the content model and the graph. */
export type EdgeKind = RelationKind;

export interface GraphEdge {
  /** `kind:from->to` for claim-to-claim edges; `undercuts:from->(targetEdgeId)` for undercuts. */
  id: string;
  kind: EdgeKind;
  /** Claim id the relation is declared on. */
  from: string;
  /** Claim id, or, for `undercuts`, the id of the edge whose inference is attacked. */
  to: string;
  note?: string;
}

export interface PageInfo {
  /** Starlight slug: '' for the home page, `rowley` for `content/docs/rowley.mdx`. */
  slug: string;
  title: string;
  file: string;
  /** Claims declared in this page's frontmatter, in order. */
  declared: string[];
  /** Declared claims plus `focus` ids plus ids cited with `<Claim id>` in the body, in order, unique. */
  focus: string[];
}

export interface Point {
  x: number;
  y: number;
}

export interface Layout {
  /** Centre of each claim node, and of each undercut anchor (keyed by the undercut edge's target edge id). */
  positions: Record<string, Point>;
  /** Node box sizes used by the layout (the browser draws the same sizes). */
  sizes: Record<string, { width: number; height: number }>;
  /** Bounding box of the whole drawing. */
  bounds: { x: number; y: number; width: number; height: number };
}

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  severity: Severity;
  /** Stable machine code, e.g. `unknown-target`. */
  code: string;
  file: string;
  line: number;
  /** Claim id concerned, where there is one. */
  claim?: string;
  message: string;
  /** How to fix it. */
  hint: string;
}

/** What most graph functions read: the claims and relations, nothing else. */
export type GraphLike = Pick<CompiledGraph, 'nodes' | 'edges'>;

export interface CompiledGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  actors: Record<string, Actor>;
  sources: Record<string, Source>;
  pages: PageInfo[];
  layout: Layout;
  /** Warnings only: a graph with errors is never compiled. */
  diagnostics: Diagnostic[];
}
