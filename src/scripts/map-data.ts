/** The data a page embeds for its map, and the shared client-side types. */
import type { Choice, Label } from '../graph/model.ts';
import type { MapView, ViewNode } from '../graph/view-types.ts';

export type { Choice, Label };

export interface MapData {
  /** The map, without each claim's full text (the outline carries it) and without relation notes on edges. */
  view: Omit<MapView, 'nodes'> & { nodes: (Omit<ViewNode, 'text'> & { text?: string })[] };
  /** Labels of the map as mapped (no reader choices), computed at build time. */
  labels: Record<string, Label>;
}

export type MapNode = MapData['view']['nodes'][number];

export const LABEL_WORDS: Record<Label, string> = { IN: '✓ stands', OUT: '✗ falls', UNDEC: '? undecided' };

/** Create an element with text content only: content data never goes through innerHTML. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}
