/** The balance of the map: what each position has for it and against it, counted from the graph. */
import { describe, expect, it } from 'vitest';
import { sideBalance } from '../../src/graph/balance.ts';
import type { Source } from '../../src/graph/schema.ts';
import type { GraphEdge, GraphNode } from '../../src/graph/types.ts';

const node = (id: string, kind: GraphNode['kind'], extra: Partial<GraphNode> = {}): GraphNode => ({
  id,
  kind,
  text: id,
  label: id,
  page: '',
  origin: { file: 'docs/index.mdx', line: 1 },
  ...extra,
});
const edge = (kind: GraphEdge['kind'], from: string, to: string): GraphEdge => ({ id: `${kind}:${from}->${to}`, kind, from, to });
const sources: Record<string, Source> = {
  art: { id: 'art', title: 'A', publisher: 'P', kind: 'article' },
  speech: { id: 'speech', title: 'S', publisher: 'P', kind: 'speech', url: 'https://example.org/s' },
  paper: { id: 'paper', title: 'N', publisher: 'P', kind: 'news', url: 'https://example.org/n' },
};

describe('sideBalance', () => {
  const nodes = [
    node('q', 'question'),
    node('p', 'position', { by: 'x' }),
    node('r', 'position', { by: 'y' }),
    node('reason', 'claim', { source: 'art' }),
    node('quote', 'evidence', { source: 'art' }),
    node('fact', 'context', { source: 'speech' }),
    node('report', 'context', { source: 'paper' }),
    node('premise', 'assumption'),
    node('objection', 'claim'),
    node('cut', 'claim'),
    node('frame', 'claim', { source: 'art', voice: 'framing' }),
  ];
  const edges = [
    edge('answers', 'p', 'q'),
    edge('answers', 'r', 'q'),
    edge('supports', 'reason', 'p'),
    edge('supports', 'quote', 'reason'),
    edge('supports', 'fact', 'reason'),
    edge('supports', 'premise', 'p'),
    edge('supports', 'report', 'r'),
    edge('attacks', 'r', 'p'),
    edge('attacks', 'objection', 'reason'),
    { id: 'undercuts:cut->(supports:quote->reason)', kind: 'undercuts' as const, from: 'cut', to: 'supports:quote->reason' },
    edge('frames', 'frame', 'p'),
  ];
  const [p, r] = sideBalance({ nodes, edges }, sources);

  it('counts what is offered for a position through chains of supports, by kind and by origin', () => {
    expect(p).toEqual({
      position: 'p',
      claims: 4,
      directReasons: 2,
      evidence: 1,
      context: 1,
      assumptions: 1,
      fromArticle: 2,
      objections: 3,
      firstHand: ['quote', 'fact'],
    });
  });

  it('never counts framing as a reason, nor a news report as first-hand evidence', () => {
    expect(r).toMatchObject({ position: 'r', claims: 1, context: 1, firstHand: [], objections: 0 });
  });
});
