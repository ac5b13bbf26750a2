/**
 * "Test your view": the reasons-first evaluation, its explanations, DF-QuAD strengths and coherent sides, on
 * small graphs (every rule and the examples of issue 12), random graphs (properties, and a reference
 * well-founded model computed the textbook way) and the site's own map. The Dung semantics and the ICCMA
 * instances are tested in `dung.test.ts`.
 */
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileSite, formatDiagnostic } from '../../src/graph/index.ts';
import type { ClaimKind, EvaluableGraph, RelationKind, Voice } from '../../src/graph/model.ts';
import {
  band,
  claimReading,
  graphToFramework,
  groundedLabelling,
  stableExtensions,
  coherentSides,
  describeDisagreement,
  disagreement,
  evaluate,
  explain,
  explanationLines,
  strengths,
  type Choice,
  type Evaluation,
  type Label,
} from '../../src/graph/semantics.ts';
import type { CompiledGraph } from '../../src/graph/types.ts';

type Node = EvaluableGraph['nodes'][number];
type Edge = EvaluableGraph['edges'][number];

const node = (id: string, kind: ClaimKind = 'claim', voice?: Voice): Node => ({ id, kind, ...(voice ? { voice } : {}) });
const edge = (kind: RelationKind, from: string, to: string): Edge => ({
  id: kind === 'undercuts' ? `undercuts:${from}->(${to})` : `${kind}:${from}->${to}`,
  kind,
  from,
  to,
});
const graph = (nodes: readonly Node[], edges: readonly Edge[]): EvaluableGraph => ({ nodes, edges });
/** A graph of plain claims named by the ids its edges use, e.g. `g(['supports', 'e', 'c'], ['attacks', 'x', 'c'])`. */
const g = (...edges: [RelationKind, string, string][]): EvaluableGraph => {
  const ids = [...new Set(edges.flatMap(([kind, from, to]) => (kind === 'undercuts' ? [from] : [from, to])))];
  return graph(
    ids.map((id) => node(id)),
    edges.map(([kind, from, to]) => edge(kind, from, to)),
  );
};
const nameOf = (id: string): string => id.toUpperCase();
const say = (graph: EvaluableGraph, id: string, choices: Record<string, Choice> = {}): string => {
  const ev = evaluate(graph, choices);
  return explain(ev.labels[id], ev.explanations[id], nameOf);
};

// ---------------------------------------------------------------------------------------------------------
// The rules, one by one
// ---------------------------------------------------------------------------------------------------------

describe('evaluate: the examples of issue 12', () => {
  it('a standing objection refutes a claim whatever its reasons: e supports c, x attacks c', () => {
    const m = graph([node('e', 'evidence'), node('c'), node('x', 'context')], [edge('supports', 'e', 'c'), edge('attacks', 'x', 'c')]);
    const ev = evaluate(m, {});
    expect(ev.labels).toEqual({ e: 'IN', c: 'OUT', x: 'IN' });
    expect(ev.links).toEqual({ 'supports:e->c': 'IN', 'attacks:x->c': 'IN' });
    expect(ev.explanations.c.kind).toBe('refuted');
    expect(say(m, 'c')).toBe('Falls: «X» stands and attacks it. Its reasons still stand, but a reason does not answer an objection.');
  });

  it('one working reason is enough: e1 and e2 support c, x attacks e1', () => {
    const m = g(['supports', 'e1', 'c'], ['supports', 'e2', 'c'], ['attacks', 'x', 'e1']);
    const ev = evaluate(m, {});
    expect(ev.labels).toEqual({ e1: 'OUT', c: 'IN', e2: 'IN', x: 'IN' });
    expect(ev.links['supports:e1->c']).toBe('OUT');
    expect(say(m, 'c')).toBe('Stands: «E2» stands and supports it. Its other reason does not hold: «E1» has fallen.');
    expect(say(m, 'e1')).toBe('Falls: «X» stands and attacks it. Because it falls, it no longer supports «C».');
  });

  it('rival positions supported by one fact: the fact stands, the positions are undecided', () => {
    const m = graph(
      [node('w', 'context'), node('p', 'position'), node('q', 'position')],
      [edge('supports', 'w', 'p'), edge('supports', 'w', 'q'), edge('attacks', 'p', 'q'), edge('attacks', 'q', 'p')],
    );
    expect(evaluate(m, {}).labels).toEqual({ w: 'IN', p: 'UNDEC', q: 'UNDEC' });
    expect(say(m, 'p')).toBe('Undecided: it and «Q» attack each other; nothing breaks the tie.');
    // Siding with p settles it; the shared fact is untouched.
    expect(evaluate(m, { p: 'accepted' }).labels).toEqual({ w: 'IN', p: 'IN', q: 'OUT' });
    expect(say(m, 'q', { p: 'accepted' })).toBe(
      'Falls: «P», which you accepted, attacks it. Its reasons still stand, but a reason does not answer an objection. Because it falls, its attack on «P» no longer counts.',
    );
  });
});

describe('evaluate: premises and links', () => {
  it('a premise stands unless an attack lands on it, and nothing that happens to what it supports reaches it', () => {
    const m = g(['supports', 'e', 'c'], ['attacks', 'x', 'c'], ['supports', 'c', 'd'], ['attacks', 'd', 'y']);
    const ev = evaluate(m, {});
    expect(ev.labels).toEqual({ e: 'IN', c: 'OUT', x: 'IN', d: 'OUT', y: 'IN' });
    expect(say(m, 'e')).toBe('Stands: it is a starting point (no claim here gives a reason for it) and nothing attacks it.');
    expect(say(m, 'd')).toBe('Falls: its only reason, «C», has fallen. Because it falls, its attack on «Y» no longer counts.');
    expect(say(m, 'y')).toBe('Stands: it is a starting point (no claim here gives a reason for it), and no attack on it holds: «D» has fallen.');
  });

  it('labels every supports and attacks link: works, cut or undecided', () => {
    const m = g(['attacks', 'p', 'q'], ['attacks', 'q', 'p'], ['supports', 'p', 'r'], ['supports', 's', 'r'], ['attacks', 'x', 's'], ['supports', 'x', 'r']);
    expect(evaluate(m, {}).links).toEqual({
      'attacks:p->q': 'UNDEC',
      'attacks:q->p': 'UNDEC',
      'supports:p->r': 'UNDEC',
      'supports:s->r': 'OUT',
      'attacks:x->s': 'IN',
      'supports:x->r': 'IN',
    });
  });

  it('reinstates a claim whose attacker is itself refuted', () => {
    const m = graph([node('p', 'position'), node('a'), node('b')], [edge('attacks', 'a', 'p'), edge('attacks', 'b', 'a')]);
    expect(evaluate(m, {}).labels).toEqual({ p: 'IN', a: 'OUT', b: 'IN' });
    expect(say(m, 'p')).toBe('Stands: it is a starting point (no claim here gives a reason for it), and no attack on it holds: «A» has fallen.');
  });

  it('lets a claim fall, unsupported, when every reason is cut, and says which', () => {
    const m = g(['supports', 'a', 'c'], ['supports', 'b', 'c'], ['attacks', 'x', 'a'], ['undercuts', 'u', 'supports:b->c']);
    expect(evaluate(m, {}).labels.c).toBe('OUT');
    expect(evaluate(m, {}).explanations.c.kind).toBe('unsupported');
    expect(say(m, 'c')).toBe('Falls: none of its reasons holds: «A» has fallen; «U» undercuts the link from «B».');
    expect(say(m, 'c', { a: 'rejected', x: 'rejected' })).toBe('Falls: none of its reasons holds: you rejected «A»; «U» undercuts the link from «B».');
  });
});

