/** The argument forest: each claim once in full under the conclusion it chiefly bears on; every other link from a reference. */
import { describe, expect, it } from 'vitest';
import { buildForest, walkForest, type Forest } from '../../src/graph/forest.ts';
import { graphOf, type Spec } from './graph-support.ts';

const forestOf = (specs: Spec[], focus: string[] = []) => {
  const g = graphOf(specs);
  return { forest: buildForest(g.nodes, g.edges, focus), graph: g };
};

/** `id`, `↪id` for references, `[beside] id` for undercutters, indented by depth. */
function render(forest: Forest): string[] {
  return walkForest(forest).map(({ id, depth, besideOf }) => {
    const item = forest.items.get(id)!;
    return `${'  '.repeat(depth)}${besideOf ? '[beside] ' : ''}${item.type === 'ref' ? '↪' : ''}${item.claim}`;
  });
}

describe('buildForest', () => {
  it('places a claim under what it answers before what it supports, and what it supports before what it attacks', () => {
    const { forest } = forestOf([
      { id: 'q', kind: 'question' },
      { id: 'p', kind: 'position', answers: 'q', attacks: ['r'] },
      { id: 'r', kind: 'position', answers: 'q', attacks: ['p'] },
      { id: 'x', supports: ['p'], attacks: ['r'] },
    ]);
    expect(render(forest)).toEqual(['q', '  p', '    x', '    ↪r', '  r', '    ↪p', '    ↪x']);
  });

  it('draws every relation exactly once, and every claim exactly once in full', () => {
    const { forest, graph } = forestOf([
      { id: 'a' },
      { id: 'b' },
      { id: 'shared', supports: ['a', 'b'], attacks: ['c'] },
      { id: 'c' },
      { id: 'u', undercuts: [{ from: 'shared', to: 'b' }] },
    ]);
    expect([...forest.drawnFrom.keys()].sort()).toEqual(graph.edges.map((e) => e.id).sort());
    const full = [...forest.items.values()].filter((i) => i.type === 'claim').map((i) => i.claim).sort();
    expect(full).toEqual(['a', 'b', 'c', 'shared', 'u']);
    expect(render(forest)).toEqual(['a', '  shared', 'b', '  ↪shared', '    [beside] u', 'c', '  ↪shared']);
    // The undercut's diamond sits on the link the reference under b draws.
    expect(forest.items.get(forest.carrier.get('undercuts:u->(supports:shared->b)')!)).toMatchObject({ type: 'ref', claim: 'shared' });
  });

  it('prefers a conclusion on the claim’s own page when it has several', () => {
    const g = graphOf([{ id: 'far' }, { id: 'near' }, { id: 'reason', supports: ['far', 'near'] }]);
    const nodes = g.nodes.map((n) => ({ ...n, page: n.id === 'far' ? 'other' : 'f' }));
    const forest = buildForest(nodes, g.edges);
    expect(render(forest)).toEqual(['far', '  ↪reason', 'near', '  reason']);
  });

  it('never hangs a claim under its own descendant: cycles of attacks end in a reference', () => {
    const { forest } = forestOf([{ id: 'a', attacks: ['b'] }, { id: 'b', attacks: ['a'] }]);
    expect(render(forest)).toEqual(['b', '  a', '    ↪b']);
  });

  it('puts questions first among the roots, then the claims the map is about', () => {
    const { forest } = forestOf([{ id: 'loose' }, { id: 'topic' }, { id: 'q', kind: 'question' }], ['topic']);
    expect(forest.roots).toEqual(['q', 'topic', 'loose']);
  });

  it('walks a 10,000-step chain without growing the stack', () => {
    const specs: Spec[] = Array.from({ length: 10_000 }, (_, i) => ({ id: `c${i}`, supports: i > 0 ? [`c${i - 1}`] : [] }));
    const { forest } = forestOf(specs);
    const walk = walkForest(forest);
    expect(walk).toHaveLength(10_000);
    expect(walk.at(-1)).toMatchObject({ id: 'c9999', depth: 9_999 });
  });
});
