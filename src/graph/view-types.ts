/**
 * The shape of a map's data, as pages embed it and the browser reads it, and the one helper both sides need.
 * Build-time code and client scripts both import this module, so it imports nothing that runs.
 */
import type { ClaimKind, Voice } from './model.ts';
import type { GraphEdge, Point } from './types.ts';

/**
 * One relation of a claim, from its side: `source` (this claim → others[0]), `target` (others[0] → this claim),
 * `undercutter` (this claim undercuts the link others[0] → others[1]) or `undercut` (this claim's link to
 * others[0] is undercut by others[1]). `undercut` names the kind of link an undercut targets.
 */
export interface ViewRelation {
  edge: string;
  kind: GraphEdge['kind'];
  role: 'source' | 'target' | 'undercutter' | 'undercut';
  others: string[];
  undercut?: 'supports' | 'attacks';
}

export interface ViewNode {
  id: string;
  kind: ClaimKind;
  /** The map label, wrapped as it is drawn. */
  lines: string[];
  /** Full text; pages leave it out of their embedded data because the outline carries it. */
  text: string;
  by?: string;
  source?: string;
  quote?: string;
  voice?: Voice;
  note?: string;
  /** Slug of the page that discusses the claim. */
  page: string;
  /** Centre and size of its box. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Highlighted: one of the claims this view is about. */
  focus: boolean;
  /** Relations with claims on this map; `offMap` counts the others, which the claim's own page lists. */
  relations: ViewRelation[];
  offMap?: number;
}

/**
 * A reference chip: a small box standing for a claim drawn in full elsewhere on the same map, either where it
 * also connects, or (`continued`) heading more of its own reasons, so their lines stay short.
 */
export interface ViewRef {
  id: string;
  claim: string;
  continued?: boolean;
  lines: string[];
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * A relation as drawn: the graph's edge, the item it is drawn from (the claim or a chip), the item it is drawn to
 * when that is not its target claim (a "continued" reference to it), and its line.
 */
export interface ViewEdge extends GraphEdge {
  source: string;
  target?: string;
  points: Point[];
}

/** The diamond an undercut points at, on the link it undercuts. */
export interface ViewAnchor {
  /** The undercut edge's id. */
  edge: string;
  x: number;
  y: number;
}

export interface MapView {
  nodes: ViewNode[];
  refs: ViewRef[];
  edges: ViewEdge[];
  anchors: ViewAnchor[];
  width: number;
  height: number;
  actors: Record<string, string>;
  sources: Record<string, { title: string; url?: string; publisher: string; date?: string; accessed?: string }>;
  pages: Record<string, string>;
  /** Relation notes by edge id, once each (both ends of a relation describe it). */
  notes: Record<string, string>;
}

/** A view's relations without their drawing: the graph edges the evaluation and the outline read. */
export const viewGraphEdges = (view: Pick<MapView, 'edges'>): GraphEdge[] => view.edges.map(({ source: _s, target: _t, points: _p, ...edge }) => edge);