describe('evaluate: undercuts', () => {
  it('an undercut of a support cuts the link, not its source', () => {
    const m = g(['supports', 'e', 'c'], ['undercuts', 'u', 'supports:e->c']);
    const ev = evaluate(m, {});
    expect(ev.labels).toEqual({ e: 'IN', c: 'OUT', u: 'IN' });
    expect(ev.links['supports:e->c']).toBe('OUT');
    expect(say(m, 'c')).toBe('Falls: «U» undercuts the link from its only reason, «E».');
    expect(say(m, 'u')).toBe('Stands: it is a starting point (no claim here gives a reason for it) and nothing attacks it.');
    // Rejecting the undercutter restores the link.
    expect(evaluate(m, { u: 'rejected' }).labels.c).toBe('IN');
    expect(say(m, 'u', { u: 'rejected' })).toBe('Falls: you rejected it. Because it falls, its undercut of the link from «E» to «C» no longer counts.');
  });

  it('an undercut of an attack switches the attack off while the undercutter stands', () => {
    const m = g(['attacks', 'a', 'b'], ['undercuts', 'u', 'attacks:a->b']);
    expect(evaluate(m, {}).labels).toEqual({ a: 'IN', b: 'IN', u: 'IN' });
    expect(evaluate(m, {}).links).toEqual({ 'attacks:a->b': 'OUT' });
    expect(say(m, 'b')).toBe('Stands: it is a starting point (no claim here gives a reason for it), and no attack on it holds: «U» undercuts the attack of «A».');
    expect(evaluate(m, { u: 'rejected' }).labels.b).toBe('OUT');
    // Several undercutters: the link holds only when all of them fall.
    const two = g(['attacks', 'a', 'b'], ['undercuts', 'u', 'attacks:a->b'], ['undercuts', 'v', 'attacks:a->b']);
    expect(evaluate(two, { u: 'rejected' }).labels.b).toBe('IN');
    expect(evaluate(two, { u: 'rejected', v: 'rejected' }).labels.b).toBe('OUT');
  });

  it('an undecided undercutter leaves the link, and so the claim, undecided', () => {
    const m = g(['attacks', 'u', 'v'], ['attacks', 'v', 'u'], ['attacks', 'a', 'b'], ['undercuts', 'u', 'attacks:a->b']);
    const ev = evaluate(m, {});
    expect(ev.labels.b).toBe('UNDEC');
    expect(ev.links['attacks:a->b']).toBe('UNDEC');
    expect(say(m, 'b')).toBe('Undecided: «A» attacks it, and «U», which is undecided, undercuts that attack.');
  });
});

describe('evaluate: your choices', () => {
  it('accept: the claim stands whatever attacks it; its attackers keep their labels', () => {
    const m = g(['supports', 'e', 'c'], ['attacks', 'x', 'c'], ['attacks', 'c', 'd']);
    const ev = evaluate(m, { c: 'accepted' });
    expect(ev.labels).toEqual({ e: 'IN', c: 'IN', x: 'IN', d: 'OUT' });
    expect(ev.explanations.c.kind).toBe('accepted');
    expect(say(m, 'c', { c: 'accepted' })).toBe('Stands: you accepted it, so you set aside «X», which attacks it.');
    expect(say(m, 'd', { c: 'accepted' })).toBe('Falls: «C», which you accepted, attacks it.');
    expect(say(m, 'e', { e: 'accepted' })).toBe('Stands: you accepted it.');
  });

  it('reject: the claim falls and its links stop working; its reasons are untouched', () => {
    const m = g(['supports', 'e', 'c'], ['attacks', 'c', 'd'], ['supports', 'c', 'f']);
    const ev = evaluate(m, { c: 'rejected' });
    expect(ev.labels).toEqual({ e: 'IN', c: 'OUT', d: 'IN', f: 'OUT' });
    expect(ev.links).toEqual({ 'supports:e->c': 'IN', 'attacks:c->d': 'OUT', 'supports:c->f': 'OUT' });
    expect(say(m, 'c', { c: 'rejected' })).toBe('Falls: you rejected it. Because it falls, its attack on «D» no longer counts, and it no longer supports «F».');
    expect(say(m, 'f', { c: 'rejected' })).toBe('Falls: you rejected its only reason, «C».');
    expect(say(m, 'd', { c: 'rejected' })).toBe('Stands: it is a starting point (no claim here gives a reason for it), and no attack on it holds: you rejected «C».');
  });

  it('ignores choices about questions, framing and unknown ids', () => {
    const m = graph(
      [node('q', 'question'), node('p', 'position'), node('f', 'claim', 'framing')],
      [edge('answers', 'p', 'q'), edge('frames', 'f', 'p')],
    );
    const plain = evaluate(m, {});
    expect(evaluate(m, { q: 'rejected', f: 'accepted', nobody: 'rejected' })).toEqual(plain);
  });
});

describe('evaluate: what carries nothing', () => {
  const m = graph(
    [node('q', 'question'), node('p', 'position'), node('f', 'claim', 'framing'), node('x', 'context'), node('e', 'evidence')],
    [edge('answers', 'p', 'q'), edge('frames', 'f', 'p'), edge('attacks', 'x', 'f'), edge('supports', 'e', 'f'), edge('attacks', 'e', 'p')],
  );
  const ev = evaluate(m, {});

  it('gives questions and the writer’s framing no label, and relations to them no label', () => {
    expect(Object.keys(ev.labels)).toEqual(['p', 'x', 'e']);
    expect(Object.keys(ev.explanations)).toEqual(['p', 'x', 'e']);
    expect(ev.links).toEqual({ 'attacks:e->p': 'IN' });
  });

  it('lets no answers, frames or relation to framing change a label', () => {
    expect(ev.labels).toEqual({ p: 'OUT', x: 'IN', e: 'IN' });
    const without = graph(m.nodes, [edge('attacks', 'e', 'p')]);
    expect(evaluate(without, {}).labels).toEqual(ev.labels);
  });
});

