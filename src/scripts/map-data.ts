/** The data a page embeds for its map, and the shared client-side types. */
import type { Choice, Label } from '../graph/model.ts';
import type { MapView } from '../graph/view.ts';

export type { Choice, Label };

export interface MapData {
  view: MapView;
  /** Labels of the map as mapped (no reader choices), computed at build time. */
  labels: Record<string, Label>;
  /** Not embedded (computed with the labels when evaluate mode starts); kept optional for callers that have them. */
  explanations?: Record<string, string>;
  base: string;
}

export const LABEL_WORDS: Record<Label, string> = { IN: '✓ stands', OUT: '✗ falls', UNDEC: '? undecided' };

/** Create an element with text content only: content data never goes through innerHTML. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}
