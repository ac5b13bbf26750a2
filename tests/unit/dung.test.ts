import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseApx, parseExtensionsFile, parseI23, parseTgf } from '../../src/graph/iccma.ts';
import {
  completeExtensions,
  graphToFramework,
  groundedLabelling,
  preferredExtensions,
  stableExtensions,
  type Framework,
} from '../../src/graph/dung.ts';
import type { EvaluableGraph, RelationKind, Voice } from '../../src/graph/model.ts';

// Real instances with known answers, copied into the repository (see tests/fixtures/external/PROVENANCE.md).
const DATA = path.resolve(__dirname, '../fixtures/external/iccma');
const read = (file: string): string => fs.readFileSync(path.join(DATA, file), 'utf8');

/** Order-independent form of a list of extensions. */
const norm = (exts: string[][]): string[] => exts.map((e) => JSON.stringify([...e].sort())).sort();

const sortedAttacks = (fw: Framework): string[] => fw.attacks.map(([a, b]) => `${a} ${b}`).sort();

// ---------------------------------------------------------------------------------------------------------
// ICCMA instances with known answers
// ---------------------------------------------------------------------------------------------------------

interface Expected {
  arguments: string[];
  grounded_labelling: Record<'IN' | 'OUT' | 'UNDEC', string[]>;
  complete: string[][];
  preferred: string[][];
  stable: string[][];
  credulous_preferred: string[];
  skeptical_preferred: string[];
}

const expected = JSON.parse(read('expected.json')) as Record<string, Expected>;
const instances = fs
  .readdirSync(DATA)
  .filter((f) => f.endsWith('.apx'))
  .map((f) => f.slice(0, -'.apx'.length))
  .sort();

describe('ICCMA instances', () => {
  it('finds the instances', () => {
    expect(instances.length).toBeGreaterThanOrEqual(5);
    expect(Object.keys(expected).sort()).toEqual(instances.map((i) => `${i}.apx`));
  });

  for (const name of instances) {
    describe(name, () => {
      const want = expected[`${name}.apx`];
      const forms: [string, Framework][] = [
        ['apx', parseApx(read(`${name}.apx`))],
        ['tgf', parseTgf(read(`${name}.tgf`))],
        ['i23', parseI23(read(`${name}.i23`))],
      ];

      for (const [format, fw] of forms) {
        it(`${format}: reads the same framework`, () => {
          expect([...fw.args].sort()).toEqual([...want.arguments].sort());
          expect(sortedAttacks(fw)).toEqual(sortedAttacks(forms[0][1]));
        });

        it(`${format}: grounded labelling`, () => {
          const labels = groundedLabelling(fw.args, fw.attacks);
          for (const label of ['IN', 'OUT', 'UNDEC'] as const) {
            const got = [...labels].filter(([, l]) => l === label).map(([a]) => a);
            expect(got.sort()).toEqual([...want.grounded_labelling[label]].sort());
          }
        });

        it(`${format}: complete, preferred and stable extensions`, () => {
          const complete = completeExtensions(fw.args, fw.attacks);
          const preferred = preferredExtensions(fw.args, fw.attacks);
          const stable = stableExtensions(fw.args, fw.attacks);
          expect(norm(complete)).toEqual(norm(want.complete));
          expect(norm(preferred)).toEqual(norm(want.preferred));
          expect(norm(stable)).toEqual(norm(want.stable));
          expect(norm(complete)).toEqual(norm(parseExtensionsFile(read(`${name}.EE-CO`))));
          expect(norm(preferred)).toEqual(norm(parseExtensionsFile(read(`${name}.EE-PR`))));
          expect(norm(stable)).toEqual(norm(parseExtensionsFile(read(`${name}.EE-ST`))));
          const grounded = [...groundedLabelling(fw.args, fw.attacks)].filter(([, l]) => l === 'IN').map(([a]) => a);
          expect(norm([grounded])).toEqual(norm(parseExtensionsFile(read(`${name}.EE-GR`))));
          const credulous = [...new Set(preferred.flat())].sort();
          const skeptical = fw.args.filter((a) => preferred.every((e) => e.includes(a))).sort();
          expect(credulous).toEqual([...want.credulous_preferred].sort());
          expect(skeptical).toEqual([...want.skeptical_preferred].sort());
        });
      }
    });
  }
});

// ---------------------------------------------------------------------------------------------------------
// Random frameworks: brute force on small ones, properties on larger ones
// ---------------------------------------------------------------------------------------------------------

