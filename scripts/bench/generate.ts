/**
 * Synthetic debates for the benchmark: deterministic (seeded PRNG), valid under the graph compiler's rules,
 * written as a content root (`docs/*.mdx`, `actors.yaml`, `sources.yaml`, `sources/*.txt`) and as Argdown.
 *
 * Shape: one question; a few positions answering it (some attack each other); every other claim supports one
 * earlier claim or position (so supports form trees and can never cycle), mostly near its own page; on top of
 * the tree supports, attacks (~25 % of relations) and undercuts (~5 %, each naming an existing support).
 * Claims are declared on pages of 20, in generation order (so 100 claims → 5 pages).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

export type Kind = 'question' | 'position' | 'claim' | 'evidence' | 'assumption';

export interface SynthClaim {
  id: string;
  kind: Kind;
  text: string;
  label?: string;
  by?: string;
  source?: string;
  quote?: string;
  note?: string;
  answers?: string;
  supports: string[];
  attacks: string[];
  undercuts: { from: string; to: string }[];
  page: number;
}

export interface Debate {
  claims: SynthClaim[];
  pages: number;
  actors: { id: string; name: string; role: string; description: string }[];
  sources: { id: string; title: string; publisher: string; date: string; url: string; file: string; text: string }[];
  counts: { supports: number; attacks: number; undercuts: number; answers: number };
}

export const CLAIMS_PER_PAGE = 20;

/** mulberry32: small, fast, good enough for test data, and the same sequence on every machine. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)];
  return { next, int, pick };
}

const WORDS = (
  'police data access encryption messages companies platforms warrant oversight court minister privacy security ' +
  'terror threat network provider citizen public evidence report law power bulk targeted suspect intercept ' +
  'metadata retention service account request safeguard review judge agency budget risk harm crime victim ' +
  'trust market business model cooperation policy rule code key backdoor device phone email chat photo ' +
  'history record archive audit officer analyst warrantless legal framework statute amendment debate vote ' +
  'parliament committee inquiry witness expert study survey sample figure rate trend growth decline cost ' +
  'benefit balance right freedom speech expression liberty safety community family school hospital bank ' +
  'shop city region country border foreign domestic partner treaty standard protocol software update ' +
  'vulnerability attack defence response incident investigation case file tool method system database'
).split(' ');

function sentence(r: ReturnType<typeof prng>, min: number, max: number): string {
  const n = min + r.int(max - min + 1);
  const words = Array.from({ length: n }, () => r.pick(WORDS));
  return words.join(' ');
}
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Generate a debate of `size` claims (including the question and the positions). */
export function generateDebate(size: number, seed = 20151005): Debate {
  const r = prng(seed + size);
  const positions = Math.max(3, Math.min(12, Math.round(Math.sqrt(size) / 3)));
  const actors = Array.from({ length: 12 }, (_, i) => ({
    id: `actor-${i + 1}`,
    name: `Speaker ${i + 1}`,
    role: capital(sentence(r, 2, 4)),
    description: `${capital(sentence(r, 8, 14))}.`,
  }));
  // One source per ~40 evidence claims, each with a text of ~80 sentences that quotes are cut from.
  const sourceCount = Math.max(2, Math.ceil(size / 100));
  const sources = Array.from({ length: sourceCount }, (_, i) => {
    const sentences = Array.from({ length: 80 }, () => `${capital(sentence(r, 10, 24))}.`);
    const paragraphs: string[] = [];
    for (let j = 0; j < sentences.length; j += 5) paragraphs.push(sentences.slice(j, j + 5).join(' '));
    return {
      id: `source-${i + 1}`,
      title: capital(sentence(r, 4, 8)),
      publisher: `Publisher ${1 + (i % 7)}`,
      date: `2015-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      url: `https://example.org/sources/${i + 1}`,
      file: `sources/source-${i + 1}.txt`,
      text: `${paragraphs.join('\n\n')}\n`,
    };
  });
  const quoteFrom = (sourceIndex: number) => {
    const sentences = sources[sourceIndex].text.split(/(?<=\.)\s+/).filter((x) => x.length > 0);
    const words = r.pick(sentences).replace(/\.$/, '').split(' ');
    const len = Math.min(words.length, 5 + r.int(8));
    const start = r.int(words.length - len + 1);
    return words.slice(start, start + len).join(' ');
  };

  const claims: SynthClaim[] = [];
  const pageOf = (index: number) => Math.floor(index / CLAIMS_PER_PAGE);
  const make = (kind: Kind, id: string): SynthClaim => {
    const index = claims.length;
    // At most 110 characters, so no label warning (the limit is 120).
    const text = `${capital(sentence(r, 9, 15)).slice(0, 109).replace(/\s+\S*$/, '')}.`;
    const claim: SynthClaim = { id, kind, text, supports: [], attacks: [], undercuts: [], page: pageOf(index) };
    if (kind !== 'question' && r.next() < 0.6) claim.label = capital(sentence(r, 3, 6));
    claims.push(claim);
    return claim;
  };

  const question = make('question', 'main-question');
  question.text = `Should the ${sentence(r, 3, 5)} be allowed?`;
  const positionIds: string[] = [];
  for (let i = 0; i < positions; i++) {
    const p = make('position', `position-${i + 1}`);
    p.by = actors[i % actors.length].id;
    p.answers = question.id;
    positionIds.push(p.id);
  }
  // Reasons: each supports an earlier claim or position; leaves are evidence or assumptions.
  const reasonable: number[] = claims.map((_, i) => i).filter((i) => claims[i].kind === 'position');
  let n = 0;
  while (claims.length < size) {
    const roll = r.next();
    const kind: Kind = roll < 0.5 ? 'claim' : roll < 0.85 ? 'evidence' : 'assumption';
    n++;
    const c = make(kind, `${kind === 'claim' ? 'claim' : kind === 'evidence' ? 'evidence' : 'assumption'}-${n}`);
    // Parent: usually a recent claim (same or previous page), sometimes anything earlier, sometimes a position.
    // `reasonable` is ascending, so the recent ones are a suffix.
    let from = reasonable.length;
    while (from > positions && claims.length - 1 - reasonable[from - 1] <= 2 * CLAIMS_PER_PAGE) from--;
    const recent = reasonable.slice(from);
    const roll2 = r.next();
    const parentIndex =
      roll2 < 0.1 || reasonable.length === positions
        ? r.int(positions) + 1
        : roll2 < 0.85 && recent.length
          ? r.pick(recent)
          : r.pick(reasonable);
    c.supports.push(claims[parentIndex].id);
    if (kind === 'claim') reasonable.push(claims.length - 1);
    if (kind === 'evidence') {
      const s = r.int(sources.length);
      c.by = r.pick(actors).id;
      c.source = sources[s].id;
      c.quote = quoteFrom(s);
    }
    if (kind === 'assumption') c.note = `Reconstructed: ${sentence(r, 6, 12)}.`;
    if (kind === 'claim' && r.next() < 0.3) c.by = r.pick(actors).id;
  }

  // Relations so far: one support per reason, one answer per position. Attacks ≈ 25 %, undercuts ≈ 5 % of all
  // relations (supports + attacks + undercuts, answers not counted): A = S·25/70, U = S·5/70.
  const supportCount = claims.reduce((sum, c) => sum + c.supports.length, 0);
  const attackTarget = Math.round((supportCount * 25) / 70);
  const undercutTarget = Math.round((supportCount * 5) / 70);
  const has = (from: SynthClaim, to: string) => from.supports.includes(to) || from.attacks.includes(to);
  let attacks = 0;
  // Positions: each attacks one other position.
  for (let i = 0; i < positions; i++) {
    const from = claims[1 + i];
    const to = claims[1 + ((i + 1 + r.int(positions - 1)) % positions)];
    if (to.id !== from.id && !has(from, to.id) && !has(to, from.id)) {
      from.attacks.push(to.id);
      attacks++;
    }
  }
  const nonQuestion = claims.slice(1);
  const indexOf = new Map(claims.map((c, i) => [c, i]));
  while (attacks < attackTarget) {
    const from = r.pick(nonQuestion);
    // Targets: mostly nearby (within two pages), sometimes anywhere.
    let to: SynthClaim;
    if (r.next() < 0.7) {
      const centre = indexOf.get(from)!;
      const lo = Math.max(1, centre - 2 * CLAIMS_PER_PAGE);
      const hi = Math.min(claims.length - 1, centre + 2 * CLAIMS_PER_PAGE);
      to = claims[lo + r.int(hi - lo + 1)];
    } else to = r.pick(nonQuestion);
    if (to.id === from.id || has(from, to.id) || has(to, from.id)) continue;
    if (from.kind === 'position' && to.kind !== 'position' && to.kind !== 'claim') continue;
    from.attacks.push(to.id);
    attacks++;
  }
  // Undercuts: a claim, evidence or assumption names an existing support from another claim.
  const supportsList = claims.flatMap((c) => c.supports.map((to) => ({ from: c.id, to })));
  const undercutters = claims.filter((c) => c.kind !== 'question' && c.kind !== 'position');
  const taken = new Set<string>();
  let undercuts = 0;
  while (undercuts < undercutTarget) {
    const target = r.pick(supportsList);
    const by = r.pick(undercutters);
    const key = `${by.id} ${target.from} ${target.to}`;
    if (by.id === target.from || by.id === target.to || taken.has(key)) continue;
    taken.add(key);
    by.undercuts.push(target);
    undercuts++;
  }
  return {
    claims,
    pages: Math.ceil(claims.length / CLAIMS_PER_PAGE),
    actors,
    sources,
    counts: { supports: supportCount, attacks, undercuts, answers: positions },
  };
}

