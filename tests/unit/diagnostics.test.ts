/** How diagnostics are shown: the terminal line, and the column and code frame the dev server's overlay gets. */
import { describe, expect, it } from 'vitest';
import { codeFrame, diagnosticColumn, formatDiagnostic, sortDiagnostics } from '../../src/graph/diagnostics.ts';
import type { Diagnostic } from '../../src/graph/types.ts';

const d = (over: Partial<Diagnostic>): Diagnostic => ({ severity: 'error', code: 'x', file: 'docs/a.mdx', line: 1, message: 'm', hint: 'h', ...over });

describe('formatDiagnostic', () => {
  it('gives file:line, the claim, the message and the hint', () => {
    expect(formatDiagnostic(d({ line: 7, claim: 'a', message: '`supports` points to unknown claim `b`', hint: 'Check it.' }))).toBe(
      'docs/a.mdx:7 [a] error: `supports` points to unknown claim `b`\n    hint: Check it.',
    );
    expect(formatDiagnostic(d({ severity: 'warning' }))).toBe('docs/a.mdx:1 warning: m\n    hint: h');
  });
});

describe('sortDiagnostics', () => {
  it('puts errors first, then orders by file and line', () => {
    const list = [d({ severity: 'warning', file: 'a' }), d({ file: 'b', line: 2 }), d({ file: 'b', line: 1 }), d({ file: 'a', line: 9 })];
    expect(sortDiagnostics(list).map((x) => `${x.severity[0]} ${x.file}:${x.line}`)).toEqual(['e a:9', 'e b:1', 'e b:2', 'w a:1']);
  });
});

describe('diagnosticColumn', () => {
  it('points at the last code span or quoted value of the message found on the line', () => {
    expect(diagnosticColumn({ message: '`supports` points to unknown claim `companies-must-coperate`' }, '    supports: [companies-must-coperate]')).toBe(16);
    expect(diagnosticColumn({ message: 'unknown kind "claimm"' }, '    kind: claimm')).toBe(11);
    // The span only appears in the message, not on the line: the line's first character.
    expect(diagnosticColumn({ message: 'the claim `x` has no relations' }, '  - id: y')).toBe(3);
    expect(diagnosticColumn({ message: 'm' }, '')).toBe(1);
  });
});

describe('codeFrame', () => {
  const text = ['---', 'title: T', 'claims:', '  - id: a', '    supports: [b]', '---', 'Body'].join('\n');

  it('numbers the lines around the error, marks it and puts a caret under the column', () => {
    expect(codeFrame(text, 5, 16, { context: 1 })).toBe(['  4 |   - id: a', '> 5 |     supports: [b]', '    |                ^', '  6 | ---'].join('\n'));
  });

  it('stays within the first and last line it is given and pads numbers to the widest', () => {
    const long = Array.from({ length: 12 }, (_, i) => `line ${i + 1}`).join('\n');
    expect(codeFrame(long, 10, 1, { last: 10 }).split('\n')).toEqual(['   7 | line 7', '   8 | line 8', '   9 | line 9', '> 10 | line 10', '     | ^']);
    expect(codeFrame(text, 1, 1).split('\n')[0]).toBe('> 1 | ---');
  });
});
