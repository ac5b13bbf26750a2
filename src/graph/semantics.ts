/**
 * "Test your view": the reasons-first reading of the map (`evaluate`), the strength view (`strengths`), plain-word
 * explanations (`explain`) and the coherent ways of settling what the map leaves undecided (`coherentSides`).
 * Pure functions, no Node or Astro APIs: the browser imports this module when a reader turns "Test your view" on.
 *
 * What takes part: every claim except questions and the writer's framing (`voice: 'framing'`); the `supports`
 * and `attacks` relations between such claims (the "links"); and `undercuts` from such a claim on a link.
 * `answers` and `frames` carry nothing.
 *
 * Reasons first (ASPIC+ in spirit, where an undercut attacks an inference, exactly like the map's `undercuts`):
 * - a claim nobody gives a reason for (no incoming support) is a premise: it stands unless an attack lands on it;
 * - a link works when its source stands and no standing claim undercuts it; it is cut when its source falls or
 *   a standing claim undercuts it; otherwise it is undecided;
 * - a claim falls, refuted, when an attack lands (a working attack link); it falls, unsupported, when it has
 *   reasons and every support link is cut; it stands when no attack can land any more and it is a premise or a
 *   support link works; otherwise it is undecided. Attacks and supports only travel forward along their arrows;
 * - an accepted claim stands whatever attacks it (its attackers keep their labels); a rejected claim falls and
 *   its own links stop working (its reasons keep their labels).
 * The labels are the well-founded model of these rules (Van Gelder, Ross & Schlipf, JACM 38(3), 1991): what the
 * rules force is propagated, then every claim whose only support runs in a circle falls, and so on until nothing
 * changes. Each round is linear; there are rarely more than two.
 *
 * The Dung semantics used by the ICCMA exports live in `dung.ts` and are re-exported here.
 */
import {
  completeExtensions,
  evaluatedClaims,
  graphToFramework,
  groundedLabelling,
  preferredExtensions,
  stableExtensions,
  type Framework,
} from './dung.ts';
import type { Choice, EvaluableGraph, Label } from './model.ts';
import type { GraphLike } from './types.ts';

export { completeExtensions, graphToFramework, groundedLabelling, preferredExtensions, stableExtensions };
export type { Choice, EvaluableGraph, Framework, GraphLike, Label };

// ---------------------------------------------------------------------------------------------------------
// The map as an indexed network of claims and links
// ---------------------------------------------------------------------------------------------------------

/**
 * Claims (sorted by id) and links (supports and attacks between claims, sorted by edge id), with adjacency
 * lists in those orders, so that every result is independent of the order of the graph's nodes and edges.
 */
