/**
 * Dung's abstract argumentation semantics (grounded, complete, preferred, stable) and the Dung reading of the
 * site's map that the ICCMA exports (`.apx`, `.tgf`) contain. Pure functions, no Node or Astro APIs.
 *
 * The map's own evaluation ("Test your view") is not a Dung framework: it reads reasons first (see
 * `semantics.ts`). A Dung framework has attacks only, so `graphToFramework` keeps the map's conflicts:
 * - every claim except questions and the writer's framing (`voice: 'framing'`) is an argument;
 * - an `attacks` edge a→b gives "a attacks b";
 * - an undercut attack a→b becomes an inference argument named by its edge id (`attacks:a->b`): it attacks b
 *   instead of a, and is attacked by each undercutter and by whatever attacks a (an inference falls with its
 *   premise);
 * - supports cannot be written as attacks, so they (and undercuts of supports), `answers` and `frames` are left
 *   out. An outside solver's labels therefore differ from the site's wherever a claim stands or falls with its
 *   reasons.
 */
import type { EvaluableGraph, Label } from './model.ts';

/** An abstract argumentation framework: arguments and who attacks whom. */
export type Framework = { args: string[]; attacks: [string, string][] };

// ---------------------------------------------------------------------------------------------------------
// Dung semantics on an indexed framework
// ---------------------------------------------------------------------------------------------------------

/** A framework as adjacency lists over argument indices (attacks deduplicated). */
interface Indexed {
  names: string[];
  attackers: number[][];
  targets: number[][];
}

function indexFramework(args: string[], attacks: [string, string][]): Indexed {
  const pos = new Map<string, number>();
  const names: string[] = [];
  for (const a of args) {
    if (!pos.has(a)) {
      pos.set(a, names.length);
      names.push(a);
    }
  }
  const raw: number[][] = names.map(() => []);
  for (const [from, to] of attacks) {
    const i = pos.get(from);
    const j = pos.get(to);
    if (i === undefined || j === undefined) {
      throw new Error(`attack (${from}, ${to}) names an argument that is not in the framework`);
    }
    raw[i].push(j);
  }
  // Drop repeated attacks: seenBy[j] is the last attacker whose attack on j was kept.
  const seenBy = new Int32Array(names.length).fill(-1);
  const targets = raw.map((list, i) =>
    list.filter((j) => {
      if (seenBy[j] === i) return false;
      seenBy[j] = i;
      return true;
    }),
  );
  const attackers: number[][] = names.map(() => []);
  targets.forEach((list, i) => list.forEach((j) => attackers[j].push(i)));
  return { names, attackers, targets };
}

// Search labels. BLANK: not decided yet. MUST_OUT: attacks an IN argument, so some IN argument must attack it.
const BLANK = 0;
const IN = 1;
const OUT = 2;
const MUST_OUT = 3;
const UNDEC = 4;
const LABEL_NAME: Record<number, Label> = { [IN]: 'IN', [OUT]: 'OUT', [UNDEC]: 'UNDEC' };

/** The grounded labelling as codes (IN/OUT/UNDEC). Linear in the framework. */
function grounded(ix: Indexed): Int8Array {
  const n = ix.names.length;
  const lab = new Int8Array(n).fill(UNDEC);
  const live = ix.attackers.map((a) => a.length); // attackers not yet OUT
  const queue: number[] = [];
  for (let i = 0; i < n; i++) {
    if (live[i] === 0) {
      lab[i] = IN;
      queue.push(i);
    }
  }
  for (let head = 0; head < queue.length; head++) {
    for (const t of ix.targets[queue[head]]) {
      if (lab[t] !== UNDEC) continue;
      lab[t] = OUT;
      for (const u of ix.targets[t]) {
        if (--live[u] === 0 && lab[u] === UNDEC) {
          lab[u] = IN;
          queue.push(u);
        }
      }
    }
  }
  return lab;
}

/**
 * Dung's grounded labelling: IN when every attacker is OUT, OUT when some attacker is IN, repeated to a
 * fixpoint; everything left is UNDEC. Linear in arguments plus attacks. The map follows the order of `args`.
 */
export function groundedLabelling(args: string[], attacks: [string, string][]): Map<string, Label> {
  const ix = indexFramework(args, attacks);
  const lab = grounded(ix);
  return new Map(ix.names.map((name, i) => [name, LABEL_NAME[lab[i]]]));
}

