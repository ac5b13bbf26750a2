/**
 * The article passage by passage: where each claim taken from the article sits in its text, and whose words
 * each word of the article is. Pure: the caller reads the article's text and passes it in with the graph.
 *
 * Everything is worked out on the text as the quote check sees it (`normaliseForQuote`), so a claim is placed
 * exactly where the build already proved its quote occurs.
 */
import type { Voice } from './model.ts';
import type { GraphLike, GraphNode } from './types.ts';
import { normaliseForQuote } from './validate.ts';

/** A claim found in a paragraph, with where its quote starts and ends in the normalised paragraph. */
export interface PlacedClaim {
  id: string;
  start: number;
  end: number;
}

export interface Paragraph {
  /** 1-based position among the article's paragraphs (blank-line separated, empty ones skipped). */
  number: number;
  /** The paragraph as the quote check sees it: typographic quotes, dashes and spacing folded. */
  text: string;
  /** Claims whose quote first occurs in this paragraph, in order of where they start. */
  claims: PlacedClaim[];
}

/**
 * Whose words one word of the article is:
 * - `own`: inside quotation marks, and a claim by `actor` covers it (a speaker's own words);
 * - `reported`: outside quotation marks in a paraphrase of `actor` (the writer reporting a speaker);
 * - `framing`: in a claim marked as the writer's framing;
 * - `connecting`: anything else (the writer's linking text, attributions, page furniture).
 */
export type WordShare = { kind: 'own'; actor: string } | { kind: 'reported'; actor: string } | { kind: 'framing' } | { kind: 'connecting' };

export interface ArticleReading {
  paragraphs: Paragraph[];
  /** Claims from the article that no paragraph holds: no quote (an arrangement of paragraphs), or not found. */
  unplaced: string[];
  /** Word counts by share, in a stable order: own and reported per actor (first appearance), framing, connecting. */
  words: { share: WordShare; count: number }[];
  total: number;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'-]*/gu;

/** Split the article into paragraphs and place each of its claims (`source === sourceId`) in one. */
export function readArticle(text: string, graph: GraphLike, sourceId: string): ArticleReading {
  const paragraphs: Paragraph[] = text
    .split(/\n\s*\n/)
    .map(normaliseForQuote)
    .filter((p) => p !== '')
    .map((p, i) => ({ number: i + 1, text: p, claims: [] }));
  const fromArticle = graph.nodes.filter((n) => n.source === sourceId);
  const unplaced: string[] = [];
  for (const node of fromArticle) {
    const quote = node.quote ? normaliseForQuote(node.quote) : '';
    const home = quote ? paragraphs.find((p) => p.text.includes(quote)) : undefined;
    if (!home) unplaced.push(node.id);
    else {
      const start = home.text.indexOf(quote);
      home.claims.push({ id: node.id, start, end: start + quote.length });
    }
  }
  for (const p of paragraphs) p.claims.sort((a, b) => a.start - b.start || a.end - b.end);

  const byId = new Map(fromArticle.map((n) => [n.id, n]));
  const counts = new Map<string, { share: WordShare; count: number }>();
  let total = 0;
  for (const p of paragraphs) {
    const quoted = insideQuotes(p.text);
    for (const match of p.text.matchAll(WORD)) {
      const at = match.index;
      const covering = p.claims.filter((c) => c.start <= at && at < c.end).map((c) => byId.get(c.id)!);
      const share = shareOf(quoted[at], covering);
      const key = JSON.stringify(share);
      const entry = counts.get(key) ?? { share, count: 0 };
      entry.count += 1;
      counts.set(key, entry);
      total += 1;
    }
  }
  const rank = (s: WordShare) => ({ own: 0, reported: 1, framing: 2, connecting: 3 })[s.kind];
  const words = [...counts.values()].sort((a, b) => rank(a.share) - rank(b.share));
  return { paragraphs, unplaced, words, total };
}

/** For each character, whether it lies between an opening and a closing double quotation mark. */
function insideQuotes(text: string): boolean[] {
  const inside: boolean[] = [];
  let open = false;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') open = !open;
    inside.push(open && text[i] !== '"');
  }
  return inside;
}

function shareOf(quoted: boolean, covering: GraphNode[]): WordShare {
  const voiced = (v: Voice) => covering.find((n) => n.voice === v);
  const speaker = voiced('direct') ?? voiced('paraphrase');
  if (quoted && speaker?.by) return { kind: 'own', actor: speaker.by };
  if (voiced('framing')) return { kind: 'framing' };
  const reported = voiced('paraphrase');
  if (reported?.by) return { kind: 'reported', actor: reported.by };
  return { kind: 'connecting' };
}

/** The first `max` words of a quote, with an ellipsis when it was cut (quotations on the page stay short). */
export function shortQuote(quote: string, max = 24): string {
  const words = quote.trim().split(/\s+/);
  return words.length <= max ? quote.trim() : `${words.slice(0, max).join(' ')} …`;
}