interface Net {
  claims: string[];
  claimAt: Map<string, number>;
  links: string[];
  linkAt: Map<string, number>;
  /** Per link: 1 for an attack, 0 for a support; its source and target claims; the claims undercutting it. */
  attack: Uint8Array;
  src: Int32Array;
  dst: Int32Array;
  undercutters: number[][];
  /** Per claim: the support and attack links into it, the links it is the source of, the links it undercuts. */
  supportsIn: number[][];
  attacksIn: number[][];
  out: number[][];
  undercuts: number[][];
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function buildNet(graph: EvaluableGraph): Net {
  const claims = [...evaluatedClaims(graph)].sort(byCodeUnits);
  const claimAt = new Map(claims.map((id, i) => [id, i]));
  const linkEdges = new Map<string, { from: string; to: string; kind: string }>();
  for (const e of graph.edges) {
    if ((e.kind === 'supports' || e.kind === 'attacks') && claimAt.has(e.from) && claimAt.has(e.to)) linkEdges.set(e.id, e);
  }
  const links = [...linkEdges.keys()].sort(byCodeUnits);
  const linkAt = new Map(links.map((id, i) => [id, i]));
  const L = links.length;
  const attack = new Uint8Array(L);
  const src = new Int32Array(L);
  const dst = new Int32Array(L);
  const supportsIn: number[][] = claims.map(() => []);
  const attacksIn: number[][] = claims.map(() => []);
  const out: number[][] = claims.map(() => []);
  const undercuts: number[][] = claims.map(() => []);
  links.forEach((id, l) => {
    const e = linkEdges.get(id) as { from: string; to: string; kind: string };
    attack[l] = e.kind === 'attacks' ? 1 : 0;
    src[l] = claimAt.get(e.from) as number;
    dst[l] = claimAt.get(e.to) as number;
    (attack[l] ? attacksIn : supportsIn)[dst[l]].push(l);
    out[src[l]].push(l);
  });
  const undercutters: number[][] = links.map(() => []);
  for (const u of graph.edges) {
    const x = claimAt.get(u.from);
    const l = linkAt.get(u.to);
    if (u.kind !== 'undercuts' || x === undefined || l === undefined || undercutters[l].includes(x)) continue;
    undercutters[l].push(x);
    undercuts[x].push(l);
  }
  for (const list of undercutters) list.sort((a, b) => a - b);
  for (const list of undercuts) list.sort((a, b) => a - b);
  return { claims, claimAt, links, linkAt, attack, src, dst, undercutters, supportsIn, attacksIn, out, undercuts };
}

/** Truth values of the three-valued model. */
const U = 0;
const T = 1;
const F = 2;
const LABEL_OF: Record<number, Label> = { [U]: 'UNDEC', [T]: 'IN', [F]: 'OUT' };

/** The reader's choices as values per claim: T accepted, F rejected, U no choice. Unknown ids are ignored. */
function fixedOf(net: Net, choices: Readonly<Record<string, Choice>>): Int8Array {
  const fixed = new Int8Array(net.claims.length);
  for (const [id, choice] of Object.entries(choices)) {
    const x = net.claimAt.get(id);
    if (x !== undefined && (choice === 'accepted' || choice === 'rejected')) fixed[x] = choice === 'accepted' ? T : F;
  }
  return fixed;
}

interface Model {
  claim: Int8Array;
  link: Int8Array;
}

/** The well-founded model of the rules (see the module comment) under fixed choices. Iterative throughout. */
function solve(net: Net, fixed: Int8Array): Model {
  const C = net.claims.length;
  const L = net.links.length;
  const claim = new Int8Array(C);
  const link = new Int8Array(L);
  // Counters: links into a claim that work / are not cut; undercutters of a link that stand / do not fall.
  const attWorking = new Int32Array(C);
  const attOpen = Int32Array.from(net.attacksIn, (a) => a.length);
  const supWorking = new Int32Array(C);
  const supOpen = Int32Array.from(net.supportsIn, (s) => s.length);
  const undStanding = new Int32Array(L);
  const undOpen = Int32Array.from(net.undercutters, (u) => u.length);
  // Atoms decided but not yet propagated: claim x as x, link l as C + l.
  const queue: number[] = [];

  const setClaim = (x: number, v: number): void => {
    if (claim[x] !== U) return;
    claim[x] = v;
    queue.push(x);
  };
  const setLink = (l: number, v: number): void => {
    if (link[l] !== U) return;
    link[l] = v;
    queue.push(C + l);
  };
  const checkClaim = (x: number): void => {
    if (claim[x] !== U || fixed[x] !== U) return;
    const premise = net.supportsIn[x].length === 0;
    if (attWorking[x] > 0 || (!premise && supOpen[x] === 0)) setClaim(x, F);
    else if (attOpen[x] === 0 && (premise || supWorking[x] > 0)) setClaim(x, T);
  };
  const checkLink = (l: number): void => {
    if (link[l] !== U) return;
    const s = claim[net.src[l]];
    if (s === F || undStanding[l] > 0) setLink(l, F);
    else if (s === T && undOpen[l] === 0) setLink(l, T);
  };
  const propagate = (): void => {
    while (queue.length > 0) {
      const a = queue.pop() as number;
      if (a < C) {
        const standing = claim[a] === T;
        for (const l of net.out[a]) checkLink(l);
        for (const l of net.undercuts[a]) {
          if (standing) undStanding[l]++;
          else undOpen[l]--;
          checkLink(l);
        }
      } else {
        const l = a - C;
        const y = net.dst[l];
        const works = link[l] === T;
        if (net.attack[l]) {
          if (works) attWorking[y]++;
          else attOpen[y]--;
        } else if (works) supWorking[y]++;
        else supOpen[y]--;
        checkClaim(y);
      }
    }
  };

  for (let x = 0; x < C; x++) {
    if (fixed[x] !== U) setClaim(x, fixed[x]);
    else checkClaim(x);
  }
  propagate();
  // Unfounded sets: whatever cannot be reached from a premise or an accepted claim along links that are not
  // cut has only circular support, so it falls. Then propagate again, until no round finds anything.
  const possible = new Uint8Array(C + L);
  const reach: number[] = [];
  for (;;) {
    possible.fill(0);
    for (let x = 0; x < C; x++) {
      if (claim[x] !== F && (fixed[x] === T || net.supportsIn[x].length === 0)) {
        possible[x] = 1;
        reach.push(x);
      }
    }
    while (reach.length > 0) {
      const a = reach.pop() as number;
      if (a < C) {
        for (const l of net.out[a]) {
          if (link[l] !== F && !possible[C + l]) {
            possible[C + l] = 1;
            reach.push(C + l);
          }
        }
      } else if (!net.attack[a - C]) {
        const y = net.dst[a - C];
        if (claim[y] !== F && fixed[y] !== F && !possible[y]) {
          possible[y] = 1;
          reach.push(y);
        }
      }
    }
    let unfounded = 0;
    for (let x = 0; x < C; x++) {
      if (claim[x] === U && !possible[x]) {
        setClaim(x, F);
        unfounded++;
      }
    }
    for (let l = 0; l < L; l++) {
      if (link[l] === U && !possible[C + l]) {
        setLink(l, F);
        unfounded++;
      }
    }
    if (unfounded === 0) return { claim, link };
    propagate();
  }
}

/**
 * Strongly connected components of a directed graph on 0..n-1 (Tarjan's algorithm with an explicit stack).
 * Returns each vertex's component number; components are numbered in the order they complete, so a component
 * is numbered after every component it can reach.
 */
function components(n: number, next: readonly (readonly number[])[]): Int32Array {
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const comp = new Int32Array(n).fill(-1);
  const stack: number[] = [];
  const work: number[] = []; // vertices being explored
  const cursor = new Int32Array(n); // next successor to look at, per vertex
  let counter = 0;
  let count = 0;
  const open = (v: number): void => {
    index[v] = low[v] = counter++;
    stack.push(v);
    onStack[v] = 1;
    work.push(v);
  };
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    open(root);
    while (work.length > 0) {
      const v = work[work.length - 1];
      if (cursor[v] < next[v].length) {
        const w = next[v][cursor[v]++];
        if (index[w] === -1) open(w);
        else if (onStack[w]) low[v] = Math.min(low[v], index[w]);
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1];
        low[parent] = Math.min(low[parent], low[v]);
      }
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack.pop() as number;
          onStack[w] = 0;
          comp[w] = count;
        } while (w !== v);
        count++;
      }
    }
  }
  return comp;
}

