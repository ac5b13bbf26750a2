/** How diagnostics read in a terminal and in build errors: `file:line  claim  message`, then the hint. */
import type { Diagnostic } from './types.ts';

export function formatDiagnostic(d: Diagnostic): string {
  const claim = d.claim ? ` [${d.claim}]` : '';
  return `${d.file}:${d.line}${claim} ${d.severity}: ${d.message}\n    hint: ${d.hint}`;
}

/** Errors first, then by file and line, so output is stable. */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  const rank = (d: Diagnostic) => (d.severity === 'error' ? 0 : 1);
  return [...list].sort((a, b) => rank(a) - rank(b) || a.file.localeCompare(b.file) || a.line - b.line || a.code.localeCompare(b.code));
}

/** Thrown by the build when content has errors; its message lists them all. */
export class ContentError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    super(`${errors.length} content error${errors.length === 1 ? '' : 's'}:\n${errors.map(formatDiagnostic).join('\n')}`);
    this.name = 'ContentError';
    this.diagnostics = diagnostics;
  }
}

/**
 * Column (1-based) a diagnostic points at on its line: where the last `code span` or "quoted value" of its
 * message appears on the line (usually the offending value), else the line's first non-blank character.
 */
export function diagnosticColumn(d: Pick<Diagnostic, 'message'>, lineText: string): number {
  const spans = [...d.message.matchAll(/`([^`]+)`|"([^"]+)"/g)].map((m) => m[1] ?? m[2]).reverse();
  for (const span of spans) {
    const at = lineText.indexOf(span);
    if (at >= 0) return at + 1;
  }
  return lineText.search(/\S|$/) + 1;
}

/**
 * A code frame: up to `context` lines either side of `line` (kept within `first`..`last`), numbered, the line
 * itself marked with `>` and a caret under `column`.
 */
export function codeFrame(text: string, line: number, column: number, options: { first?: number; last?: number; context?: number } = {}): string {
  const lines = text.split(/\r?\n/);
  const context = options.context ?? 3;
  const from = Math.max(options.first ?? 1, line - context, 1);
  const to = Math.min(options.last ?? lines.length, line + context, lines.length);
  const width = String(to).length;
  const out: string[] = [];
  for (let n = from; n <= to; n++) {
    out.push(`${n === line ? '>' : ' '} ${String(n).padStart(width)} | ${lines[n - 1]}`.trimEnd());
    if (n === line) out.push(`  ${' '.repeat(width)} | ${' '.repeat(Math.max(column - 1, 0))}^`);
  }
  return out.join('\n');
}
