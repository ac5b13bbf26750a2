/**
 * The guided tour (content/tour.yaml): read and check its steps. Pure: the caller passes the file's text and
 * what the site has (claims, pages in reading order, which claims each page's map draws); any problem is
 * reported with the file, the line, the step and a hint, and no tour is returned.
 */
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

/** A claim of a step, as the tour shows it. */
export interface TourClaim {
  id: string;
  /** The claim's short label. */
  label: string;
  /** The page that declares the claim, whose map draws it ('' is the home page). */
  home: string;
  /** Whether the step's own page's map draws this claim (so the tour can highlight it there). */
  drawn: boolean;
}

export interface TourStep {
  /** 1-based. */
  n: number;
  title: string;
  /** The page whose map the step is shown on: a docs slug ('' for the home page) or 'map' for the whole map. */
  page: string;
  text: string;
  claims: TourClaim[];
}

export interface TourSite {
  /** Path of the tour file for messages, e.g. `content/tour.yaml`. */
  file: string;
  /** Every claim: its label and the page that declares it. */
  claims: ReadonlyMap<string, { label: string; page: string }>;
  /** Pages in the site's reading order ('' first, 'map' for the whole map). */
  order: readonly string[];
  /** The claims a page's map draws (undefined if the page has no map). */
  drawn(page: string): ReadonlySet<string> | undefined;
}

export class TourError extends Error {}

const near = (items: Iterable<string>, wanted: string) => {
  let best: string | undefined;
  let bestScore = Infinity;
  for (const item of items) {
    const score = distance(item, wanted);
    if (score < bestScore) [best, bestScore] = [item, score];
  }
  return best !== undefined && bestScore <= Math.max(2, wanted.length / 3) ? best : undefined;
};

/** Levenshtein distance, for "did you mean" hints. */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next.push(Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
    row = next;
  }
  return row[b.length];
}

/** Parse and check the tour; throws a `TourError` listing every problem. */
export function parseTour(source: string, site: TourSite): TourStep[] {
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines });
  const problems: string[] = [];
  const at = (node: Node | null | undefined) => (node?.range ? lines.linePos(node.range[0]).line : 1);
  const report = (node: Node | null | undefined, what: string, hint?: string) => problems.push(`${site.file}:${at(node)} ${what}${hint ? `\n    hint: ${hint}` : ''}`);
  for (const error of doc.errors) problems.push(`${site.file}:${error.linePos?.[0].line ?? 1} ${error.message}`);
  if (problems.length) throw new TourError(problems.join('\n'));

  const root = doc.contents;
  if (!isSeq(root) || root.items.length === 0) throw new TourError(`${site.file}:1 the tour must be a list of steps, each with title, page, claims and text`);
  const steps: TourStep[] = [];
  let lastOrder = -1;
  root.items.forEach((item, i) => {
    const n = i + 1;
    if (!isMap(item)) {
      report(item as Node, `step ${n} is not a mapping`, 'give it title, page, claims and text');
      return;
    }
    const get = (key: string) => item.get(key, true) as Node | undefined;
    const value = (key: string) => {
      const v = get(key);
      return v && 'value' in v && typeof v.value === 'string' ? v.value.trim() : undefined;
    };
    const title = value('title');
    const text = value('text');
    const page = value('page');
    const name = `step ${n}${title ? ` ("${title}")` : ''}`;
    if (!title) report(item, `${name} has no title`);
    if (!text) report(item, `${name} has no text`, 'a few sentences of narration, in plain words');
    if (page === undefined) report(item, `${name} has no page`, 'the page whose map shows the step: "" for the home page, "map" for the whole map');
    const order = page === undefined ? -1 : site.order.indexOf(page);
    if (page !== undefined && order < 0) report(get('page'), `${name} names page "${page}", which is not in the reading order`, `one of ${site.order.map((p) => `"${p}"`).join(', ')}`);
    else if (order >= 0 && order < lastOrder)
      report(get('page'), `${name} is on page "${page}", which comes before the previous step's page in the reading order`, 'keep the steps in the order of the sidebar');
    if (order >= 0) lastOrder = Math.max(lastOrder, order);

    const list = get('claims');
    const ids = isSeq(list) ? list.items.map((c) => (c && typeof c === 'object' && 'value' in c ? String(c.value) : '')) : [];
    if (!isSeq(list) || ids.length === 0) report(list ?? item, `${name} lists no claims`, 'claims: [claim-id, …]');
    const drawn = page !== undefined && order >= 0 ? site.drawn(page) : undefined;
    if (page !== undefined && order >= 0 && !drawn) report(get('page'), `${name} is on page "${page}", which has no map`);
    const claims: TourClaim[] = [];
    ids.forEach((id, j) => {
      const claim = site.claims.get(id);
      const node = isSeq(list) ? (list.items[j] as Node) : list;
      if (claim) {
        claims.push({ id, label: claim.label, home: claim.page, drawn: drawn?.has(id) ?? false });
        return;
      }
      const guess = near(site.claims.keys(), id);
      report(node, `${name} names unknown claim \`${id}\``, guess ? `Did you mean \`${guess}\`?` : 'use the id of a claim declared in content/docs');
    });
    if (drawn && claims.length > 0 && !claims.some((c) => c.drawn)) report(get('page'), `${name}: the map of page "${page}" draws none of its claims, so nothing can be highlighted`, 'put the step on the page that discusses its claims');
    steps.push({ n, title: title ?? '', page: page ?? '', text: (text ?? '').replace(/\s+/g, ' '), claims });
  });
  if (problems.length) throw new TourError(problems.join('\n'));
  return steps;
}