// ---------------------------------------------------------------------------------------------------------
// Evaluation with explanations
// ---------------------------------------------------------------------------------------------------------

/**
 * What became of one link into the claim explained, from the other end's side:
 * - `works`: it counts (its source stands and nothing standing undercuts it);
 * - `fallen`: its source has fallen; `rejected`: you rejected its source;
 * - `undercut`: its source stands but a standing claim (`by`) undercuts it;
 * - `undecided`: its source is undecided; `in-doubt`: its source stands, an undecided claim (`by`) undercuts it.
 */
export type Fate = 'works' | 'fallen' | 'rejected' | 'undercut' | 'undecided' | 'in-doubt';

export interface LinkReport {
  /** The claim at the other end: the reason, or the attacker. */
  claim: string;
  /** The link's edge id. */
  edge: string;
  fate: Fate;
  /** The undercutters that decided an `undercut` or `in-doubt` fate. */
  by?: string[];
  /** You accepted the claim at the other end. */
  accepted?: true;
  /**
   * An undecided attack that comes back: `self` when the claim attacks itself, `mutual` when the claim attacks
   * its attacker directly, `cycle` when whether the attacker stands depends in turn on this claim.
   */
  tie?: 'self' | 'mutual' | 'cycle';
  /** A fallen reason that itself rests, through other fallen reasons, on this claim (circular support). */
  circular?: true;
}

/** What stops counting because a claim falls: the targets of its attacks and supports, and the links it undercuts. */
export interface KnockOn {
  attacks: string[];
  supports: string[];
  undercuts: { from: string; to: string }[];
}

/**
 * Why a claim got its label, naming direct neighbours only; `explain` turns it into sentences.
 * - `accepted` (IN) / `rejected` (OUT): your choice decided it;
 * - `stands` (IN): no attack holds, and it is a premise or a reason works;
 * - `refuted` (OUT): an attack lands; `unsupported` (OUT): every reason is cut;
 * - `undecided` (UNDEC): neither, because an attack or the reasons are undecided.
 * `reasons` and `attacks` report every support and attack link into the claim (by the other end's id).
 */
export interface Explanation {
  kind: 'accepted' | 'rejected' | 'stands' | 'refuted' | 'unsupported' | 'undecided';
  claim: string;
  /** No claim gives a reason for it (no incoming support). */
  premise: boolean;
  reasons: LinkReport[];
  attacks: LinkReport[];
  /** For claims that fall: what no longer counts because of it (absent when nothing). */
  knockOn?: KnockOn;
}

export interface Evaluation {
  /** Every claim except questions and the writer's framing: IN stands, OUT falls, UNDEC undecided. */
  labels: Record<string, Label>;
  /** Every supports and attacks edge between such claims: IN works, OUT is cut, UNDEC undecided. */
  links: Record<string, Label>;
  /** Why each labelled claim got its label. */
  explanations: Record<string, Explanation>;
}

/**
 * Evaluates the map under a reader's choices, reasons first (see the module comment). `choices` maps claim ids
 * to `'accepted'` or `'rejected'`; ids of questions, framing or unknown claims are ignored.
 */
export function evaluate(graph: EvaluableGraph, choices: Readonly<Record<string, Choice>> = {}): Evaluation {
  const net = buildNet(graph);
  const fixed = fixedOf(net, choices);
  const model = solve(net, fixed);
  const reports = explainAll(net, fixed, model);
  const labels: Record<string, Label> = {};
  const explanations: Record<string, Explanation> = {};
  for (const n of graph.nodes) {
    const x = net.claimAt.get(n.id);
    if (x === undefined || n.id in labels) continue;
    labels[n.id] = LABEL_OF[model.claim[x]];
    explanations[n.id] = reports[x];
  }
  const links: Record<string, Label> = {};
  for (const e of graph.edges) {
    const l = net.linkAt.get(e.id);
    if (l !== undefined) links[e.id] = LABEL_OF[model.link[l]];
  }
  return { labels, links, explanations };
}

