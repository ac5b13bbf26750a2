/**
 * Formal evaluation of the argument map: Dung's abstract argumentation semantics, how the site's graph
 * becomes a Dung framework, and a reader's evaluation of it with plain-English explanations.
 * Pure functions, no Node or Astro APIs: this module is also bundled into the map's client script.
 *
 * How the map becomes a framework (`graphToFramework`):
 * - Every node (question, position, claim, evidence, assumption, context) is an argument. Questions assert
 *   nothing, so relations to or from a question are ignored: a question is never attacked and attacks nothing.
 * - An `attacks` edge a→b gives "a attacks b". `answers` edges carry no attack.
 * - A `supports` edge a→b is read deductively ("if a holds, so does b") and passes attacks along, transitively
 *   over chains of supports nobody undercuts: a attacks whatever b attacks (supported attack), and whatever
 *   attacks b also attacks a (mediated attack: an objection to a conclusion counts against its reasons).
 * - An `undercuts` edge says the inference of a relation does not hold. The undercut relation (a support or an
 *   attack) becomes an inference argument named by its edge id (e.g. `supports:a->b`), attacked by each
 *   undercutter and by whatever attacks its premise a (an inference falls with its premise). An undercut
 *   attack lands only through that argument (`attacks:a->b` attacks b; a does not), so it holds exactly while
 *   the undercut fails. An undercut support passes no attacks at all, whatever the undercutter's fate: once the
 *   link is contested, an objection to b is no longer an objection to a, and a must not carry on b's attacks
 *   when b itself is defeated. Its inference argument still gets a label, so the map can show whether it holds.
 *
 * A reader's choices (`evaluate`): an accepted claim cannot be defeated (attacks on it are dropped); a
 * rejected claim is attacked by an unattacked virtual argument `reader-rejects:<id>`. Labels follow grounded
 * semantics on that framework.
 */
import type { Choice, Label } from './model.ts';
import type { GraphEdge, GraphLike } from './types.ts';

export type { Choice, GraphLike, Label };

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

/**
 * The grounded labelling as codes (IN/OUT/UNDEC) plus the step at which each argument got its label (-1 for
 * UNDEC). The earliest IN attacker of an OUT argument is the one that decided it. Linear in the framework.
 */
function grounded(ix: Indexed): { lab: Int8Array; step: Int32Array } {
  const n = ix.names.length;
  const lab = new Int8Array(n).fill(UNDEC);
  const step = new Int32Array(n).fill(-1);
  const live = ix.attackers.map((a) => a.length); // attackers not yet OUT
  const queue: number[] = [];
  let clock = 0;
  for (let i = 0; i < n; i++) {
    if (live[i] === 0) {
      lab[i] = IN;
      step[i] = clock++;
      queue.push(i);
    }
  }
  for (let head = 0; head < queue.length; head++) {
    for (const t of ix.targets[queue[head]]) {
      if (lab[t] !== UNDEC) continue;
      lab[t] = OUT;
      step[t] = clock++;
      for (const u of ix.targets[t]) {
        if (--live[u] === 0 && lab[u] === UNDEC) {
          lab[u] = IN;
          step[u] = clock++;
          queue.push(u);
        }
      }
    }
  }
  return { lab, step };
}

/**
 * Dung's grounded labelling: IN when every attacker is OUT, OUT when some attacker is IN, repeated to a
 * fixpoint; everything left is UNDEC. Linear in arguments plus attacks. The map follows the order of `args`.
 */