describe('evaluate: cycles', () => {
  it('gives circular support no credit, and says so', () => {
    const m = g(['supports', 'a', 'b'], ['supports', 'b', 'a'], ['supports', 'b', 'c']);
    const ev = evaluate(m, {});
    expect(ev.labels).toEqual({ a: 'OUT', b: 'OUT', c: 'OUT' });
    expect(say(m, 'a')).toBe(
      'Falls: its only reason, «B», rests in turn on this claim (a circle of reasons supports nothing). Because it falls, it no longer supports «B».',
    );
    expect(say(m, 'c')).toBe('Falls: its only reason, «B», has fallen.');
    // One reason from outside the circle carries it all.
    const grounded = graph([...m.nodes, node('e')], [...m.edges, edge('supports', 'e', 'a')]);
    expect(evaluate(grounded, {}).labels).toEqual({ a: 'IN', b: 'IN', c: 'IN', e: 'IN' });
  });

  it('does not call a reason that was refuted circular', () => {
    const m = g(['supports', 'a', 'b'], ['supports', 'b', 'a'], ['attacks', 'x', 'b']);
    expect(evaluate(m, {}).labels).toEqual({ a: 'OUT', b: 'OUT', x: 'IN' });
    expect(say(m, 'a')).toBe('Falls: its only reason, «B», has fallen. Because it falls, it no longer supports «B».');
  });

  it('leaves odd rings of attacks and self-attacks undecided, naming only the attacker next to the claim', () => {
    const ring = g(['attacks', 'a', 'b'], ['attacks', 'b', 'c'], ['attacks', 'c', 'a']);
    expect(evaluate(ring, {}).labels).toEqual({ a: 'UNDEC', b: 'UNDEC', c: 'UNDEC' });
    expect(say(ring, 'a')).toBe('Undecided: «C» attacks it, and whether «C» stands depends in turn on this claim; nothing breaks the tie.');
    const self = g(['attacks', 's', 's'], ['attacks', 's', 't']);
    expect(evaluate(self, {}).labels).toEqual({ s: 'UNDEC', t: 'UNDEC' });
    expect(say(self, 's')).toBe('Undecided: it attacks itself; nothing breaks the tie.');
    expect(say(self, 't')).toBe('Undecided: «S» attacks it and is itself undecided.');
  });

  it('explains a claim left undecided by its reasons', () => {
    const m = g(['attacks', 'p', 'q'], ['attacks', 'q', 'p'], ['supports', 'p', 'r'], ['supports', 'x', 's'], ['supports', 'p', 's'], ['attacks', 'y', 'x']);
    expect(evaluate(m, {}).labels.r).toBe('UNDEC');
    expect(say(m, 'r')).toBe('Undecided: its only reason, «P», is undecided.');
    expect(say(m, 's')).toBe('Undecided: none of its reasons stands for sure: «P» is undecided.');
  });
});

describe('explanations', () => {
  it('name at most three claims in a list and count the rest', () => {
    const attackers = ['a1', 'a2', 'a3', 'a4', 'a5'];
    const m = g(...attackers.map((a): [RelationKind, string, string] => ['attacks', a, 't']));
    expect(say(m, 't')).toBe('Falls: «A1», «A2», «A3» and 2 more stand and attack it.');
    const lines = explanationLines('OUT', evaluate(m, {}).explanations.t, nameOf);
    expect(lines).toHaveLength(1);
  });

  it('come apart into the reason and the knock-on line', () => {
    const m = g(['attacks', 'x', 'c'], ['attacks', 'c', 'd']);
    const ev = evaluate(m, {});
    expect(explanationLines(ev.labels.c, ev.explanations.c, nameOf)).toEqual([
      'Falls: «X» stands and attacks it.',
      'Because it falls, its attack on «D» no longer counts.',
    ]);
    expect(ev.explanations.c.knockOn).toEqual({ attacks: ['d'], supports: [], undercuts: [] });
  });
});

// ---------------------------------------------------------------------------------------------------------
// Strength (DF-QuAD)
// ---------------------------------------------------------------------------------------------------------

describe('strengths', () => {
  it('gives the worked values of the method notes', () => {
    expect(strengths(g(['supports', 'e', 'c']), {}).strengths).toEqual({ e: 0.5, c: 0.75 });
    expect(strengths(g(['supports', 'e', 'c'], ['attacks', 'x', 'c']), {}).strengths.c).toBe(0.5);
    expect(strengths(g(['supports', 'e', 'c']), { e: 'accepted' }).strengths.c).toBe(1);
    expect(strengths(g(['supports', 'e', 'c'], ['undercuts', 'u', 'supports:e->c']), {}).strengths.c).toBe(0.625);
  });

  it('pins accepted claims to 1 and rejected ones to 0', () => {
    const m = g(['attacks', 'x', 'c'], ['supports', 'e', 'c']);
    expect(strengths(m, { c: 'accepted' }).strengths.c).toBe(1);
    expect(strengths(m, { x: 'rejected' }).strengths).toEqual({ x: 0, c: 0.75, e: 0.5 });
  });

  it('combines attackers and supporters by probabilistic sum, and multiplies undercuts', () => {
    const m = g(['attacks', 'a', 'c'], ['attacks', 'b', 'c'], ['supports', 's', 'c']);
    // va = 1 − 0.5·0.5 = 0.75, vs = 0.5: σ = 0.5 − 0.5·0.25.
    expect(strengths(m, {}).strengths.c).toBe(0.375);
    const undercut = g(['supports', 'e', 'c'], ['undercuts', 'u', 'supports:e->c'], ['undercuts', 'v', 'supports:e->c']);
    // contribution 0.5·0.5·0.5 = 0.125: σ = 0.5 + 0.5·0.125.
    expect(strengths(undercut, {}).strengths.c).toBe(0.5625);
  });

  it('iterates cycles of attacks from the base scores to a fixed point', () => {
    const m = g(['attacks', 'p', 'q'], ['attacks', 'q', 'p']);
    const result = strengths(m, {});
    expect(result.converged).toBe(true);
    expect(result.cyclic).toEqual(['p', 'q']);
    expect(result.iterations).toBeGreaterThan(1);
    // σ = 0.5 − 0.5·σ: one third each.
    expect(result.strengths.p).toBeCloseTo(1 / 3, 8);
    expect(result.strengths.q).toBeCloseTo(1 / 3, 8);
    expect(strengths(g(['supports', 'a', 'b']), {})).toMatchObject({ converged: true, iterations: 0, cyclic: [] });
  });

  it('says so when a cycle does not settle', () => {
    // Two groups of six claims, each attacking every claim of the other: from the base scores both groups swing
    // together between two values around the fixed point (its slope is steeper than −1), for ever.
    const left = Array.from({ length: 6 }, (_, i) => `l${i}`);
    const right = Array.from({ length: 6 }, (_, i) => `r${i}`);
    const edges: [RelationKind, string, string][] = left.flatMap((l) => right.flatMap((r): [RelationKind, string, string][] => [['attacks', l, r], ['attacks', r, l]]));
    const result = strengths(g(...edges), {});
    expect(result.converged).toBe(false);
    expect(result.unsettled).toEqual([...left, ...right].sort());
    expect(result.iterations).toBe(1000);
  });

  it('sorts strengths into five bands', () => {
    const cases: [number, string][] = [
      [0, 'very weak'],
      [0.1999, 'very weak'],
      [0.2, 'weak'],
      [0.3999, 'weak'],
      [0.4, 'balanced'],
      [0.5999, 'balanced'],
      [0.6, 'strong'],
      [0.7999, 'strong'],
      [0.8, 'very strong'],
      [1, 'very strong'],
    ];
    for (const [value, name] of cases) expect(band(value)).toBe(name);
  });

  it('points out where the label and the strength disagree, in words', () => {
    // p stands because its attacker a falls, but a still weighs against it.
    const m = g(['attacks', 'a', 'p'], ['attacks', 'b', 'a']);
    const ev = evaluate(m, {});
    const st = strengths(m, {});
    expect(ev.labels.p).toBe('IN');
    expect(st.strengths.p).toBe(0.375);
    expect(disagreement('IN', 0.375)).toEqual({ label: 'IN', strength: 0.375, band: 'weak', leans: 'against' });
    expect(claimReading('p', ev, st, nameOf)).toEqual({
      label: 'IN',
      explanation: 'Stands: it is a starting point (no claim here gives a reason for it), and no attack on it holds: «A» has fallen.',
      strength: 0.375,
      band: 'weak',
      disagreement:
        'The two views disagree: by the rules it stands, because no objection to it holds; weighed up, what speaks against it counts for more than what speaks for it (0.38, weak). Which view convinces you?',
    });
    expect(claimReading('b', ev, st, nameOf)?.disagreement).toBeUndefined();
    expect(disagreement('OUT', 0.2)).toBeUndefined();
    expect(disagreement('IN', 0.5)).toBeUndefined();
    expect(describeDisagreement({ label: 'OUT', strength: 0.625, band: 'strong', leans: 'for' }, 'unsupported')).toBe(
      'The two views disagree: by the rules it falls, because none of its reasons holds; weighed up, its fallen reasons still count for something (0.63, strong). Which view convinces you?',
    );
    expect(describeDisagreement({ label: 'UNDEC', strength: 0.7, band: 'strong', leans: 'for' })).toContain('by the rules it is undecided');
  });
});