/** The structured explanation of every claim, from the final model. */
function explainAll(net: Net, fixed: Int8Array, model: Model): Explanation[] {
  const C = net.claims.length;
  const { claim, link } = model;
  const name = (x: number): string => net.claims[x];

  // Undecided atoms that depend on each other: components of the undecided part (claim → its links → targets,
  // undercutter → link). An undecided attacker in the claim's own component stands or falls with it.
  const undecidedNext: number[][] = [];
  for (let x = 0; x < C; x++) {
    undecidedNext.push(claim[x] === U ? [...net.out[x], ...net.undercuts[x]].filter((l) => link[l] === U).map((l) => C + l) : []);
  }
  for (let l = 0; l < net.links.length; l++) undecidedNext.push(link[l] === U && claim[net.dst[l]] === U ? [net.dst[l]] : []);
  const undecidedComp = components(undecidedNext.length, undecidedNext);

  // Circular support: claims that fall unsupported, joined by the support links that fell with their source.
  const unsupported = (x: number): boolean => claim[x] === F && fixed[x] === U && !net.attacksIn[x].some((l) => link[l] === T);
  const fallenNext: number[][] = [];
  for (let x = 0; x < C; x++) {
    fallenNext.push(unsupported(x) ? net.out[x].filter((l) => !net.attack[l] && unsupported(net.dst[l])).map((l) => net.dst[l]) : []);
  }
  const fallenComp = components(C, fallenNext);

  const fate = (l: number): Pick<LinkReport, 'fate' | 'by'> => {
    const s = net.src[l];
    const by = (v: number): string[] => net.undercutters[l].filter((u) => claim[u] === v).map(name);
    if (link[l] === T) return { fate: 'works' };
    if (link[l] === F) {
      if (fixed[s] === F) return { fate: 'rejected' };
      if (claim[s] === F) return { fate: 'fallen' };
      return { fate: 'undercut', by: by(T) };
    }
    return claim[s] === U ? { fate: 'undecided' } : { fate: 'in-doubt', by: by(U) };
  };
  const report = (l: number, x: number): LinkReport => {
    const s = net.src[l];
    const r: LinkReport = { claim: name(s), edge: net.links[l], ...fate(l) };
    if (fixed[s] === T) r.accepted = true;
    if (net.attack[l] && r.fate === 'undecided') {
      if (s === x) r.tie = 'self';
      else if (net.out[x].some((k) => net.attack[k] && net.dst[k] === s && link[k] === U)) r.tie = 'mutual';
      else if (undecidedComp[s] === undecidedComp[x]) r.tie = 'cycle';
    }
    if (!net.attack[l] && r.fate === 'fallen' && unsupported(x) && unsupported(s) && fallenComp[s] === fallenComp[x]) {
      r.circular = true;
    }
    return r;
  };

  const result: Explanation[] = [];
  for (let x = 0; x < C; x++) {
    const reasons = net.supportsIn[x].map((l) => report(l, x));
    const attacks = net.attacksIn[x].map((l) => report(l, x));
    let kind: Explanation['kind'];
    if (fixed[x] === T) kind = 'accepted';
    else if (fixed[x] === F) kind = 'rejected';
    else if (claim[x] === T) kind = 'stands';
    else if (claim[x] === U) kind = 'undecided';
    else kind = attacks.some((a) => a.fate === 'works') ? 'refuted' : 'unsupported';
    const e: Explanation = { kind, claim: name(x), premise: reasons.length === 0, reasons, attacks };
    if (claim[x] === F) {
      const knockOn: KnockOn = {
        attacks: net.out[x].filter((l) => net.attack[l]).map((l) => name(net.dst[l])),
        supports: net.out[x].filter((l) => !net.attack[l]).map((l) => name(net.dst[l])),
        undercuts: net.undercuts[x].map((l) => ({ from: name(net.src[l]), to: name(net.dst[l]) })),
      };
      if (knockOn.attacks.length + knockOn.supports.length + knockOn.undercuts.length > 0) e.knockOn = knockOn;
    }
    result.push(e);
  }
  return result;
}

// ---------------------------------------------------------------------------------------------------------
// Explanations in words
// ---------------------------------------------------------------------------------------------------------

/** At most this many claims are named in one list; the rest are counted, so an explanation stays short. */
const MAX_NAMED = 3;

