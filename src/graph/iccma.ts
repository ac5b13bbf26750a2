/**
 * Reading and writing abstract argumentation frameworks in the ICCMA competition formats: ASPARTIX `.apx`,
 * Trivial Graph Format `.tgf`, ICCMA 2023 `.i23`, and `.EE-*` answer files (lists of extensions).
 *
 * Safe names: the writers keep a name made only of `[a-z0-9_]` as it is, unless it contains `__`. Any other name
 * is escaped so that it is: each character outside `[a-z0-9]` (including `_`) becomes `__` followed by the two
 * lowercase hex digits of each of its UTF-8 bytes, so `supports:a->b` is written `supports__3aa__2d__3eb`.
 * The readers undo this for any name that contains `__` and is well formed (only `[a-z0-9]` and `__hh`), so a
 * written framework reads back unchanged; other names are read as they are. Pure: no Node APIs.
 */
import type { Framework } from './semantics.ts';

const PLAIN = /^[a-z0-9_]+$/;
const ENCODED = /^(?:[a-z0-9]|__[0-9a-f]{2})+$/;

/** Escapes a name that is not a plain `[a-z0-9_]` identifier (see the module comment); reversed by `decodeName`. */
export function encodeName(name: string): string {
  if (name === '') throw new Error('an argument name must not be empty');
  if (PLAIN.test(name) && !name.includes('__')) return name;
  let out = '';
  for (const ch of name) {
    if (/[a-z0-9]/.test(ch)) out += ch;
    else for (const byte of new TextEncoder().encode(ch)) out += `__${byte.toString(16).padStart(2, '0')}`;
  }
  return out;
}

/** Reverses `encodeName`; a name that is not a well-formed escape is returned as it is. */
export function decodeName(name: string): string {
  if (!name.includes('__') || !ENCODED.test(name)) return name;
  const bytes: number[] = [];
  for (let i = 0; i < name.length;) {
    if (name.startsWith('__', i)) {
      bytes.push(parseInt(name.slice(i + 2, i + 4), 16));
      i += 4;
    } else {
      bytes.push(name.charCodeAt(i));
      i += 1;
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes));
  } catch {
    return name; // not valid UTF-8: not one of ours
  }
}

/** Builds a framework from names and attack pairs, rejecting attacks on undeclared arguments. */
function framework(args: string[], attacks: [string, string][], format: string): Framework {
  const known = new Set(args);
  for (const [a, b] of attacks) {
    for (const x of [a, b]) if (!known.has(x)) throw new Error(`${format}: attack (${a}, ${b}) names undeclared argument "${x}"`);
  }
  return { args, attacks };
}

/** Parses ASPARTIX `.apx` text: `arg(a).` and `att(a,b).` facts; `%` starts a comment. */
export function parseApx(text: string): Framework {
  const args: string[] = [];
  const attacks: [string, string][] = [];
  const body = text.replace(/%.*$/gm, '');
  const fact = /\b(arg|att)\s*\(\s*([^\s(),]+)\s*(?:,\s*([^\s(),]+)\s*)?\)\s*\./g;
  for (const m of body.matchAll(fact)) {
    if (m[1] === 'arg' && m[3] === undefined) args.push(decodeName(m[2]));
    else if (m[1] === 'att' && m[3] !== undefined) attacks.push([decodeName(m[2]), decodeName(m[3])]);
    else throw new Error(`apx: malformed fact "${m[0]}"`);
  }
  return framework(args, attacks, 'apx');
}

/** Parses Trivial Graph Format: one argument per line, a `#` line, then `attacker attacked` lines. */
export function parseTgf(text: string): Framework {
  const args: string[] = [];
  const attacks: [string, string][] = [];
  let inAttacks = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') continue;
    if (line === '#') {
      inAttacks = true;
      continue;
    }
    const parts = line.split(/\s+/); // TGF allows a label after the id(s): it is ignored
    if (!inAttacks) args.push(decodeName(parts[0]));
    else if (parts.length >= 2) attacks.push([decodeName(parts[0]), decodeName(parts[1])]);
    else throw new Error(`tgf: attack line "${line}" needs two arguments`);
  }
  return framework(args, attacks, 'tgf');
}

/**
 * Parses ICCMA 2023 `.i23`: a `p af N` header, then `i j` attack lines over arguments 1..N. Arguments are
 * named `1`..`N`, except where a comment `# k = name` gives argument k a name.
 */
export function parseI23(text: string): Framework {
  let n = -1;
  const names = new Map<number, string>();
  const pairs: [number, number][] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') continue;
    if (line.startsWith('#')) {
      const m = /^#\s*(\d+)\s*=\s*(\S(?:.*\S)?)\s*$/.exec(line);
      if (m) names.set(Number(m[1]), m[2]);
      continue;
    }
    const header = /^p\s+af\s+(\d+)$/.exec(line);
    if (header) {
      n = Number(header[1]);
      continue;
    }
    const m = /^(\d+)\s+(\d+)$/.exec(line);
    if (!m || n < 0) throw new Error(`i23: unexpected line "${line}"`);
    pairs.push([Number(m[1]), Number(m[2])]);
  }
  if (n < 0) throw new Error('i23: missing "p af N" header');
  const args = Array.from({ length: n }, (_, i) => names.get(i + 1) ?? String(i + 1));
  if (new Set(args).size !== n) throw new Error('i23: two arguments have the same name');
  for (const [i, j] of pairs) {
    if (i < 1 || i > n || j < 1 || j > n) throw new Error(`i23: attack ${i} ${j} is outside 1..${n}`);
  }
  return { args, attacks: pairs.map(([i, j]) => [args[i - 1], args[j - 1]]) };
}

/** Writes `.apx`: one `arg(..).` line per argument, then one `att(..,..).` line per attack, in framework order. */
export function toApx(fw: Framework): string {
  const lines = [...fw.args.map((a) => `arg(${encodeName(a)}).`), ...fw.attacks.map(([a, b]) => `att(${encodeName(a)},${encodeName(b)}).`)];
  return lines.map((l) => `${l}\n`).join('');
}

/** Writes `.tgf`: argument names, a `#` line, then `attacker attacked` lines, in framework order. */
export function toTgf(fw: Framework): string {
  const lines = [...fw.args.map(encodeName), '#', ...fw.attacks.map(([a, b]) => `${encodeName(a)} ${encodeName(b)}`)];
  return lines.map((l) => `${l}\n`).join('');
}

/**
 * Parses an ICCMA'15 extension-enumeration answer (`.EE-PR` and the like): `[[a,b],[c]]`, `[]` (no extension)
 * or `[[]]` (only the empty extension). Whitespace is ignored; extensions come back in file order.
 */
export function parseExtensionsFile(text: string): string[][] {
  const s = text.replace(/\s+/g, '');
  if (!/^\[(?:\[[^[\]]*\](?:,\[[^[\]]*\])*)?\]$/.test(s)) throw new Error(`extensions: cannot parse "${text.trim()}"`);
  return [...s.slice(1, -1).matchAll(/\[([^[\]]*)\]/g)].map((m) => (m[1] === '' ? [] : m[1].split(',').map(decodeName)));
}
