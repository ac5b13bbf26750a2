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

/** A box on the drawing: centre and size, in drawing units. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Layout {
  /**
   * Every drawn item's box, keyed by its drawn id: a claim's own id, or `ref-<n>` for a reference chip (a claim
   * drawn in full elsewhere on the same map; see `forest.ts`).
   */
  boxes: Record<string, Box>;
  /** The claim each reference chip stands for. */
  refs: Record<string, string>;
  /** The item each relation is drawn from, where it is not the relation's own source claim (a chip). */
  drawnFrom: Record<string, string>;
  /** The item each relation is drawn to, where it is not its target claim (a "continued" reference to it). */
  drawnTo: Record<string, string>;
  /** Each relation's line, from its source item to its target (for an undercut: to the diamond on its link). */
  routes: Record<string, Point[]>;
  /** Centre of the diamond each undercut points at, keyed by the undercut edge's id. */
  anchors: Record<string, Point>;
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