/** A YAML scalar: JSON strings are valid YAML double-quoted scalars. */
const q = (s: string) => JSON.stringify(s);
const list = (ids: string[]) => `[${ids.join(', ')}]`;

export const pageSlug = (page: number) => (page === 0 ? 'index' : `part-${String(page).padStart(3, '0')}`);

/** Write the debate as a content root in `dir` (created; must not hold an older debate). */
export async function writeContentRoot(debate: Debate, dir: string): Promise<void> {
  await mkdir(path.join(dir, 'docs'), { recursive: true });
  await mkdir(path.join(dir, 'sources'), { recursive: true });
  const r = prng(debate.claims.length);
  const actorsYaml = debate.actors
    .map((a) => `- id: ${a.id}\n  name: ${q(a.name)}\n  role: ${q(a.role)}\n  description: ${q(a.description)}\n`)
    .join('');
  const sourcesYaml = debate.sources
    .map((s) => `- id: ${s.id}\n  title: ${q(s.title)}\n  publisher: ${q(s.publisher)}\n  date: ${q(s.date)}\n  url: ${q(s.url)}\n  kind: report\n  text: ${s.file}\n`)
    .join('');
  await writeFile(path.join(dir, 'actors.yaml'), actorsYaml);
  await writeFile(path.join(dir, 'sources.yaml'), sourcesYaml);
  for (const s of debate.sources) await writeFile(path.join(dir, s.file), s.text);

  for (let page = 0; page < debate.pages; page++) {
    const claims = debate.claims.filter((c) => c.page === page);
    const lines = ['---', `title: ${q(page === 0 ? 'Overview' : `Part ${page}: ${capital(sentence(r, 2, 4))}`)}`, `description: ${q(`${capital(sentence(r, 12, 20))}.`)}`, 'claims:'];
    for (const c of claims) {
      lines.push(`  - id: ${c.id}`, `    kind: ${c.kind}`, `    text: ${q(c.text)}`);
      if (c.label) lines.push(`    label: ${q(c.label)}`);
      if (c.by) lines.push(`    by: ${c.by}`);
      if (c.source) lines.push(`    source: ${c.source}`);
      if (c.quote) lines.push(`    quote: ${q(c.quote)}`);
      if (c.note) lines.push(`    note: ${q(c.note)}`);
      if (c.answers) lines.push(`    answers: ${c.answers}`);
      if (c.supports.length) lines.push(`    supports: ${list(c.supports)}`);
      if (c.attacks.length) lines.push(`    attacks: ${list(c.attacks)}`);
      if (c.undercuts.length) {
        lines.push('    undercuts:');
        for (const u of c.undercuts) lines.push(`      - { from: ${u.from}, to: ${u.to} }`);
      }
    }
    lines.push('---', '');
    // A little prose, citing one claim of this page and one of the previous page inline.
    const cited = [claims[0].id, ...(page > 0 ? [debate.claims[(page - 1) * CLAIMS_PER_PAGE + 1].id] : [])];
    lines.push('import Claim from "~/components/Claim.astro";', '');
    for (let p = 0; p < 3; p++) {
      const extra = cited[p] ? ` See <Claim id="${cited[p]}" />.` : '';
      lines.push(`${capital(sentence(r, 40, 70))}.${extra}`, '');
    }
    await writeFile(path.join(dir, 'docs', `${pageSlug(page)}.mdx`), lines.join('\n'));
  }
}