/** Labels `x` IN and propagates: its targets go OUT, its attackers MUST_OUT. False on a contradiction. */
function makeIn(ix: Indexed, lab: Int8Array, x: number, queue: number[]): boolean {
  lab[x] = IN;
  for (const t of ix.targets[x]) {
    if (lab[t] === IN) return false;
    if (lab[t] === OUT) continue;
    lab[t] = OUT;
    for (const u of ix.targets[t]) queue.push(u); // u may now have only OUT attackers, or lost a BLANK one
  }
  for (const a of ix.attackers[x]) {
    if (lab[a] === IN) return false;
    if (lab[a] !== BLANK && lab[a] !== UNDEC) continue;
    if (lab[a] === BLANK) for (const u of ix.targets[a]) queue.push(u);
    lab[a] = MUST_OUT;
    queue.push(a);
  }
  return true;
}

/**
 * Enforces the complete-labelling rules until nothing changes: an argument whose attackers are all OUT must be
 * IN, and a MUST_OUT argument needs an attacker that can still become IN. False when the branch is dead.
 * With `maximal`, also kills a branch where an UNDEC argument could simply join the IN set: it is not attacked
 * by itself, can no longer be attacked by anything IN, and attacks every attacker that is not OUT.
 */
function propagate(ix: Indexed, lab: Int8Array, queue: number[], maximal: boolean): boolean {
  while (queue.length > 0) {
    const y = queue.pop() as number;
    const l = lab[y];
    if (l === BLANK || l === UNDEC) {
      const attackers = ix.attackers[y];
      if (attackers.every((a) => lab[a] === OUT)) {
        if (l === UNDEC || !makeIn(ix, lab, y, queue)) return false;
      } else if (
        maximal &&
        l === UNDEC &&
        !attackers.includes(y) &&
        attackers.every((a) => lab[a] === OUT || (lab[a] !== BLANK && ix.targets[y].includes(a)))
      ) {
        return false;
      }
    } else if (l === MUST_OUT && !ix.attackers[y].some((a) => lab[a] === BLANK)) {
      return false;
    }
  }
  return true;
}

/**
 * All complete extensions (or only the preferred ones), by backtracking over labellings from the grounded one.
 * Each step picks the first BLANK argument and tries IN, then UNDEC ("not IN"), propagating the complete-
 * labelling rules, so every leaf is a complete extension and each is reached once. Trying IN first means every
 * complete superset of an extension is reached before it; for preferred, a branch is cut as soon as everything
 * it could still make IN lies inside an extension already found (a bitset test), or when an undecided argument
 * could be added (see `propagate`), so only maximal ones are kept.
 */