export function groundedLabelling(args: string[], attacks: [string, string][]): Map<string, Label> {
  const ix = indexFramework(args, attacks);
  const { lab } = grounded(ix);
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
  const { lab: g } = grounded(ix);
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

  const visit = (lab: Int8Array): void => {
    if (preferredOnly && coveredByFound(lab)) return;
    const x = lab.indexOf(BLANK);
    if (x < 0) {
      if (preferredOnly) found.push(bits(lab, (l) => l === IN));
      const members: number[] = [];
      lab.forEach((l, i) => l === IN && members.push(i));
      result.push(members);
      return;
    }
    const withIn = lab.slice();
    const q1: number[] = [];
    if (makeIn(ix, withIn, x, q1) && propagate(ix, withIn, q1, preferredOnly)) visit(withIn);
    const withoutIn = lab.slice();
    withoutIn[x] = UNDEC;
    if (propagate(ix, withoutIn, [x, ...ix.targets[x]], preferredOnly)) visit(withoutIn);
  };
  visit(start);
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
 * leaves undecided (the recursion goes one level deep per decision).
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
// From the site's graph to a framework
// ---------------------------------------------------------------------------------------------------------

/** One argument as an explanation names it: a claim, an undercut relation's inference, or a reader's rejection. */
export type ArgRef =
  | { kind: 'claim'; id: string; accepted?: true }
  | { kind: 'link'; edge: string; relation: 'supports' | 'attacks'; from: string; to: string }
  | { kind: 'reader'; id: string };

/** How an attack arises. */
export type How =
  /** Drawn on the map as an `attacks` edge (or carried by an undercut attack's inference). */
  | { kind: 'attacks' }
  /** Drawn on the map as an `undercuts` edge. */
  | { kind: 'undercuts' }
  /**
   * Derived through supports from the drawn attack `attacker` → `target`: the attacking claim supports
   * `attacker` through the claims `attackerVia` (in order), and the attacked claim supports `target` through
   * `targetVia`. Either end may be the drawn one itself.
   */
  | { kind: 'derived'; attacker: ArgRef; attackerVia: string[]; target: ArgRef; targetVia: string[] }
  /** Attacks the claim `premise` that an inference rests on. */
  | { kind: 'premise'; premise: string }
  /** The reader rejected the claim. */
  | { kind: 'reader' };

/** One attack in an explanation: who attacks, and how. */
export interface Attack {
  by: ArgRef;
  how: How;
}

/** Raw provenance of a framework attack, in argument ids. */
type Why =
  | { kind: 'attacks' | 'undercuts' | 'reader' }
  | { kind: 'derived'; attacker: string; attackerVia: string[]; target: string; targetVia: string[] }
  | { kind: 'premise'; premise: string };

interface Built {
  fw: Framework;
  claims: string[];
  links: Map<string, GraphEdge>;
  why: Map<string, Why>;
}

const READER = 'reader-rejects:';
const pairKey = (a: string, b: string): string => `${a}\n${b}`;

/** Builds the framework (see the module comment) with the reader's choices applied, recording why each attack exists. */
function build(graph: GraphLike, choices: Record<string, Choice>): Built {
  const claims = graph.nodes.map((n) => n.id);
  const kindOf = new Map(graph.nodes.map((n) => [n.id, n.kind]));
  const isClaim = (id: string): boolean => kindOf.has(id) && kindOf.get(id) !== 'question';
  const relates = (e: GraphEdge): boolean => (e.kind === 'supports' || e.kind === 'attacks') && isClaim(e.from) && isClaim(e.to);

  const edgeById = new Map(graph.edges.map((e) => [e.id, e]));
  const undercuts = graph.edges.filter((u) => {
    const target = edgeById.get(u.to);
    return u.kind === 'undercuts' && isClaim(u.from) && target !== undefined && relates(target);
  });
  const undercut = new Set(undercuts.map((u) => u.to));
  const links = new Map(graph.edges.filter((e) => undercut.has(e.id)).map((e) => [e.id, e]));

  // Supporters over uncontested supports only. `reach(id)` maps id and everything that supports it, directly or
  // through a chain, to the chain of claims between them (nearest first, so chains are shortest).
  const supporters = new Map<string, string[]>();
  for (const e of graph.edges) {
    if (e.kind !== 'supports' || !relates(e) || links.has(e.id) || e.from === e.to) continue;
    supporters.set(e.to, [...(supporters.get(e.to) ?? []), e.from]);
  }
  const reach = (id: string): Map<string, string[]> => {
    const via = new Map<string, string[]>([[id, []]]);
    for (const [claim, chain] of via) {
      const next = claim === id ? [] : [claim, ...chain];
      for (const s of supporters.get(claim) ?? []) if (!via.has(s)) via.set(s, next);
    }
    return via;
  };

  const drawn: [string, string, Why][] = [];
  for (const e of graph.edges) {
    if (e.kind === 'attacks' && relates(e)) drawn.push([links.has(e.id) ? e.id : e.from, e.to, { kind: 'attacks' }]);
  }
  for (const u of undercuts) drawn.push([u.from, u.to, { kind: 'undercuts' }]);

  // Each attack is recorded once, with the first reason found: drawn attacks first, then derived ones.
  const why = new Map<string, Why>();
  const add = (list: [string, string][], a: string, b: string, w: Why): void => {
    const key = pairKey(a, b);
    if (why.has(key)) return;
    why.set(key, w);
    list.push([a, b]);
  };
  const derived: [string, string][] = [];
  for (const [a, b, w] of drawn) add(derived, a, b, w);
  for (const [a, b] of drawn) {
    for (const [s, attackerVia] of reach(a)) {
      for (const [t, targetVia] of reach(b)) add(derived, s, t, { kind: 'derived', attacker: a, attackerVia, target: b, targetVia });
    }
  }

  // Choices: accepted claims lose their attackers; rejected ones gain an unattacked one.
  const readers: string[] = [];
  const attacks = derived.filter(([a, b]) => {
    const dropped = choices[b] === 'accepted' && isClaim(b);
    if (dropped) why.delete(pairKey(a, b));
    return !dropped;
  });
  for (const id of claims) {
    if (choices[id] === 'rejected' && isClaim(id)) {
      readers.push(READER + id);
      add(attacks, READER + id, id, { kind: 'reader' });
    }
  }

  // An inference falls with its premise: whatever attacks the premise attacks the inference too.
  // Attackers are indexed by target (in attack order) so this is not a scan of every attack per undercut relation.
  const attackersOf = new Map<string, string[]>();
  const index = (a: string, b: string): void => {
    const list = attackersOf.get(b);
    if (list) list.push(a);
    else attackersOf.set(b, [a]);
  };
  for (const [a, b] of attacks) index(a, b);
  for (const [linkId, e] of links) {
    for (const a of [...(attackersOf.get(e.from) ?? [])]) {
      const before = attacks.length;
      add(attacks, a, linkId, { kind: 'premise', premise: e.from });
      if (attacks.length > before) index(a, linkId);
    }
  }

  const args = [...claims, ...links.keys(), ...readers];
  const order = new Map(args.map((a, i) => [a, i]));
  const at = (a: string): number => order.get(a) as number;
  attacks.sort((x, y) => at(x[0]) - at(y[0]) || at(x[1]) - at(y[1]));
  return { fw: { args, attacks }, claims, links, why };
}

/**
 * The Dung framework of the site's graph (see the module comment for the reading of supports and undercuts).
 * Arguments: every node id in graph order, then one inference argument per undercut relation (its edge id) in
 * edge order. Attacks are sorted by attacker, then target, in that argument order.
 */
export function graphToFramework(graph: GraphLike): Framework {
  return build(graph, {}).fw;
}

// ---------------------------------------------------------------------------------------------------------
// A reader's evaluation
// ---------------------------------------------------------------------------------------------------------

/** Why a claim got its label, as data; `explain` turns it into a sentence. */
export type Explanation =
  /** The reader accepted the claim, so nothing defeats it (IN). */
  | { kind: 'accepted'; claim: string }
  /** The reader rejected the claim (OUT). */
  | { kind: 'rejected'; claim: string }
  /** IN: every attacker is OUT; for each, one IN argument that defeats it (empty when nothing attacks it). */
  | { kind: 'stands'; claim: string; defences: { attack: Attack; defeatedBy: Attack }[]; byReader: boolean }
  /** OUT: the IN attacker that decided it (the first to be established). */
  | { kind: 'defeated'; claim: string; by: Attack; byReader: boolean }
  /** UNDEC: no attacker is IN, and these attackers are undecided; `mutual` when the claim attacks back. */
  | { kind: 'undecided'; claim: string; attackers: (Attack & { mutual: boolean })[] };

/** Labels of claims and of undercut relations, with an explanation for every claim. */
export interface Evaluation {
  /** Grounded label of every node id (inference and virtual arguments are not included). */
  labels: Record<string, Label>;
  /** Why each node got its label. */
  explanations: Record<string, Explanation>;
  /** Grounded label of each undercut relation's inference, keyed by the undercut edge's target edge id. */
  links: Record<string, Label>;
}

/**
 * Evaluates the graph under a reader's choices: an accepted claim cannot be defeated, a rejected claim is
 * defeated by an unattacked `reader-rejects:<id>`; labels follow grounded semantics. Unknown ids are ignored.
 */
export function evaluate(graph: GraphLike, choices: Record<string, Choice>): Evaluation {
  const built = build(graph, choices);
  const ix = indexFramework(built.fw.args, built.fw.attacks);
  const { lab, step } = grounded(ix);
  const pos = new Map(ix.names.map((name, i) => [name, i]));
  const kindOf = new Map(graph.nodes.map((n) => [n.id, n.kind]));

  const ref = (id: string): ArgRef => {
    const link = built.links.get(id);
    if (link) return { kind: 'link', edge: id, relation: link.kind as 'supports' | 'attacks', from: link.from, to: link.to };
    if (id.startsWith(READER) && !kindOf.has(id)) return { kind: 'reader', id: id.slice(READER.length) };
    return choices[id] === 'accepted' ? { kind: 'claim', id, accepted: true } : { kind: 'claim', id };
  };
  const attack = (a: number, b: number): Attack => {
    const w = built.why.get(pairKey(ix.names[a], ix.names[b])) as Why;
    const how: How = w.kind === 'derived' ? { ...w, attacker: ref(w.attacker), target: ref(w.target) } : w;
    return { by: ref(ix.names[a]), how };
  };
  // The attacker that decided an OUT argument: its earliest IN attacker.
  const decider = (b: number): number =>
    ix.attackers[b].filter((a) => lab[a] === IN).reduce((best, a) => (step[a] < step[best] ? a : best));
  const fromReader = (r: ArgRef): boolean => r.kind === 'reader' || (r.kind === 'claim' && r.accepted === true);

  const labels: Record<string, Label> = {};
  const explanations: Record<string, Explanation> = {};
  for (const claim of built.claims) {
    const i = pos.get(claim) as number;
    labels[claim] = LABEL_NAME[lab[i]];
    const choice = kindOf.get(claim) === 'question' ? undefined : choices[claim];
    if (choice === 'accepted' || choice === 'rejected') {
      explanations[claim] = { kind: choice, claim };
    } else if (lab[i] === IN) {
      const defences = ix.attackers[i].map((a) => ({ attack: attack(a, i), defeatedBy: attack(decider(a), a) }));
      explanations[claim] = { kind: 'stands', claim, defences, byReader: defences.some((d) => fromReader(d.defeatedBy.by)) };
    } else if (lab[i] === OUT) {
      const by = attack(decider(i), i);
      explanations[claim] = { kind: 'defeated', claim, by, byReader: fromReader(by.by) };
    } else {
      const attackers = ix.attackers[i]
        .filter((a) => lab[a] === UNDEC)
        .map((a) => ({ ...attack(a, i), mutual: ix.attackers[a].includes(i) }));
      explanations[claim] = { kind: 'undecided', claim, attackers };
    }
  }
  const links: Record<string, Label> = {};
  for (const id of built.links.keys()) links[id] = LABEL_NAME[lab[pos.get(id) as number]];
  return { labels, explanations, links };
}

/**
 * Turns an explanation into plain English for a student, e.g. "Falls: «X» stands and attacks it." or
 * "Undecided: it and «A» attack each other, and nothing breaks the tie." `nameOf` gives a claim's display name.
 */
export function explain(label: Label, explanation: Explanation, nameOf: (id: string) => string): string {
  const q = (id: string): string => `«${nameOf(id)}»`;
  const self = explanation.claim;
  const name = (r: ArgRef): string => {
    if (r.kind === 'link')
      return r.relation === 'attacks' ? `the attack of ${q(r.from)} on ${q(r.to)}` : `the link from ${q(r.from)} to ${q(r.to)}`;
    return r.id === self ? 'it' : q(r.id);
  };
  // An undercut attack's inference speaks through its premise: "«a» attacks it".
  const speaker = (r: ArgRef): string => (r.kind === 'link' ? q(r.from) : name(r));
  // "<subject> <verb phrase>" for one attack on the argument `target`, called `word` in the sentence.
  const clause = (a: Attack, target: string, word: string, withStatus: boolean): string => {
    const { by, how } = a;
    if (by.kind === 'reader') return `you rejected ${q(by.id)}`;
    let subject = speaker(by);
    if (withStatus && by.kind === 'claim') subject += by.accepted ? ', which you accepted,' : ' stands and';
    let verb = `attacks ${word}`;
    if (how.kind === 'undercuts') verb = `undercuts ${word}`;
    if (how.kind === 'premise') verb = `attacks ${q(how.premise)}, on which ${word} rests`;
    if (how.kind === 'derived') {
      const supported = refId(how.attacker) !== refId(by);
      const mediated = refId(how.target) !== target;
      const through = how.targetVia.length > 0 ? ` through ${how.targetVia.map(q).join(' and ')}` : '';
      const object = mediated ? `${name(how.target)}, which ${word} supports${through}` : word;
      const chain = [...how.attackerVia.map(q), speaker(how.attacker)].join(', which supports ');
      verb = `${supported ? `supports ${chain}, which ` : ''}attacks ${object}`;
    }
    const undercutFails = by.kind === 'link' && withStatus ? ', and the undercut of that attack does not hold' : '';
    return `${subject} ${verb}${undercutFails}`;
  };

  const lead = LEAD[label];
  switch (explanation.kind) {
    case 'accepted':
      return 'You accepted this.';
    case 'rejected':
      return 'You rejected this.';
    case 'defeated':
      return `${lead}: ${clause(explanation.by, self, 'it', true)}.`;
    case 'stands': {
      if (explanation.defences.length === 0) return `${lead}: nothing attacks it.`;
      const parts = explanation.defences.map(({ attack, defeatedBy }) => {
        const word = attack.by.kind === 'link' ? 'that attack' : name(attack.by);
        return `${clause(attack, self, 'it', false)}, but ${clause(defeatedBy, refId(attack.by), word, true)}`;
      });
      return `${lead}: nothing that stands defeats it. ${capitalise(listSome(parts, (n) => `${n} other attack${n === 1 ? ' is' : 's are'} answered the same way`))}.`;
    }
    case 'undecided': {
      const { attackers } = explanation;
      const [only] = attackers;
      if (attackers.length === 1 && only.mutual && only.how.kind === 'attacks' && only.by.kind === 'claim' && only.by.id !== self) {
        return `${lead}: it and ${q(only.by.id)} attack each other, and nothing breaks the tie.`;
      }
      // Direct attacks first: they are the easiest to see on the map.
      const ordered = [...attackers].sort((a, b) => Number(a.how.kind === 'derived') - Number(b.how.kind === 'derived'));
      const parts = ordered.map(
        (a) => `${clause(a, self, 'it', false)}${a.mutual ? ', and it attacks back' : ', but is itself undecided'}`,
      );
      return `${lead}: ${listSome(parts, (n) => `and ${n} more undecided attack${n === 1 ? '' : 's'}`)}; nothing breaks the tie.`;
    }
  }
}

/** The framework argument an `ArgRef` stands for. */
const refId = (r: ArgRef): string => (r.kind === 'link' ? r.edge : r.kind === 'reader' ? READER + r.id : r.id);

/** The word a sentence starts with, by label. */
const LEAD: Record<Label, string> = { IN: 'Stands', OUT: 'Falls', UNDEC: 'Undecided' };

/** At most this many reasons are spelled out; the rest are counted, so an explanation stays readable. */
const MAX_REASONS = 3;

/** Join clauses, spelling out the first few and counting the rest. */
const listSome = (parts: string[], rest: (n: number) => string): string =>
  parts.length > MAX_REASONS ? `${parts.slice(0, MAX_REASONS).join('; ')}; ${rest(parts.length - MAX_REASONS)}` : parts.join('; ');

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The coherent sides of the debate: the preferred extensions of the graph's framework restricted to claim ids
 * (questions, which every side holds, and inference arguments are left out), deduplicated and sorted.
 */
export function coherentSides(graph: GraphLike): { extensions: string[][] } {
  const fw = graphToFramework(graph);
  const keep = new Set(graph.nodes.filter((n) => n.kind !== 'question').map((n) => n.id));
  const seen = new Set<string>();
  const sides: string[][] = [];
  for (const ext of preferredExtensions(fw.args, fw.attacks)) {
    const side = ext.filter((id) => keep.has(id));
    const key = side.join('\n');
    if (!seen.has(key)) {
      seen.add(key);
      sides.push(side);
    }
  }
  return { extensions: sortExtensions(sides) };
}