// ---------------------------------------------------------------------------------------------------------
// Coherent sides
// ---------------------------------------------------------------------------------------------------------

describe('coherentSides', () => {
  it('settles two rival positions either way', () => {
    const m = graph(
      [node('w', 'context'), node('p', 'position'), node('q', 'position'), node('r')],
      [edge('supports', 'w', 'p'), edge('supports', 'w', 'q'), edge('attacks', 'p', 'q'), edge('attacks', 'q', 'p'), edge('supports', 'q', 'r')],
    );
    expect(coherentSides(m)).toEqual({
      undecided: ['p', 'q', 'r'],
      conflicts: [
        {
          claims: ['p', 'q', 'r'],
          sides: [
            { with: ['p'], stands: ['p'], falls: ['q', 'r'] },
            { with: ['q'], stands: ['q', 'r'], falls: ['p'] },
          ],
          more: false,
        },
      ],
      ways: 2,
      extensions: [
        ['p', 'w'],
        ['q', 'r', 'w'],
      ],
    });
  });

  it('treats independent conflicts separately and counts the ways to settle them all', () => {
    const m = g(['attacks', 'a', 'b'], ['attacks', 'b', 'a'], ['attacks', 'c', 'd'], ['attacks', 'd', 'c'], ['attacks', 'e', 'f'], ['attacks', 'f', 'e']);
    const sides = coherentSides(m);
    expect(sides.conflicts.map((c) => c.claims)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
    ]);
    expect(sides.ways).toBe(8);
    expect(sides.extensions).toHaveLength(8);
  });

  it('finds no coherent side for an odd ring, and two for an even one', () => {
    const odd = coherentSides(g(['attacks', 'a', 'b'], ['attacks', 'b', 'c'], ['attacks', 'c', 'a']));
    expect(odd.conflicts).toEqual([{ claims: ['a', 'b', 'c'], sides: [], more: false }]);
    const even = coherentSides(g(['attacks', 'a', 'b'], ['attacks', 'b', 'c'], ['attacks', 'c', 'd'], ['attacks', 'd', 'a']));
    expect(even.conflicts[0].sides.map((s) => s.stands)).toEqual([
      ['a', 'c'],
      ['b', 'd'],
    ]);
  });

  it('has nothing to settle when nothing is undecided', () => {
    expect(coherentSides(g(['supports', 'a', 'b'], ['attacks', 'x', 'b']))).toEqual({ undecided: [], conflicts: [], ways: 1, extensions: [['a', 'x']] });
  });
});

// ---------------------------------------------------------------------------------------------------------
// Random graphs: a reference model and properties
// ---------------------------------------------------------------------------------------------------------

interface Case {
  graph: EvaluableGraph;
  choices: Record<string, Choice>;
}

/** Random maps of up to `max` nodes: claims of every kind (some questions, some framing), supports, attacks, undercuts, answers, frames. */
const caseArb = (max: number, withChoices = true): fc.Arbitrary<Case> =>
  fc.integer({ min: 1, max }).chain((n) =>
    fc
      .record({
        kinds: fc.array(fc.constantFrom<ClaimKind>('claim', 'claim', 'evidence', 'position', 'context', 'question'), { minLength: n, maxLength: n }),
        framing: fc.array(fc.nat(n - 1), { maxLength: 1 }),
        links: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.constantFrom<RelationKind>('supports', 'attacks', 'attacks', 'answers', 'frames')), {
          maxLength: 2 * n,
        }),
        undercuts: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(100)), { maxLength: Math.ceil(n / 2) }),
        choices: fc.array(fc.tuple(fc.nat(n - 1), fc.constantFrom<Choice>('accepted', 'rejected')), { maxLength: withChoices ? 3 : 0 }),
      })
      .map(({ kinds, framing, links, undercuts, choices }): Case => {
        const ids = kinds.map((_, i) => `c${i}`);
        const nodes = kinds.map((kind, i) => node(ids[i], kind, framing.includes(i) && kind !== 'question' ? 'framing' : undefined));
        const byId = new Map<string, Edge>();
        for (const [a, b, kind] of links) byId.set(`${kind}:${ids[a]}->${ids[b]}`, edge(kind, ids[a], ids[b]));
        const targets = [...byId.values()];
        for (const [a, t] of undercuts) {
          if (targets.length === 0) break;
          const u = edge('undercuts', ids[a], targets[t % targets.length].id);
          byId.set(u.id, u);
        }
        return { graph: { nodes, edges: [...byId.values()] }, choices: Object.fromEntries(choices.map(([i, c]) => [ids[i], c])) };
      }),
  );

/**
 * The well-founded model the textbook way (Van Gelder's alternating fixpoint over a logic program), as a
 * reference for `evaluate`. Atoms: `C:id` (the claim stands) and `L:id` (the link works).
 */