/**
 * A random framework over `a0..a(n-1)` with up to `attacksPerArg * n` drawn attacks, each made mutual with
 * probability one half when `mutual` (mutual attacks make many preferred extensions; without them, sparse
 * frameworks give longer cycles). Self-attacks and isolated arguments occur.
 */
const frameworkArb = (minArgs: number, maxArgs: number, attacksPerArg: number, mutual = true): fc.Arbitrary<Framework> =>
  fc.integer({ min: minArgs, max: maxArgs }).chain((n) =>
    (n === 0
      ? fc.constant([] as [number, number, boolean][])
      : fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), mutual ? fc.boolean() : fc.constant(false)), {
          maxLength: Math.floor(n * attacksPerArg),
          size: 'max',
        })
    ).map((drawn): Framework => {
      const args = Array.from({ length: n }, (_, i) => `a${i}`);
      const attacks = drawn.flatMap(([i, j, mutual]): [string, string][] =>
        mutual
          ? [
              [args[i], args[j]],
              [args[j], args[i]],
            ]
          : [[args[i], args[j]]],
      );
      return { args, attacks };
    }),
  );

/** Set operations on a framework through bit masks (n ≤ 30) or index sets. */
function model(fw: Framework) {
  const at = new Map(fw.args.map((a, i) => [a, i]));
  const n = fw.args.length;
  const attackers: number[][] = fw.args.map(() => []);
  const targets: number[][] = fw.args.map(() => []);
  for (const [a, b] of fw.attacks) {
    attackers[at.get(b)!].push(at.get(a)!);
    targets[at.get(a)!].push(at.get(b)!);
  }
  const ids = (s: string[]): Set<number> => new Set(s.map((a) => at.get(a)!));
  const attacked = (s: Set<number>): Set<number> => new Set([...s].flatMap((i) => targets[i]));
  const conflictFree = (s: Set<number>): boolean => ![...attacked(s)].some((i) => s.has(i));
  const defends = (s: Set<number>, x: number): boolean => {
    const out = attacked(s);
    return attackers[x].every((b) => out.has(b));
  };
  const admissible = (s: Set<number>): boolean => conflictFree(s) && [...s].every((x) => defends(s, x));
  const complete = (s: Set<number>): boolean => admissible(s) && fw.args.every((_, x) => !defends(s, x) || s.has(x));
  const stable = (s: Set<number>): boolean => {
    const out = attacked(s);
    return conflictFree(s) && fw.args.every((_, x) => s.has(x) || out.has(x));
  };
  /** Whether some non-empty admissible set lies within `pool`: include/exclude search over conflict-free sets. */
  const someAdmissibleWithin = (pool: number[]): boolean => {
    const inPool = new Set(pool);
    // Restricted to `pool`: attackers outside it do not count (this is the reduct).
    const sub = (s: Set<number>): boolean =>
      s.size > 0 && [...s].every((x) => attackers[x].every((b) => !inPool.has(b) || [...s].some((c) => targets[c].includes(b))));
    const go = (i: number, s: Set<number>): boolean => {
      if (i === pool.length) return sub(s);
      if (go(i + 1, s)) return true;
      const x = pool[i];
      if (attackers[x].some((b) => b === x || s.has(b)) || targets[x].some((t) => s.has(t))) return false;
      return go(i + 1, new Set([...s, x]));
    };
    return go(0, new Set());
  };
  return { n, ids, attacked, conflictFree, defends, admissible, complete, stable, someAdmissibleWithin };
}

/** Every subset of a small framework, classified. */
function bruteForce(fw: Framework) {
  const m = model(fw);
  const sets: Set<number>[] = [];
  for (let mask = 0; mask < 1 << m.n; mask++) sets.push(new Set(fw.args.map((_, i) => i).filter((i) => mask & (1 << i))));
  const admissible = sets.filter(m.admissible);
  const complete = admissible.filter(m.complete);
  const subset = (a: Set<number>, b: Set<number>): boolean => [...a].every((x) => b.has(x));
  const preferred = admissible.filter((s) => !admissible.some((t) => t.size > s.size && subset(s, t)));
  const grounded = complete.filter((s) => complete.every((t) => subset(s, t)));
  const names = (ss: Set<number>[]): string[][] => ss.map((s) => [...s].map((i) => fw.args[i]));
  return { complete: names(complete), preferred: names(preferred), grounded: names(grounded), stable: names(sets.filter(m.stable)) };
}

