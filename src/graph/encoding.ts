/**
 * The visual encoding shared by the static SVG, the Cytoscape map and the legend: kinds by shape and
 * border, relations by line style and arrowhead (colour only doubles them). Okabe–Ito colours.
 */
import type { ClaimKind, RelationKind as EdgeKind } from './model.ts';

export interface KindStyle {
  /** Polygon in Cytoscape's normalised coordinates (-1…1), or a built-in shape name. */
  shape: 'rectangle' | 'round-rectangle' | number[];
  border: 'solid' | 'dashed' | 'dotted';
  borderWidth: number;
  /** Short word drawn above the label, so the kind never depends on shape alone. */
  tag: string;
  description: string;
}

export const KIND_STYLES: Record<ClaimKind, KindStyle> = {
  question: { shape: [-1, 0, -0.93, -1, 0.93, -1, 1, 0, 0.93, 1, -0.93, 1], border: 'solid', borderWidth: 3, tag: 'QUESTION', description: 'the question being debated (six-sided, heavy border)' },
  position: { shape: 'round-rectangle', border: 'solid', borderWidth: 3, tag: 'POSITION', description: "a side's answer to the question (rounded, heavy border)" },
  claim: { shape: 'rectangle', border: 'solid', borderWidth: 1.5, tag: 'CLAIM', description: 'a reason or an objection (square corners, thin border)' },
  evidence: { shape: [-1, -0.6, -0.93, -1, 1, -1, 1, 0.6, 0.93, 1, -1, 1], border: 'solid', borderWidth: 1.5, tag: 'EVIDENCE', description: 'words quoted from a source (two cut corners)' },
  assumption: { shape: 'round-rectangle', border: 'dashed', borderWidth: 2, tag: 'ASSUMPTION', description: 'an unstated premise the map reconstructs (dashed border)' },
  context: { shape: 'rectangle', border: 'dotted', borderWidth: 2.5, tag: 'CONTEXT', description: 'a fact from outside the article, with its source (dotted border, shaded)' },
};

export interface RelationStyle {
  line: 'solid' | 'dashed' | 'dotted';
  arrow: 'triangle' | 'tee' | 'diamond' | 'vee' | 'circle';
  /** CSS custom property holding the colour, set per theme in map.css. */
  colourVar: string;
  description: string;
}

export const RELATION_STYLES: Record<EdgeKind, RelationStyle> = {
  supports: { line: 'solid', arrow: 'triangle', colourVar: '--map-supports', description: 'is a reason for (solid line, filled arrow)' },
  attacks: { line: 'dashed', arrow: 'tee', colourVar: '--map-attacks', description: 'says the target is false (dashed line, bar end)' },
  undercuts: { line: 'dotted', arrow: 'diamond', colourVar: '--map-undercuts', description: 'says a link does not follow (dotted line, diamond end, to the small diamond on that link)' },
  answers: { line: 'solid', arrow: 'vee', colourVar: '--map-answers', description: 'answers the question (thin solid line, open arrow)' },
  frames: { line: 'dotted', arrow: 'circle', colourVar: '--map-frames', description: 'the writer’s framing of a claim: not a reason (thin dotted grey line, round end)' },
};

export const EDGE_WIDTH: Record<EdgeKind, number> = { supports: 2.5, attacks: 2.5, undercuts: 2.5, answers: 1.5, frames: 1.5 };

/** Dash pattern for SVG `stroke-dasharray`, per line style. */
export const DASH: Record<'solid' | 'dashed' | 'dotted', string | undefined> = { solid: undefined, dashed: '8 5', dotted: '2 4' };