function searchComplete(ix: Indexed, preferredOnly: boolean): number[][] {
  const n = ix.names.length;
  const words = (n + 31) >>> 5;
  const start = new Int8Array(n);
  const g = grounded(ix);
  for (let i = 0; i < n; i++) {
    const selfAttacking = ix.targets[i].includes(i);
    start[i] = g[i] === UNDEC ? (selfAttacking ? UNDEC : BLANK) : g[i];
  }
  const found: Uint32Array[] = [];
  const result: number[][] = [];
  const bits = (lab: Int8Array, keep: (l: number) => boolean): Uint32Array => {
    const set = new Uint32Array(words);
    for (let i = 0; i < n; i++) if (keep(lab[i])) set[i >>> 5] |= 1 << (i & 31);
    return set;
  };
  const coveredByFound = (lab: Int8Array): boolean => {
    const reachable = bits(lab, (l) => l === IN || l === BLANK);
    next: for (const ext of found) {
      for (let k = 0; k < words; k++) if ((reachable[k] & ~ext[k]) !== 0) continue next;
      return true;
    }
    return false;
  };

  // Depth first with an explicit stack (no recursion): the IN branch is pushed last so it is explored first.
  const stack: Int8Array[] = [start];
  while (stack.length > 0) {
    const lab = stack.pop() as Int8Array;
    if (preferredOnly && coveredByFound(lab)) continue;
    const x = lab.indexOf(BLANK);
    if (x < 0) {
      if (preferredOnly) found.push(bits(lab, (l) => l === IN));
      const members: number[] = [];
      lab.forEach((l, i) => l === IN && members.push(i));
      result.push(members);
      continue;
    }
    const withoutIn = lab.slice();
    withoutIn[x] = UNDEC;
    if (propagate(ix, withoutIn, [x, ...ix.targets[x]], preferredOnly)) stack.push(withoutIn);
    const withIn = lab.slice();
    const q1: number[] = [];
    if (makeIn(ix, withIn, x, q1) && propagate(ix, withIn, q1, preferredOnly)) stack.push(withIn);
  }
  return result;
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Sorts each extension by name, then the list by size and then name by name. */
function sortExtensions(extensions: string[][]): string[][] {
  const sorted = extensions.map((e) => [...e].sort(byCodeUnits));
  return sorted.sort((a, b) => {
    if (a.length !== b.length) return a.length - b.length;
    for (let i = 0; i < a.length; i++) {
      const c = byCodeUnits(a[i], b[i]);
      if (c !== 0) return c;
    }
    return 0;
  });
}

/** Complete extensions: admissible sets that contain every argument they defend. Sorted (see `preferredExtensions`). */
export function completeExtensions(args: string[], attacks: [string, string][]): string[][] {
  const ix = indexFramework(args, attacks);
  return sortExtensions(searchComplete(ix, false).map((e) => e.map((i) => ix.names[i])));
}

/**
 * Preferred extensions: maximal admissible sets. Exact (labelling-based backtracking, not a scan of all
 * subsets). Each extension is sorted by name; the list by size, then name by name. Exponential in the worst
 * case, like any exact method: meant for frameworks with up to a few hundred arguments the grounded labelling
 * leaves undecided.
 */
export function preferredExtensions(args: string[], attacks: [string, string][]): string[][] {
  const ix = indexFramework(args, attacks);
  return sortExtensions(searchComplete(ix, true).map((e) => e.map((i) => ix.names[i])));
}

/**
 * Stable extensions: conflict-free sets that attack every argument outside them; there may be none. Every
 * stable extension is preferred, so these are the preferred extensions that attack everything else.
 */
export function stableExtensions(args: string[], attacks: [string, string][]): string[][] {
  const ix = indexFramework(args, attacks);
  const stable = searchComplete(ix, true).filter((ext) => {
    const covered = new Uint8Array(ix.names.length);
    for (const i of ext) {
      covered[i] = 1;
      for (const t of ix.targets[i]) covered[t] = 1;
    }
    return covered.every((c) => c === 1);
  });
  return sortExtensions(stable.map((e) => e.map((i) => ix.names[i])));
}

// ---------------------------------------------------------------------------------------------------------
// The Dung reading of the site's map
// ---------------------------------------------------------------------------------------------------------

/** Ids that take part in evaluation: every claim except questions and the writer's framing. */
export function evaluatedClaims(graph: Pick<EvaluableGraph, 'nodes'>): Set<string> {
  return new Set(graph.nodes.filter((n) => n.kind !== 'question' && n.voice !== 'framing').map((n) => n.id));
}

/**
 * The map's conflicts as a Dung framework (see the module comment). Arguments: the evaluated claims in graph
 * order, then one inference argument per undercut attack (its edge id) in edge order. Attacks are sorted by
 * attacker, then target, in that argument order, without repeats.
 */
export function graphToFramework(graph: EvaluableGraph): Framework {
  const claims = evaluatedClaims(graph);
  const attacksById = new Map(
    graph.edges.filter((e) => e.kind === 'attacks' && claims.has(e.from) && claims.has(e.to)).map((e) => [e.id, e]),
  );
  const undercuts = graph.edges.filter((u) => u.kind === 'undercuts' && claims.has(u.from) && attacksById.has(u.to));
  const inferences = new Set(undercuts.map((u) => u.to));

  const seen = new Set<string>();
  const attacks: [string, string][] = [];
  const add = (a: string, b: string): void => {
    const key = `${a}\n${b}`;
    if (seen.has(key)) return;
    seen.add(key);
    attacks.push([a, b]);
  };
  for (const e of attacksById.values()) add(inferences.has(e.id) ? e.id : e.from, e.to);
  for (const u of undercuts) add(u.from, u.to);
  // An inference falls with its premise: whatever attacks the premise attacks the inference too.
  const attackersOf = new Map<string, string[]>();
  for (const [a, b] of attacks) attackersOf.set(b, [...(attackersOf.get(b) ?? []), a]);
  for (const id of inferences) {
    const premise = (attacksById.get(id) as { from: string }).from;
    for (const a of attackersOf.get(premise) ?? []) add(a, id);
  }

  const args = [...graph.nodes.map((n) => n.id).filter((id) => claims.has(id)), ...graph.edges.map((e) => e.id).filter((id) => inferences.has(id))];
  const order = new Map(args.map((a, i) => [a, i]));
  const at = (a: string): number => order.get(a) as number;
  attacks.sort((x, y) => at(x[0]) - at(y[0]) || at(x[1]) - at(y[1]));
  return { args, attacks };
}
