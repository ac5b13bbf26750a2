/**
 * The measures of a drawn map, shared by the build-time layout, the static SVG and the browser's canvas:
 * one place for every size, so the three always draw the same thing. No imports: the browser loads it.
 */

/** Width of a claim's box, in drawing units (CSS pixels at zoom 1). */
export const NODE_WIDTH = 200;
/** Width of a reference chip: a claim drawn in full elsewhere on the same map. */
export const REF_WIDTH = 176;
/** Longer labels are cut with an ellipsis on the map; the full text is in the panel and the outline. */
export const LABEL_MAX_LINES = 4;
export const REF_MAX_LINES = 3;
/** Label text size at zoom 1; a reader needs 11 CSS px or more, so the drawing is never shown below 11/12.5. */
export const LABEL_FONT_SIZE = 12.5;
export const LABEL_LINE_HEIGHT = 16;
/** Room above the label for the kind tag ("CLAIM", "★ POSITION"…). */
export const BOX_PADDING_Y = 22;
/** The small diamond where an undercut meets the link it undercuts. */
export const ANCHOR_SIZE = 14;
/** Blank space around a drawing, on every side. */
export const DRAWING_MARGIN = 16;
/**
 * The widest a map is laid out, in drawing units: with its margins it fits the 913 px the map has in a 1280 px
 * window (beside the sidebar, with a classic scrollbar), with labels at 11 px or more.
 */
export const MAP_MAX_WIDTH = 1000;
/** The smallest zoom at which labels are still 11 CSS px. */
export const READABLE_ZOOM = 11 / LABEL_FONT_SIZE;

/** Spacing of the drawing. */
export const GAP_X = 24;
/** Between two routed lines that run side by side. */
export const TRACK = 6;
/** Between the rows of a tree, on top of the tracks the lines need. */
export const GAP_Y = 12;

/** Room inside a box on each side of its label. */
export const BOX_PADDING_X = 8;

// Advance widths of Helvetica (and metric-compatible Arial/Liberation Sans), in thousandths of an em, for
// printable ASCII from the space (32) to the tilde (126). Other characters count as a digit's width.
const WIDTHS = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556,
  556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];
const WIDE: Record<string, number> = { '“': 333, '”': 333, '‘': 222, '’': 222, '–': 556, '—': 1000, '…': 1000, '★': 800, '↪': 1000 };
/**
 * The map's labels use Arial's metrics (Arial, Liberation Sans and Helvetica share them), so the widths above hold
 * wherever the map is read; `map.css` sets the same family for the static SVG. A little slack covers the rest.
 */
export const MAP_FONT = 'Arial, "Liberation Sans", Helvetica, sans-serif';
const FONT_SLACK = 1.04;

/** Width of a line of label text at the label size, in drawing units (an estimate that errs on the wide side). */
export function textWidth(text: string, fontSize = LABEL_FONT_SIZE): number {
  let units = 0;
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    units += code >= 32 && code <= 126 ? WIDTHS[code - 32] : (WIDE[ch] ?? 556);
  }
  return (units / 1000) * fontSize * FONT_SLACK;
}

/** Greedy word wrap to `width` drawing units; words longer than a line are cut; extra lines end in an ellipsis. */
export function wrapLabel(label: string, width = NODE_WIDTH - 2 * BOX_PADDING_X, maxLines = LABEL_MAX_LINES): string[] {
  const fits = (text: string) => textWidth(text) <= width;
  const lines: string[] = [];
  let line = '';
  for (const word of label.trim().split(/\s+/)) {
    let rest = word;
    while (rest) {
      const candidate = line ? `${line} ${rest}` : rest;
      if (fits(candidate)) {
        line = candidate;
        rest = '';
      } else if (line) {
        lines.push(line);
        line = '';
      } else {
        // A single word wider than the line: cut it where it stops fitting.
        let cut = rest.length - 1;
        while (cut > 1 && !fits(rest.slice(0, cut))) cut--;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
    }
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    let last = kept[maxLines - 1];
    while (last.length > 1 && !fits(`${last}…`)) last = last.slice(0, -1).trimEnd();
    kept[maxLines - 1] = `${last.trimEnd()}…`;
    return kept;
  }
  return lines;
}

/** Height of a box holding `lines` lines of label under its tag. */
export const boxHeight = (lines: number) => lines * LABEL_LINE_HEIGHT + BOX_PADDING_Y;
