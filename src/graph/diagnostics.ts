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