function program(graph: EvaluableGraph, choices: Record<string, Choice>) {
  const claims = graph.nodes.filter((n) => n.kind !== 'question' && n.voice !== 'framing').map((n) => n.id);
  const isClaim = new Set(claims);
  const links = graph.edges.filter((e) => (e.kind === 'supports' || e.kind === 'attacks') && isClaim.has(e.from) && isClaim.has(e.to));
  const isLink = new Set(links.map((l) => l.id));
  const rules: { head: string; pos: string[]; neg: string[] }[] = [];
  for (const l of links) {
    const undercutters = graph.edges.filter((u) => u.kind === 'undercuts' && u.to === l.id && isClaim.has(u.from) && isLink.has(l.id));
    rules.push({ head: `L:${l.id}`, pos: [`C:${l.from}`], neg: undercutters.map((u) => `C:${u.from}`) });
  }
  for (const x of claims) {
    if (choices[x] === 'accepted') rules.push({ head: `C:${x}`, pos: [], neg: [] });
    if (choices[x] !== undefined) continue;
    const attacks = links.filter((l) => l.kind === 'attacks' && l.to === x).map((l) => `L:${l.id}`);
    const supports = links.filter((l) => l.kind === 'supports' && l.to === x);
    if (supports.length === 0) rules.push({ head: `C:${x}`, pos: [], neg: attacks });
    for (const s of supports) rules.push({ head: `C:${x}`, pos: [`L:${s.id}`], neg: attacks });
  }
  /** Least model of the program with each `not a` read as "a is not in J". */
  const gamma = (j: Set<string>): Set<string> => {
    const m = new Set<string>();
    for (let grew = true; grew; ) {
      grew = false;
      for (const r of rules) {
        if (!m.has(r.head) && r.pos.every((a) => m.has(a)) && r.neg.every((a) => !j.has(a))) {
          m.add(r.head);
          grew = true;
        }
      }
    }
    return m;
  };
  return { claims, links, gamma };
}

function reference(graph: EvaluableGraph, choices: Record<string, Choice>): Pick<Evaluation, 'labels' | 'links'> {
  const { claims, links, gamma } = program(graph, choices);
  let truth = new Set<string>();
  for (;;) {
    const next = gamma(gamma(truth));
    if (next.size === truth.size) break;
    truth = next;
  }
  const possible = gamma(truth);
  const label = (a: string): Label => (truth.has(a) ? 'IN' : possible.has(a) ? 'UNDEC' : 'OUT');
  return {
    labels: Object.fromEntries(claims.map((x) => [x, label(`C:${x}`)])),
    links: Object.fromEntries(links.map((l) => [l.id, label(`L:${l.id}`)])),
  };
}

/** Whether a set of standing claims is a stable model: links work exactly when their source stands and no undercutter does. */
function isStable(graph: EvaluableGraph, standing: Set<string>): boolean {
  const { claims, links, gamma } = program(graph, {});
  const m = new Set(claims.filter((x) => standing.has(x)).map((x) => `C:${x}`));
  for (const l of links) {
    const cut = graph.edges.some((u) => u.kind === 'undercuts' && u.to === l.id && standing.has(u.from));
    if (standing.has(l.from) && !cut) m.add(`L:${l.id}`);
  }
  const back = gamma(m);
  return back.size === m.size && [...m].every((a) => back.has(a));
}

/** Claims reachable from `start` along supports, attacks and undercuts; with `negative`, only along paths with an attack or undercut. */
function downstream(graph: EvaluableGraph, start: string, negative = false): Set<string> {
  const linkEnds = new Map(graph.edges.filter((e) => e.kind === 'supports' || e.kind === 'attacks').map((e) => [e.id, e]));
  const seen = new Set<string>([`${start}|${false}`]);
  const found = new Set<string>();
  const stack: [string, boolean][] = [[start, false]];
  while (stack.length > 0) {
    const [x, neg] = stack.pop()!;
    for (const e of graph.edges) {
      if (e.from !== x) continue;
      let next: [string, boolean] | undefined;
      if (e.kind === 'supports') next = [e.to, neg];
      else if (e.kind === 'attacks') next = [e.to, true];
      else if (e.kind === 'undercuts' && linkEnds.has(e.to)) next = [linkEnds.get(e.to)!.to, true];
      if (!next || seen.has(`${next[0]}|${next[1]}`)) continue;
      seen.add(`${next[0]}|${next[1]}`);
      if (!negative || next[1]) found.add(next[0]);
      stack.push(next);
    }
  }
  return found;
}

/**
 * Claims left undecided that are neither on nor downstream of a cycle of undecided atoms containing an attack
 * or an undercut (the well-founded model leaves nothing else undecided).
 */
function undecidedWithoutConflict(graph: EvaluableGraph, ev: Evaluation): string[] {
  // Signed dependency edges between undecided atoms: claim → its links (+), undercutter → link (−), link → target (+ or −).
  const undec = (a: string): boolean => (a.startsWith('C:') ? ev.labels[a.slice(2)] : ev.links[a.slice(2)]) === 'UNDEC';
  const deps: [string, string, boolean][] = [];
  for (const e of graph.edges) {
    if ((e.kind === 'supports' || e.kind === 'attacks') && e.id in ev.links) {
      deps.push([`C:${e.from}`, `L:${e.id}`, false], [`L:${e.id}`, `C:${e.to}`, e.kind === 'attacks']);
    }
    if (e.kind === 'undercuts' && e.to in ev.links && e.from in ev.labels) deps.push([`C:${e.from}`, `L:${e.to}`, true]);
  }
  const live = deps.filter(([a, b]) => undec(a) && undec(b));
  const reach = (from: string): Set<string> => {
    const seen = new Set([from]);
    const stack = [from];
    while (stack.length > 0) {
      const a = stack.pop()!;
      for (const [x, y] of live) if (x === a && !seen.has(y)) seen.add(y), stack.push(y);
    }
    return seen;
  };
  // Atoms on a cycle through a negative edge, and everything they reach.
  const conflicted = new Set<string>();
  for (const [a, b, negative] of live) if (negative && reach(b).has(a)) for (const c of reach(a)) conflicted.add(c);
  return Object.keys(ev.labels).filter((x) => ev.labels[x] === 'UNDEC' && !conflicted.has(`C:${x}`));
}

const shuffle = <T>(list: readonly T[], seed: number): T[] => {
  const out = [...list];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
};