/**
 * The same debate in Argdown: `[id]: text` statements; under each statement `+ [x]` for a claim x that
 * supports it and `- [x]` for one that attacks it. An undercut support a → b is written as a one-step argument
 * `<a-to-b>` with premise [a] and conclusion [b] (instead of the plain `+`), and each undercutter as `_ [u]`
 * under that argument. Argdown has no `answers`: a position is written as supporting the question, so both
 * tools draw the same nodes and the same number of relations. With `groups`, each page's statements sit under a
 * heading (`# Part 3`), which Argdown draws as a group around them, and the undercut arguments under a last one; our
 * import keeps the statements and reports the headings as not kept.
 */
export function toArgdown(debate: Debate, { groups = false }: { groups?: boolean } = {}): string {
  const undercut = new Map<string, string[]>();
  for (const c of debate.claims) for (const u of c.undercuts) undercut.set(`${u.from} ${u.to}`, [...(undercut.get(`${u.from} ${u.to}`) ?? []), c.id]);
  const incoming = new Map<string, string[]>();
  const add = (to: string, line: string) => incoming.set(to, [...(incoming.get(to) ?? []), line]);
  for (const c of debate.claims) {
    if (c.answers) add(c.answers, `  + [${c.id}]`);
    for (const to of c.supports) if (!undercut.has(`${c.id} ${to}`)) add(to, `  + [${c.id}]`);
    for (const to of c.attacks) add(to, `  - [${c.id}]`);
  }
  const esc = (s: string) => s.replace(/[\\[\]<>{}#@*_/=`]/g, '\\$&');
  const blocks: string[] = ['// Synthetic debate generated by scripts/bench.ts'];
  debate.claims.forEach((c, i) => {
    if (groups && (i === 0 || c.page !== debate.claims[i - 1].page)) blocks.push(`# Part ${c.page + 1}`);
    blocks.push([`[${c.id}]: ${esc(c.text)}`, ...(incoming.get(c.id) ?? [])].join('\n'));
  });
  if (groups && undercut.size) blocks.push('# Undercut inferences');
  for (const [key, by] of undercut) {
    const [from, to] = key.split(' ');
    blocks.push(`<${from}-to-${to}>`, `(1) [${from}]\n----\n(2) [${to}]`);
    blocks.push([`<${from}-to-${to}>`, ...by.map((u) => `  _ [${u}]`)].join('\n'));
  }
  return `${blocks.join('\n\n')}\n`;
}