describe('semantics on random frameworks', () => {
  it('agrees with brute force on frameworks of up to 12 arguments', () => {
    fc.assert(
      fc.property(fc.oneof(frameworkArb(0, 12, 1.5), frameworkArb(0, 12, 1.2, false)), (fw) => {
        const brute = bruteForce(fw);
        const labels = groundedLabelling(fw.args, fw.attacks);
        const groundedIn = fw.args.filter((a) => labels.get(a) === 'IN');
        // Grounded is the least complete extension; OUT is exactly what it attacks.
        expect(brute.grounded).toHaveLength(1);
        expect(norm([groundedIn])).toEqual(norm(brute.grounded));
        const m = model(fw);
        const out = m.attacked(m.ids(groundedIn));
        expect(fw.args.filter((a) => labels.get(a) === 'OUT')).toEqual(fw.args.filter((_, i) => out.has(i)));
        expect(norm(completeExtensions(fw.args, fw.attacks))).toEqual(norm(brute.complete));
        expect(norm(preferredExtensions(fw.args, fw.attacks))).toEqual(norm(brute.preferred));
        expect(norm(stableExtensions(fw.args, fw.attacks))).toEqual(norm(brute.stable));
      }),
      { numRuns: 300 },
    );
  });

  it('gives admissible, maximal, complete preferred extensions and stable ones among them, up to 40 arguments', () => {
    fc.assert(
      fc.property(frameworkArb(25, 40, 1.5), (fw) => {
        const m = model(fw);
        const preferred = preferredExtensions(fw.args, fw.attacks);
        const stable = stableExtensions(fw.args, fw.attacks);
        expect(preferred.length).toBeGreaterThan(0);
        const labels = groundedLabelling(fw.args, fw.attacks);
        const grounded = fw.args.filter((a) => labels.get(a) === 'IN');
        for (const ext of preferred) {
          const s = m.ids(ext);
          expect(m.admissible(s)).toBe(true);
          expect(m.complete(s)).toBe(true);
          expect(grounded.every((a) => s.has(fw.args.indexOf(a)))).toBe(true);
          // Maximal: nothing admissible can be added among the arguments neither in nor attacked by it.
          const out = m.attacked(s);
          const pool = fw.args.map((_, i) => i).filter((i) => !s.has(i) && !out.has(i));
          expect(m.someAdmissibleWithin(pool)).toBe(false);
        }
        expect(new Set(preferred.map((e) => JSON.stringify(e))).size).toBe(preferred.length);
        for (const ext of stable) expect(m.stable(m.ids(ext))).toBe(true);
        const pref = new Set(norm(preferred));
        for (const key of norm(stable)) expect(pref.has(key)).toBe(true);
        expect(norm(stable)).toEqual(norm(preferred.filter((e) => m.stable(m.ids(e)))));
        // No preferred extension is missing: every complete extension lies inside a listed one.
        if (preferred.length <= 64) {
          for (const c of completeExtensions(fw.args, fw.attacks)) {
            expect(m.complete(m.ids(c))).toBe(true);
            expect(preferred.some((p) => c.every((a) => p.includes(a)))).toBe(true);
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('splits even cycles into two sides and leaves odd cycles undecided', () => {
    const cycle = (n: number): Framework => {
      const args = Array.from({ length: n }, (_, i) => `c${i}`);
      return { args, attacks: args.map((a, i): [string, string] => [a, args[(i + 1) % n]]) };
    };
    for (const n of [2, 4, 6]) {
      const { args, attacks } = cycle(n);
      const sides = [args.filter((_, i) => i % 2 === 0), args.filter((_, i) => i % 2 === 1)];
      expect(preferredExtensions(args, attacks)).toEqual(sides);
      expect(stableExtensions(args, attacks)).toEqual(sides);
      expect(completeExtensions(args, attacks)).toEqual([[], ...sides]);
    }
    for (const n of [1, 3, 5]) {
      const { args, attacks } = cycle(n);
      expect(preferredExtensions(args, attacks)).toEqual([[]]);
      expect(stableExtensions(args, attacks)).toEqual([]);
    }
  });

  it('handles self-attacks, isolated arguments and empty frameworks', () => {
    expect(groundedLabelling([], [])).toEqual(new Map());
    expect(preferredExtensions([], [])).toEqual([[]]);
    expect(stableExtensions([], [])).toEqual([[]]);
    const fw: Framework = {
      args: ['s', 'x', 'y'],
      attacks: [
        ['s', 's'],
        ['s', 'y'],
      ],
    };
    expect([...groundedLabelling(fw.args, fw.attacks)]).toEqual([
      ['s', 'UNDEC'],
      ['x', 'IN'],
      ['y', 'UNDEC'],
    ]);
    expect(preferredExtensions(fw.args, fw.attacks)).toEqual([['x']]);
    expect(stableExtensions(fw.args, fw.attacks)).toEqual([]);
  });

  // No wall-clock bounds (CI machines vary): an exponential blow-up would hit the test timeout instead.
  it('copes with long chains and many even cycles', () => {
    const n = 10_000;
    const args = Array.from({ length: n }, (_, i) => `c${i}`);
    const chain: [string, string][] = args.slice(1).map((a, i) => [args[i], a]);
    const labels = groundedLabelling(args, chain);
    expect(labels.get('c0')).toBe('IN');
    expect(labels.get('c9999')).toBe('OUT');
    // 12 independent two-cycles: 4096 preferred extensions, and 531441 complete ones the search must not visit.
    const pairs = Array.from({ length: 12 }, (_, i) => [`p${i}`, `q${i}`] as const);
    const preferred = preferredExtensions(
      pairs.flat(),
      pairs.flatMap(([p, q]): [string, string][] => [
        [p, q],
        [q, p],
      ]),
    );
    expect(preferred).toHaveLength(4096);
  });

  it('sorts each extension and the list deterministically', () => {
    const fw: Framework = {
      args: ['b', 'a', 'd', 'c'],
      attacks: [
        ['a', 'b'],
        ['b', 'a'],
        ['c', 'd'],
        ['d', 'c'],
      ],
    };
    expect(preferredExtensions(fw.args, fw.attacks)).toEqual([
      ['a', 'c'],
      ['a', 'd'],
      ['b', 'c'],
      ['b', 'd'],
    ]);
    expect(completeExtensions(fw.args, fw.attacks)[0]).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------
// The Dung reading of the site's map (ICCMA exports)
// ---------------------------------------------------------------------------------------------------------

const node = (id: string, kind: EvaluableGraph['nodes'][number]['kind'] = 'claim', voice?: Voice) => ({ id, kind, ...(voice ? { voice } : {}) });
const edge = (kind: RelationKind, from: string, to: string) => ({
  id: kind === 'undercuts' ? `undercuts:${from}->(${to})` : `${kind}:${from}->${to}`,
  kind,
  from,
  to,
});

describe('graphToFramework', () => {
  it('keeps claims and drawn attacks; leaves out questions, framing, supports, answers and frames', () => {
    const g: EvaluableGraph = {
      nodes: [node('q', 'question'), node('p1', 'position'), node('p2', 'position'), node('e1', 'evidence'), node('f', 'claim', 'framing')],
      edges: [
        edge('answers', 'p1', 'q'),
        edge('answers', 'p2', 'q'),
        edge('supports', 'e1', 'p1'),
        edge('attacks', 'p2', 'p1'),
        edge('attacks', 'p1', 'p2'),
        edge('frames', 'f', 'p1'),
        edge('attacks', 'e1', 'f'),
      ],
    };
    expect(graphToFramework(g)).toEqual({
      args: ['p1', 'p2', 'e1'],
      attacks: [
        ['p1', 'p2'],
        ['p2', 'p1'],
      ],
    });
  });

  it('carries an undercut attack by its inference argument, which falls with its premise', () => {
    const g: EvaluableGraph = {
      nodes: [node('a'), node('b'), node('u'), node('z')],
      edges: [edge('attacks', 'a', 'b'), edge('undercuts', 'u', 'attacks:a->b'), edge('attacks', 'z', 'a')],
    };
    expect(graphToFramework(g)).toEqual({
      args: ['a', 'b', 'u', 'z', 'attacks:a->b'],
      attacks: [
        ['u', 'attacks:a->b'],
        ['z', 'a'],
        ['z', 'attacks:a->b'],
        ['attacks:a->b', 'b'],
      ],
    });
  });

  it('leaves out undercuts of supports, which have nothing to attack in a framework of attacks', () => {
    const g: EvaluableGraph = {
      nodes: [node('a'), node('b'), node('u')],
      edges: [edge('supports', 'a', 'b'), edge('undercuts', 'u', 'supports:a->b')],
    };
    expect(graphToFramework(g)).toEqual({ args: ['a', 'b', 'u'], attacks: [] });
  });
});