describe('evaluate on random maps', () => {
  it('is the well-founded model of the rules (checked against the alternating fixpoint)', () => {
    fc.assert(
      fc.property(caseArb(9), ({ graph, choices }) => {
        const ev = evaluate(graph, choices);
        const ref = reference(graph, choices);
        expect(ev.labels).toEqual(ref.labels);
        expect(ev.links).toEqual(ref.links);
      }),
      { numRuns: 400 },
    );
  });

  it('leaves undecided only claims on or downstream of a cycle with an attack or undercut', () => {
    fc.assert(
      fc.property(caseArb(10), ({ graph, choices }) => {
        expect(undecidedWithoutConflict(graph, evaluate(graph, choices))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('lets premises nobody attacks stand', () => {
    fc.assert(
      fc.property(caseArb(10), ({ graph, choices }) => {
        const ev = evaluate(graph, choices);
        for (const x of Object.keys(ev.labels)) {
          const inward = graph.edges.filter((e) => e.to === x && (e.kind === 'supports' || e.kind === 'attacks') && e.from in ev.labels);
          if (inward.length === 0 && choices[x] !== 'rejected') expect(ev.labels[x]).toBe('IN');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never makes a claim fall by accepting another, except through an attack or undercut downstream of it', () => {
    const rank: Record<Label, number> = { OUT: 0, UNDEC: 1, IN: 2 };
    fc.assert(
      fc.property(caseArb(9), fc.nat(8), ({ graph, choices }, pick) => {
        const ids = Object.keys(evaluate(graph, {}).labels);
        if (ids.length === 0) return;
        const x = ids[pick % ids.length];
        const base = Object.fromEntries(Object.entries(choices).filter(([id]) => id !== x));
        const was = evaluate(graph, base);
        const now = evaluate(graph, { ...base, [x]: 'accepted' });
        expect(now.labels[x]).toBe('IN');
        const reached = downstream(graph, x);
        const reachedByObjection = downstream(graph, x, true);
        for (const y of ids) {
          if (y === x) continue;
          // Nothing outside what x reaches changes; what x reaches through reasons alone never goes down.
          if (!reached.has(y)) expect(now.labels[y]).toBe(was.labels[y]);
          if (!reachedByObjection.has(y)) expect(rank[now.labels[y]]).toBeGreaterThanOrEqual(rank[was.labels[y]]);
        }
        // Accepting a claim that already stands changes nothing.
        if (was.labels[x] === 'IN') expect(now.labels).toEqual(was.labels);
      }),
      { numRuns: 300 },
    );
  });

  it('never lets a target stand once a standing attacker is added', () => {
    fc.assert(
      fc.property(caseArb(9), fc.nat(8), fc.nat(8), ({ graph, choices }, from, to) => {
        const ids = Object.keys(evaluate(graph, {}).labels);
        if (ids.length === 0) return;
        // A new premise nobody attacks, and an existing claim as a new attacker.
        const fresh: EvaluableGraph = { nodes: [...graph.nodes, node('new', 'context')], edges: [...graph.edges, edge('attacks', 'new', ids[to % ids.length])] };
        const target = ids[to % ids.length];
        expect(evaluate(fresh, choices).labels[target]).toBe(choices[target] === 'accepted' ? 'IN' : 'OUT');
        const a = ids[from % ids.length];
        const added = edge('attacks', a, target);
        if (graph.edges.some((e) => e.id === added.id)) return;
        const ev = evaluate({ nodes: graph.nodes, edges: [...graph.edges, added] }, choices);
        if (ev.links[added.id] === 'IN' && choices[target] !== 'accepted') expect(ev.labels[target]).toBe('OUT');
        if (ev.labels[a] === 'IN' && ev.links[added.id] === 'IN') expect(ev.labels[target]).not.toBe(choices[target] === 'accepted' ? 'OUT' : 'IN');
      }),
      { numRuns: 300 },
    );
  });

  it('never lets a support cycle with no outside reason stand', () => {
    fc.assert(
      fc.property(caseArb(8), fc.integer({ min: 1, max: 4 }), fc.array(fc.tuple(fc.nat(3), fc.nat(7), fc.boolean()), { maxLength: 6 }), ({ graph, choices }, k, extra) => {
        const ring = Array.from({ length: k }, (_, i) => `ring${i}`);
        const ids = graph.nodes.map((n) => n.id);
        const edges = [...graph.edges, ...ring.map((r, i) => edge('supports', r, ring[(i + 1) % k]))];
        // The ring may support, attack or be attacked by the rest, but nothing outside it gives it a reason.
        for (const [r, o, outward] of extra) {
          const a = ring[r % k];
          const b = ids[o % ids.length];
          edges.push(outward ? edge('supports', a, b) : edge('attacks', b, a));
        }
        const unique = [...new Map(edges.map((e) => [e.id, e])).values()];
        const ev = evaluate({ nodes: [...graph.nodes, ...ring.map((r) => node(r))], edges: unique }, choices);
        for (const r of ring) expect(ev.labels[r]).toBe('OUT');
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same results whatever the order of nodes and edges', () => {
    fc.assert(
      fc.property(caseArb(9), fc.nat(), ({ graph, choices }, seed) => {
        const shuffled = { nodes: shuffle(graph.nodes, seed), edges: shuffle(graph.edges, seed + 1) };
        const a = evaluate(graph, choices);
        const b = evaluate(shuffled, choices);
        expect(b.labels).toEqual(a.labels);
        expect(b.links).toEqual(a.links);
        expect(b.explanations).toEqual(a.explanations);
        for (const id of Object.keys(a.labels)) expect(explain(b.labels[id], b.explanations[id], nameOf)).toBe(explain(a.labels[id], a.explanations[id], nameOf));
        expect(strengths(shuffled, choices)).toEqual(strengths(graph, choices));
        expect(coherentSides(shuffled)).toEqual(coherentSides(graph));
      }),
      { numRuns: 200 },
    );
  });

  it('names only direct neighbours in explanations', () => {
    fc.assert(
      fc.property(caseArb(10), ({ graph, choices }) => {
        const ev = evaluate(graph, choices);
        for (const [x, e] of Object.entries(ev.explanations)) {
          const neighbours = new Set<string>([x]);
          for (const edge of graph.edges) {
            if (edge.from === x) neighbours.add(edge.to);
            if (edge.to === x) neighbours.add(edge.from);
          }
          // Undercuts name the undercutter, and an undercut relation names the ends of the link it targets.
          const named = [
            ...e.reasons.flatMap((r) => [r.claim, ...(r.by ?? [])]),
            ...e.attacks.flatMap((r) => [r.claim, ...(r.by ?? [])]),
            ...(e.knockOn ? [...e.knockOn.attacks, ...e.knockOn.supports] : []),
          ];
          const undercutters = new Set(graph.edges.filter((u) => u.kind === 'undercuts').map((u) => u.from));
          for (const id of named) expect(neighbours.has(id) || undercutters.has(id)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('agrees with Dung’s grounded semantics, and its sides with the stable extensions, on maps of attacks only', () => {
    const attacksOnly = caseArb(8, false).map(({ graph }) => ({
      graph: { nodes: graph.nodes, edges: graph.edges.filter((e) => e.kind !== 'supports' && !e.to.startsWith('supports:')) },
    }));
    fc.assert(
      fc.property(attacksOnly, ({ graph }) => {
        const ev = evaluate(graph, {});
        const fw = graphToFramework(graph);
        const grounded = groundedLabelling(fw.args, fw.attacks);
        for (const x of Object.keys(ev.labels)) expect(ev.labels[x]).toBe(grounded.get(x));
        // An undercut attack is an inference argument in the framework.
        for (const [id, l] of grounded) if (id in ev.links) expect(ev.links[id]).toBe(l);
        if (graph.edges.some((e) => e.kind === 'undercuts')) return;
        const stable = stableExtensions(fw.args, fw.attacks).map((e) => [...e].sort().join(','));
        const sides = coherentSides(graph);
        if (sides.conflicts.some((c) => c.sides.length === 0)) expect(stable).toEqual([]);
        else expect(sides.extensions.map((e) => e.join(',')).sort()).toEqual(stable.sort());
      }),
      { numRuns: 300 },
    );
  });

  it('finds exactly the stable models as the ways of settling the whole map', () => {
    fc.assert(
      fc.property(caseArb(6, false), ({ graph }) => {
        const sides = coherentSides(graph);
        const claims = Object.keys(evaluate(graph, {}).labels);
        const stable: string[] = [];
        for (let mask = 0; mask < 1 << claims.length; mask++) {
          const standing = new Set(claims.filter((_, i) => mask & (1 << i)));
          if (isStable(graph, standing)) stable.push([...standing].sort().join(','));
        }
        if (sides.conflicts.some((c) => c.sides.length === 0)) expect(stable).toEqual([]);
        else expect(sides.extensions.map((e) => e.join(',')).sort()).toEqual(stable.sort());
        for (const c of sides.conflicts) expect(c.more).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe('long chains', () => {
  // No wall-clock bounds (CI machines vary): a recursive walk would overflow the stack instead.
  const n = 10_000;
  const ids = Array.from({ length: n }, (_, i) => `c${i}`);

  it('evaluates a 10,000-step support chain', () => {
    const chain = graph(
      ids.map((id) => node(id)),
      ids.slice(1).map((id, i) => edge('supports', ids[i], id)),
    );
    expect(evaluate(chain, {}).labels[ids[n - 1]]).toBe('IN');
    expect(evaluate(chain, { c0: 'rejected' }).labels[ids[n - 1]]).toBe('OUT');
    expect(strengths(chain, {}).strengths[ids[n - 1]]).toBeCloseTo(1, 10);
    // Closed into a circle with no outside reason, every claim falls.
    const circle = graph(chain.nodes, [...chain.edges, edge('supports', ids[n - 1], ids[0])]);
    const ev = evaluate(circle, {});
    expect(Object.values(ev.labels).every((l) => l === 'OUT')).toBe(true);
    expect(ev.explanations.c0.reasons[0]).toMatchObject({ claim: ids[n - 1], circular: true });
    expect(strengths(circle, {}).converged).toBe(true);
  });

  it('evaluates a 10,000-step attack chain, alternating', () => {
    const chain = graph(
      ids.map((id) => node(id)),
      ids.slice(1).map((id, i) => edge('attacks', ids[i], id)),
    );
    const labels = evaluate(chain, {}).labels;
    expect(labels[ids[n - 1]]).toBe('OUT');
    expect(labels[ids[n - 2]]).toBe('IN');
    expect(coherentSides(chain).undecided).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------
// The site's map
// ---------------------------------------------------------------------------------------------------------

describe('the site’s map', () => {
  const ROOT = path.resolve(import.meta.dirname, '../..');
  let site: CompiledGraph;
  let plain: Evaluation;
  const label = (id: string): string => site.nodes.find((n) => n.id === id)!.label;

  /** A claim the checks below rely on; fails loudly if the content no longer has it. */
  const need = (...ids: string[]): void => {
    for (const id of ids) {
      if (!site.nodes.some((n) => n.id === id)) throw new Error(`claim \`${id}\` is no longer in content/: update this test to the claim that replaced it`);
    }
  };
  const sayReal = (ev: Evaluation, id: string): string => explain(ev.labels[id], ev.explanations[id], label);

  beforeAll(async () => {
    const result = await compileSite({ contentRoot: path.join(ROOT, 'content'), cwd: ROOT, layout: false });
    if (!result.ok) throw new Error(result.diagnostics.map(formatDiagnostic).join('\n'));
    site = result.graph;
    plain = evaluate(site, {});
  });

  it('labels every claim except questions and framing, and every link between them', () => {
    const claims = site.nodes.filter((n) => n.kind !== 'question' && n.voice !== 'framing').map((n) => n.id);
    expect(Object.keys(plain.labels)).toEqual(claims);
    const links = site.edges.filter((e) => (e.kind === 'supports' || e.kind === 'attacks') && claims.includes(e.from) && claims.includes(e.to));
    expect(Object.keys(plain.links)).toEqual(links.map((e) => e.id));
  });

  it('with no choices, leaves undecided only claims in a real mutual conflict', () => {
    const undecided = Object.keys(plain.labels).filter((id) => plain.labels[id] === 'UNDEC');
    expect(undecidedWithoutConflict(site, plain)).toEqual([]);
    // Today: the rival positions on the bill, nothing else (the count is reported in decision 0006).
    for (const id of undecided) expect(plain.explanations[id].attacks.some((a) => a.tie === 'mutual'), id).toBe(true);
    expect(undecided.sort()).toEqual(['oppose-the-bill', 'snoopers-charter-bill']);
    const pairs = [['oppose-the-bill', 'snoopers-charter-bill']];
    const sides = coherentSides(site);
    for (const [p, q] of pairs) {
      need(p, q);
      const conflict = sides.conflicts.find((c) => c.claims.includes(p));
      expect(conflict?.claims).toContain(q);
      expect(conflict?.sides.map((s) => s.with)).toEqual([[p], [q]].sort());
    }
  });

  it('lets a documented fact cited by both rivals stand (whatsapp-e2e)', () => {
    need('whatsapp-e2e', 'encryption-protects-users', 'patchy-data');
    expect(plain.labels['whatsapp-e2e']).toBe('IN');
    expect(sayReal(plain, 'whatsapp-e2e')).toBe('Stands: it is a starting point (no claim here gives a reason for it) and nothing attacks it.');
  });

  it('keeps reasons standing when what they support is attacked (tele2-watson, org-may-campaign)', () => {
    need('tele2-watson', 'org-may-campaign', 'target-suspects');
    expect(plain.labels['target-suspects']).not.toBe('IN');
    expect(plain.labels['tele2-watson']).toBe('IN');
    expect(plain.labels['org-may-campaign']).toBe('IN');
  });

  it('keeps a court ruling standing when a rival ruling attacks what it supports (liberty-2019)', () => {
    need('liberty-2019', 'liberty-2018', 'oversight-prevents-misuse');
    expect(plain.labels['oversight-prevents-misuse']).toBe('OUT');
    expect(plain.labels['liberty-2019']).toBe('IN');
    expect(sayReal(plain, 'oversight-prevents-misuse')).toBe(
      `Falls: «${label('liberty-2018')}» stands and attacks it. Its reasons still stand, but a reason does not answer an objection. Because it falls, it no longer supports «${label('appropriate-oversight')}».`,
    );
  });

  it('lets an undercut cut only the link, never protect or sink its source (shopping-centre, virtual-world)', () => {
    need('shopping-centre', 'virtual-world', 'disanalogy', 'immature-sector');
    const link = 'supports:shopping-centre->immature-sector';
    for (const choice of [undefined, 'accepted', 'rejected'] as const) {
      const ev = evaluate(site, choice ? { disanalogy: choice } : {});
      expect(ev.labels['shopping-centre']).toBe('IN');
      expect(ev.labels['virtual-world']).toBe('IN');
      expect(ev.links[link]).toBe(ev.labels.disanalogy === 'IN' ? 'OUT' : 'IN');
    }
  });

  it('accepting target-suspects sets its attacker aside and leaves its reasons alone (tele2-watson)', () => {
    need('target-suspects', 'tele2-watson', 'bbw-grand-chamber');
    const ev = evaluate(site, { 'target-suspects': 'accepted' });
    expect(ev.labels['target-suspects']).toBe('IN');
    expect(ev.labels['tele2-watson']).toBe('IN');
    expect(sayReal(ev, 'tele2-watson')).not.toContain(label('target-suspects'));
    expect(sayReal(ev, 'target-suspects')).toBe(`Stands: you accepted it, so you set aside «${label('bbw-grand-chamber')}», which attacks it.`);
    expect(ev.labels['bbw-grand-chamber']).toBe('IN');
  });

  it('accepting whatsapp-e2e changes nothing: it already stands (apple-cannot-access)', () => {
    need('whatsapp-e2e', 'apple-cannot-access');
    expect(evaluate(site, { 'whatsapp-e2e': 'accepted' }).labels).toEqual(plain.labels);
  });

  it('rejecting a conclusion never reaches its reasons', () => {
    need('companies-must-cooperate', 'oppose-the-bill', 'snoopers-charter-bill');
    for (const conclusion of ['companies-must-cooperate', 'oppose-the-bill', 'snoopers-charter-bill']) {
      const ev = evaluate(site, { [conclusion]: 'rejected' });
      const reasons = site.edges.filter((e) => e.kind === 'supports' && e.to === conclusion).map((e) => e.from);
      expect(reasons.length).toBeGreaterThan(0);
      for (const r of reasons) expect(ev.labels[r]).toBe(plain.labels[r]);
      const reached = downstream(site, conclusion);
      for (const id of Object.keys(plain.labels)) if (id !== conclusion && !reached.has(id)) expect(ev.labels[id]).toBe(plain.labels[id]);
    }
  });

  it('keeps every explanation short: at most three claims named per list, no claim beyond its neighbours', () => {
    const cases: Record<string, Choice>[] = [{}, { 'oppose-the-bill': 'accepted' }, { 'companies-must-cooperate': 'rejected' }];
    for (const choices of cases) {
      const ev = evaluate(site, choices);
      for (const id of Object.keys(ev.labels)) {
        const text = sayReal(ev, id);
        expect(text.length, `${id}: ${text}`).toBeLessThan(600);
        expect(text.split('. ').length, `${id}: ${text}`).toBeLessThanOrEqual(4);
      }
    }
  });

  it('does not list attackers a fact does not have (encryption-secures-everyone)', () => {
    need('encryption-secures-everyone');
    expect(plain.labels['encryption-secures-everyone']).toBe('IN');
    expect(plain.explanations['encryption-secures-everyone'].attacks).toEqual([]);
    expect(sayReal(plain, 'encryption-secures-everyone')).toBe('Stands: it is a starting point (no claim here gives a reason for it) and nothing attacks it.');
  });

  it('bears out the worked example of the method page', () => {
    need('appropriate-oversight', 'double-lock', 'oversight-prevents-misuse', 'liberty-2019', 'liberty-2018', 'more-powers-to-look');
    need('oppose-the-bill', 'snoopers-charter-bill', 'target-suspects', 'bbw-grand-chamber');
    for (const id of ['liberty-2019', 'liberty-2018', 'double-lock']) {
      expect(plain.explanations[id]).toMatchObject({ kind: 'stands', premise: true, attacks: [] });
    }
    expect(plain.explanations['oversight-prevents-misuse']).toMatchObject({ kind: 'refuted', reasons: [{ claim: 'liberty-2019', fate: 'works' }] });
    expect(plain.explanations['oversight-prevents-misuse'].attacks).toEqual([expect.objectContaining({ claim: 'liberty-2018', fate: 'works' })]);
    const promise = plain.explanations['appropriate-oversight'];
    expect(promise.kind).toBe('stands');
    expect(promise.reasons.map((r) => [r.claim, r.fate])).toEqual([
      ['double-lock', 'works'],
      ['oversight-prevents-misuse', 'fallen'],
    ]);
    const undercut = 'supports:more-powers-to-look->oppose-the-bill';
    expect(plain.links[undercut]).toBe('OUT');
    const position = plain.explanations['oppose-the-bill'];
    expect(position.reasons.find((r) => r.edge === undercut)).toMatchObject({ fate: 'undercut', by: ['appropriate-oversight'] });
    expect(position.reasons.some((r) => r.fate === 'works')).toBe(true);
    expect(position.attacks).toEqual([expect.objectContaining({ claim: 'snoopers-charter-bill', tie: 'mutual' })]);
    // Reject the double lock: the promise falls unsupported and its undercut stops counting.
    const rejected = evaluate(site, { 'double-lock': 'rejected' });
    expect(rejected.explanations['appropriate-oversight']).toMatchObject({ kind: 'unsupported' });
    expect(rejected.explanations['appropriate-oversight'].knockOn?.undercuts).toEqual([{ from: 'more-powers-to-look', to: 'oppose-the-bill' }]);
    expect(rejected.links[undercut]).toBe('IN');
    // Accept the position: the bill falls, attacked by a claim you accepted.
    const accepted = evaluate(site, { 'oppose-the-bill': 'accepted' });
    expect(accepted.explanations['snoopers-charter-bill']).toMatchObject({ kind: 'refuted', attacks: [expect.objectContaining({ claim: 'oppose-the-bill', accepted: true })] });
    // The disagreement the page points out: target-suspects falls by the rules, but is strong.
    expect(plain.explanations['target-suspects'].kind).toBe('refuted');
    expect(plain.explanations['target-suspects'].attacks).toEqual([expect.objectContaining({ claim: 'bbw-grand-chamber', fate: 'works' })]);
    expect(['strong', 'very strong']).toContain(band(strengths(site, {}).strengths['target-suspects']));
  });

  it('computes strengths that settle, and points out where they disagree with the labels', () => {
    const st = strengths(site, {});
    expect(st.converged).toBe(true);
    expect(Object.keys(st.strengths)).toEqual(Object.keys(plain.labels));
    for (const v of Object.values(st.strengths)) expect(v >= 0 && v <= 1).toBe(true);
    // The rival positions: undecided by the rules, but the weighing leans one way for each.
    need('oppose-the-bill');
    expect(claimReading('oppose-the-bill', plain, st, label)?.disagreement).toMatch(/^The two views disagree: by the rules it is undecided/);
  });
});