/** "A", "A and B", "A, B and C", "A, B, C and 2 more". */
function listWords(items: string[], more: (n: number) => string = (n) => `${n} more`): string {
  const shown = items.length > MAX_NAMED ? [...items.slice(0, MAX_NAMED), more(items.length - MAX_NAMED)] : items;
  return shown.length <= 1 ? (shown[0] ?? '') : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/** Clauses joined by semicolons, the first few spelled out and the rest counted. */
function clauses(parts: string[], rest: (n: number) => string): string {
  return parts.length > MAX_NAMED ? [...parts.slice(0, MAX_NAMED), rest(parts.length - MAX_NAMED)].join('; ') : parts.join('; ');
}

/** The word a sentence starts with, by label. */
const LEAD: Record<Label, string> = { IN: 'Stands', OUT: 'Falls', UNDEC: 'Undecided' };

/**
 * The explanation as sentences: first why the claim has its label, then (for a claim that falls) what no longer
 * counts because of it. `nameOf` gives a claim's display name; names appear in «guillemets».
 */
export function explanationLines(label: Label, e: Explanation, nameOf: (id: string) => string): string[] {
  const q = (id: string): string => `«${nameOf(id)}»`;
  const names = (reports: LinkReport[]): string => listWords(reports.map((r) => q(r.claim)));
  const plural = (n: number, one: string, many: string): string => (n === 1 ? one : many);
  const lead = LEAD[label];
  const working = (list: LinkReport[]) => list.filter((r) => r.fate === 'works');
  const inDoubt = (r: LinkReport) => r.fate === 'undecided' || r.fate === 'in-doubt';

  // Why an attack on the claim does not hold.
  const failedAttack = (r: LinkReport): string => {
    if (r.fate === 'rejected') return `you rejected ${q(r.claim)}`;
    if (r.fate === 'undercut') return `${listWords((r.by ?? []).map(q))} ${plural((r.by ?? []).length, 'undercuts', 'undercut')} the attack of ${q(r.claim)}`;
    return `${q(r.claim)} has fallen`;
  };
  // Why a reason does not hold; `only` words it for a claim's only reason.
  const failedReason = (r: LinkReport, only: boolean): string => {
    const it = only ? `its only reason, ${q(r.claim)},` : q(r.claim);
    const bare = only ? `its only reason, ${q(r.claim)}` : q(r.claim);
    if (r.fate === 'rejected') return `you rejected ${bare}`;
    if (r.fate === 'undercut') return `${listWords((r.by ?? []).map(q))} ${plural((r.by ?? []).length, 'undercuts', 'undercut')} the link from ${bare}`;
    if (r.fate === 'in-doubt') return `${listWords((r.by ?? []).map(q))}, which ${plural((r.by ?? []).length, 'is', 'are')} undecided, ${plural((r.by ?? []).length, 'undercuts', 'undercut')} the link from ${bare}`;
    if (r.fate === 'undecided') return `${it} is undecided`;
    if (r.circular) return `${it} rests in turn on this claim`;
    return `${it} has fallen`;
  };
  // An undecided attack on the claim.
  const doubtfulAttack = (r: LinkReport): string => {
    if (r.tie === 'self') return 'it attacks itself';
    if (r.tie === 'mutual') return `it and ${q(r.claim)} attack each other`;
    if (r.tie === 'cycle') return `${q(r.claim)} attacks it, and whether ${q(r.claim)} stands depends in turn on this claim`;
    if (r.fate === 'in-doubt') {
      const by = r.by ?? [];
      return `${q(r.claim)} attacks it, and ${listWords(by.map(q))}, which ${plural(by.length, 'is', 'are')} undecided, ${plural(by.length, 'undercuts', 'undercut')} that attack`;
    }
    return `${q(r.claim)} attacks it and is itself undecided`;
  };

  const lines: string[] = [];
  switch (e.kind) {
    case 'accepted': {
      const setAside = e.attacks.filter((r) => r.fate === 'works' || inDoubt(r));
      lines.push(
        setAside.length === 0
          ? `${lead}: you accepted it.`
          : `${lead}: you accepted it, so you set aside ${names(setAside)}, which ${plural(setAside.length, 'attacks', 'attack')} it.`,
      );
      break;
    }
    case 'rejected':
      lines.push(`${lead}: you rejected it.`);
      break;
    case 'stands': {
      const holds = e.attacks.length === 0 ? '' : `no attack on it holds: ${clauses(e.attacks.map(failedAttack), (n) => `and ${n} more fail`)}.`;
      if (e.premise) {
        lines.push(
          e.attacks.length === 0
            ? `${lead}: it is a starting point (no claim here gives a reason for it) and nothing attacks it.`
            : `${lead}: it is a starting point (no claim here gives a reason for it), and ${holds}`,
        );
        break;
      }
      const works = working(e.reasons);
      const others = e.reasons.filter((r) => r.fate !== 'works');
      let text = `${lead}: ${names(works)} ${plural(works.length, 'stands and supports', 'stand and support')} it.`;
      if (others.length === 1) text += ` Its other reason does not hold: ${failedReason(others[0], false)}.`;
      else if (others.length > 1) text += ` Its ${others.length} other reasons do not hold.`;
      if (holds) text += ` ${holds.charAt(0).toUpperCase()}${holds.slice(1)}`;
      lines.push(text);
      break;
    }
    case 'refuted': {
      const landed = working(e.attacks);
      const [first] = landed;
      let text =
        landed.length === 1 && first.accepted
          ? `${lead}: ${q(first.claim)}, which you accepted, attacks it.`
          : `${lead}: ${names(landed)} ${plural(landed.length, 'stands and attacks', 'stand and attack')} it.`;
      const works = working(e.reasons);
      if (works.length > 0) {
        text += ' Its reasons still stand, but a reason does not answer an objection.';
      }
      lines.push(text);
      break;
    }
    case 'unsupported': {
      const circle = e.reasons.some((r) => r.circular) ? ' (a circle of reasons supports nothing)' : '';
      lines.push(
        e.reasons.length === 1
          ? `${lead}: ${failedReason(e.reasons[0], true)}${circle}.`
          : `${lead}: none of its reasons holds: ${clauses(e.reasons.map((r) => failedReason(r, false)), (n) => `and ${n} more do not hold`)}${circle}.`,
      );
      break;
    }
    case 'undecided': {
      const doubtful = e.attacks.filter(inDoubt);
      const reasonsInDoubt = e.reasons.filter(inDoubt);
      const reasonsFail = !e.premise && working(e.reasons).length === 0;
      if (doubtful.length > 0) {
        const tie = doubtful.some((r) => r.tie !== undefined) ? '; nothing breaks the tie' : '';
        let text = `${lead}: ${clauses(doubtful.map(doubtfulAttack), (n) => `and ${n} more undecided attacks`)}${tie}.`;
        if (reasonsFail && reasonsInDoubt.length > 0) text += ` ${plural(e.reasons.length, 'Its reason is', 'Its reasons are')} undecided too.`;
        lines.push(text);
      } else if (e.reasons.length === 1) {
        lines.push(`${lead}: ${failedReason(e.reasons[0], true)}.`);
      } else {
        lines.push(
          `${lead}: none of its reasons stands for sure: ${clauses(reasonsInDoubt.map((r) => failedReason(r, false)), (n) => `and ${n} more are undecided`)}.`,
        );
      }
      break;
    }
  }
  if (e.knockOn) lines.push(knockOnWords(e.knockOn, q));
  return lines;
}

/** "Because it falls, its attack on «D» no longer counts, and it no longer supports «E»." */
function knockOnWords(k: KnockOn, q: (id: string) => string): string {
  const parts: string[] = [];
  if (k.attacks.length > 0) parts.push(`${k.attacks.length === 1 ? 'its attack' : 'its attacks'} on ${listWords(k.attacks.map(q))}`);
  if (k.undercuts.length === 1) parts.push(`its undercut of the link from ${q(k.undercuts[0].from)} to ${q(k.undercuts[0].to)}`);
  else if (k.undercuts.length > 1) parts.push(`its undercuts of ${k.undercuts.length} links`);
  const count = k.attacks.length + k.undercuts.length;
  const counts = parts.length > 0 ? `${parts.join(' and ')} no longer ${count === 1 ? 'counts' : 'count'}` : '';
  const supports = k.supports.length > 0 ? `it no longer supports ${listWords(k.supports.map(q))}` : '';
  return `Because it falls, ${[counts, supports].filter(Boolean).join(', and ')}.`;
}

/**
 * The explanation as one paragraph of plain English for a student, e.g. "Falls: «X» stands and attacks it. Its
 * reasons still stand, but a reason does not answer an objection." `nameOf` gives a claim's display name.
 */
export function explain(label: Label, explanation: Explanation, nameOf: (id: string) => string): string {
  return explanationLines(label, explanation, nameOf).join(' ');
}

// ---------------------------------------------------------------------------------------------------------
// Strength (DF-QuAD)
// ---------------------------------------------------------------------------------------------------------

/** Every claim's base score. */
export const BASE_SCORE = 0.5;
/** Iteration on cycles stops when no strength moves by more than this... */
const TOLERANCE = 1e-9;
/** ...or after this many rounds, and then reports that it did not converge. */
const MAX_ROUNDS = 1000;

export interface Strengths {
  /** DF-QuAD strength in [0, 1] of every claim that `evaluate` labels. */
  strengths: Record<string, number>;
  /** False when some cycle's strengths were still moving after the last round (see `unsettled`). */
  converged: boolean;
  /** Rounds of iteration the slowest cycle needed (0 when nothing depends on itself). */
  iterations: number;
  /** Claims whose strength depends on itself through a cycle, so it was iterated rather than computed once. */
  cyclic: string[];
  /** Claims on cycles whose strength had not settled after the last round. */
  unsettled: string[];
}

/**
 * DF-QuAD strengths (Rago, Toni, Aurisicchio & Baroni, KR 2016): every claim starts from the base score 0.5; its
 * attackers' and supporters' strengths are each combined by probabilistic sum (1 − Π(1 − v)); a link's
 * contribution is its source's strength times (1 − u) for each undercutter of strength u; then
 * σ = τ − τ·(va − vs) when the attacks weigh at least as much, σ = τ + (1 − τ)·(vs − va) otherwise. Accepted claims
 * are pinned to 1, rejected ones to 0. Claims are computed once each in dependency order; claims on cycles are
 * iterated together from the base scores until they settle (or `MAX_ROUNDS`, reported in the result).
 */
export function strengths(graph: EvaluableGraph, choices: Readonly<Record<string, Choice>> = {}): Strengths {
  const net = buildNet(graph);
  const fixed = fixedOf(net, choices);
  const C = net.claims.length;
  const s = new Float64Array(C).fill(BASE_SCORE);
  for (let x = 0; x < C; x++) if (fixed[x] !== U) s[x] = fixed[x] === T ? 1 : 0;

  const contribution = (l: number): number => net.undercutters[l].reduce((v, u) => v * (1 - s[u]), s[net.src[l]]);
  const combined = (links: number[]): number => 1 - links.reduce((p, l) => p * (1 - contribution(l)), 1);
  const score = (x: number): number => {
    const va = combined(net.attacksIn[x]);
    const vs = combined(net.supportsIn[x]);
    return va >= vs ? BASE_SCORE - BASE_SCORE * (va - vs) : BASE_SCORE + (1 - BASE_SCORE) * (vs - va);
  };

  // x depends on the sources and undercutters of the links into it.
  const dependsOn: number[][] = [];
  for (let x = 0; x < C; x++) {
    const into = [...net.supportsIn[x], ...net.attacksIn[x]];
    dependsOn.push([...new Set(into.flatMap((l) => [net.src[l], ...net.undercutters[l]]))]);
  }
  const comp = components(C, dependsOn);
  const members: number[][] = [];
  for (let x = 0; x < C; x++) (members[comp[x]] ??= []).push(x);

  let iterations = 0;
  const cyclic: number[] = [];
  const unsettled: number[] = [];
  // Components complete after everything they depend on, so their numbering is an evaluation order.
  for (const group of members) {
    const free = group.filter((x) => fixed[x] === U);
    if (group.length === 1 && !dependsOn[group[0]].includes(group[0])) {
      if (free.length === 1) s[free[0]] = score(free[0]);
      continue;
    }
    cyclic.push(...group);
    let rounds = 0;
    let moved = Infinity;
    while (moved > TOLERANCE && rounds < MAX_ROUNDS) {
      const next = free.map(score); // every member from the same previous round, so order does not matter
      moved = 0;
      free.forEach((x, i) => {
        moved = Math.max(moved, Math.abs(next[i] - s[x]));
        s[x] = next[i];
      });
      rounds++;
    }
    iterations = Math.max(iterations, rounds);
    if (moved > TOLERANCE) unsettled.push(...group);
  }

  const result: Record<string, number> = {};
  for (const n of graph.nodes) {
    const x = net.claimAt.get(n.id);
    if (x !== undefined) result[n.id] = s[x];
  }
  const ids = (list: number[]): string[] => list.map((x) => net.claims[x]).sort(byCodeUnits);
  return { strengths: result, converged: unsettled.length === 0, iterations, cyclic: ids(cyclic), unsettled: ids(unsettled) };
}

/** Five bands of strength, weakest first. */
export const BANDS = ['very weak', 'weak', 'balanced', 'strong', 'very strong'] as const;
export type Band = (typeof BANDS)[number];

/** very weak < 0.2 ≤ weak < 0.4 ≤ balanced < 0.6 ≤ strong < 0.8 ≤ very strong. */
export function band(strength: number): Band {
  return strength < 0.2 ? 'very weak' : strength < 0.4 ? 'weak' : strength < 0.6 ? 'balanced' : strength < 0.8 ? 'strong' : 'very strong';
}

/** Where the crisp label and the strength point different ways. */
export interface Disagreement {
  label: Label;
  strength: number;
  band: Band;
  /** The weighing leans for the claim (strong, very strong) or against it (weak, very weak). */
  leans: 'for' | 'against';
}

/**
 * The disagreement between a claim's label and its strength, if any: it stands but is weak or very weak, it
 * falls but is strong or very strong, or it is undecided while the weighing leans clearly one way.
 */
export function disagreement(label: Label, strength: number): Disagreement | undefined {
  const b = band(strength);
  const leans = b === 'strong' || b === 'very strong' ? 'for' : b === 'weak' || b === 'very weak' ? 'against' : undefined;
  if (leans === undefined || (label === 'IN' && leans === 'for') || (label === 'OUT' && leans === 'against')) return undefined;
  return { label, strength, band: b, leans };
}

/**
 * The disagreement in words for a 16-year-old. `kind` (the explanation's kind) says why the rules decided as they
 * did, when known.
 */
export function describeDisagreement(d: Disagreement, kind?: Explanation['kind']): string {
  const score = `${d.strength.toFixed(2)}, ${d.band}`;
  const weighed =
    d.leans === 'for'
      ? `weighed up, what speaks for it counts for more than what speaks against it (${score})`
      : `weighed up, what speaks against it counts for more than what speaks for it (${score})`;
  let text: string;
  if (d.label === 'IN') text = `by the rules it stands, because no objection to it holds; ${weighed}`;
  else if (d.label === 'UNDEC') text = `by the rules it is undecided, because nothing breaks the tie; ${weighed}`;
  else if (kind === 'unsupported') text = `by the rules it falls, because none of its reasons holds; weighed up, its fallen reasons still count for something (${score})`;
  else text = `by the rules it falls, because one objection that stands is enough; ${weighed}`;
  return `The two views disagree: ${text}. Which view convinces you?`;
}

/** Everything the panel shows for one claim: label, explanation, strength with its band, and any disagreement. */
export interface ClaimReading {
  label: Label;
  explanation: string;
  strength: number;
  band: Band;
  disagreement?: string;
}

/** One claim's reading from an evaluation and its strengths, in words (`nameOf` gives display names). */
export function claimReading(id: string, evaluation: Evaluation, strength: Strengths, nameOf: (id: string) => string): ClaimReading | undefined {
  const label = evaluation.labels[id];
  const value = strength.strengths[id];
  if (label === undefined || value === undefined) return undefined;
  const d = disagreement(label, value);
  return {
    label,
    explanation: explain(label, evaluation.explanations[id], nameOf),
    strength: value,
    band: band(value),
    ...(d ? { disagreement: describeDisagreement(d, evaluation.explanations[id].kind) } : {}),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Coherent sides
// ---------------------------------------------------------------------------------------------------------

/** One coherent way of settling a conflict. */
export interface Side {
  /** The contested claims that stand on this side: "If you side with «p»". */
  with: string[];
  /** Every claim of the conflict that stands on this side (`with` included), and every one that falls. */
  stands: string[];
  falls: string[];
}

/** Claims the map leaves undecided that hang together (they depend on each other through undecided links). */
export interface Conflict {
  claims: string[];
  /** Each coherent way of settling it; none when every way would overrule an attack that stands (an odd ring). */
  sides: Side[];
  /** More ways exist than were searched (`MAX_SIDES`). */
  more: boolean;
}

export interface CoherentSides {
  /** Every claim left undecided with no choices made, sorted by id. */
  undecided: string[];
  /** The conflicts among them, independent of each other, by their first claim id. */
  conflicts: Conflict[];
  /** Ways of settling the whole map: the product of the conflicts' numbers of sides (a conflict with none counts once). */
  ways: number;
  /** For each way of settling the whole map (at most `MAX_SIDES`), every claim that stands, sorted. */
  extensions: string[][];
}

/** Sides searched per conflict, and ways of settling the whole map listed. */
const MAX_SIDES = 64;

/**
 * The coherent ways of settling what the map leaves undecided. The undecided claims fall into independent
 * conflicts; for each, a side is a way of making every one of its claims stand or fall that obeys every rule
 * (a stable model of the conflict: no accepted claim is standing only because you accepted it, nothing falls
 * only because you rejected it). Found by trying "accept" before "reject" on the first undecided claim, then the
 * next, and keeping the outcomes that need neither choice.
 */
export function coherentSides(graph: EvaluableGraph): CoherentSides {
  const net = buildNet(graph);
  const C = net.claims.length;
  const L = net.links.length;
  const none = new Int8Array(C);
  const base = solve(net, none);
  const undecided = net.claims.filter((_, x) => base.claim[x] === U);

  // Conflicts: undecided claims joined by undecided links (source, target, undercutters), with a union-find.
  const parent = Int32Array.from({ length: C + L }, (_, i) => i);
  const find = (a: number): number => {
    while (parent[a] !== a) a = parent[a] = parent[parent[a]];
    return a;
  };
  const join = (a: number, b: number): void => {
    parent[find(a)] = find(b);
  };
  for (let l = 0; l < L; l++) {
    if (base.link[l] !== U) continue;
    for (const x of [net.src[l], net.dst[l], ...net.undercutters[l]]) if (base.claim[x] === U) join(C + l, x);
  }
  const groups = new Map<number, number[]>();
  for (let x = 0; x < C; x++) {
    if (base.claim[x] === U) groups.set(find(x), [...(groups.get(find(x)) ?? []), x]);
  }

  const conflicts: Conflict[] = [];
  for (const group of groups.values()) {
    const inGroup = new Set(group);
    const root = find(group[0]);
    const linksIn = new Set<number>();
    for (let l = 0; l < L; l++) if (base.link[l] === U && find(C + l) === root) linksIn.add(l);
    const contested = group.filter((x) => net.attacksIn[x].some((l) => linksIn.has(l)));
    const sides: Side[] = [];
    const seen = new Set<string>();
    const stack: Int8Array[] = [none];
    let leaves = 0;
    while (stack.length > 0 && leaves < MAX_SIDES) {
      const hypotheses = stack.pop() as Int8Array;
      const model = solve(net, hypotheses);
      const open = group.find((x) => model.claim[x] === U);
      if (open !== undefined) {
        const reject = hypotheses.slice();
        reject[open] = F;
        const accept = hypotheses.slice();
        accept[open] = T;
        stack.push(reject, accept);
        continue;
      }
      leaves++;
      if (!stableOn(net, model, inGroup, linksIn)) continue;
      const stands = group.filter((x) => model.claim[x] === T);
      const key = stands.join(',');
      if (seen.has(key)) continue;
      seen.add(key);
      const standing = contested.filter((x) => model.claim[x] === T);
      sides.push({
        with: (standing.length > 0 ? standing : stands).map((x) => net.claims[x]),
        stands: stands.map((x) => net.claims[x]),
        falls: group.filter((x) => model.claim[x] === F).map((x) => net.claims[x]),
      });
    }
    sides.sort((a, b) => byCodeUnits(a.stands.join(','), b.stands.join(',')));
    conflicts.push({ claims: group.map((x) => net.claims[x]), sides, more: stack.length > 0 });
  }
  conflicts.sort((a, b) => byCodeUnits(a.claims[0], b.claims[0]));

  const ways = conflicts.reduce((n, c) => n * Math.max(1, c.sides.length), 1);
  const settled = net.claims.filter((_, x) => base.claim[x] === T);
  let extensions: string[][] = [settled];
  for (const c of conflicts) {
    if (c.sides.length === 0) continue;
    extensions = extensions.flatMap((ext) => c.sides.map((side) => [...ext, ...side.stands])).slice(0, MAX_SIDES);
  }
  return { undecided, conflicts, ways, extensions: extensions.map((ext) => [...ext].sort(byCodeUnits)) };
}

/**
 * Whether a model that decides every atom of one conflict is stable there: the claims and links of the conflict
 * that can be derived from premises and from what stands outside the conflict, reading each attack and undercut
 * as the model decides it, are exactly those the model makes stand or work.
 */
function stableOn(net: Net, model: Model, claims: Set<number>, links: Set<number>): boolean {
  const C = net.claims.length;
  const derived = new Uint8Array(C + net.links.length);
  const stack: number[] = [];
  const landed = (x: number): boolean => net.attacksIn[x].some((l) => model.link[l] === T);
  const cut = (l: number): boolean => net.undercutters[l].some((u) => model.claim[u] === T);
  const derive = (a: number): void => {
    if (derived[a]) return;
    derived[a] = 1;
    stack.push(a);
  };
  for (const x of claims) {
    if (landed(x)) continue;
    if (net.supportsIn[x].length === 0 || net.supportsIn[x].some((l) => !links.has(l) && model.link[l] === T)) derive(x);
  }
  for (const l of links) if (!claims.has(net.src[l]) && model.claim[net.src[l]] === T && !cut(l)) derive(C + l);
  while (stack.length > 0) {
    const a = stack.pop() as number;
    if (a < C) {
      for (const l of net.out[a]) if (links.has(l) && !cut(l)) derive(C + l);
    } else {
      const l = a - C;
      const y = net.dst[l];
      if (!net.attack[l] && claims.has(y) && !landed(y)) derive(y);
    }
  }
  for (const x of claims) if (Boolean(derived[x]) !== (model.claim[x] === T)) return false;
  for (const l of links) if (Boolean(derived[C + l]) !== (model.link[l] === T)) return false;
  return true;
}
