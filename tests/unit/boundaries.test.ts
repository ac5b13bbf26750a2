/**
 * The browser's code stays lean: nothing under src/scripts imports, directly or through other modules, the
 * build-time graph code that pulls in Zod or the file system (schema.ts, layout.ts, load.ts), Zod itself, or a
 * Node built-in. `import type` (and `export type … from`) is ignored: it is erased before the code runs. Under the
 * project's `verbatimModuleSyntax`, `import { type X } from` is not erased (it becomes a bare import), so it counts.
 * A failure names the whole chain of imports that leads to the forbidden module.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLIENT = 'src/scripts';
const FORBIDDEN_FILES = ['src/graph/schema.ts', 'src/graph/layout.ts', 'src/graph/load.ts'];
const forbiddenPackage = (spec: string) =>
  spec === 'zod' || spec.startsWith('zod/') || spec === 'astro/zod' || spec.startsWith('node:') || builtinModules.includes(spec.split('/')[0]);

/** The modules a file loads when it runs: static imports and re-exports that are not type-only, and `import()`. */
export function runtimeImports(code: string, fileName = 'x.ts'): string[] {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && node.importClause?.phaseModifier !== ts.SyntaxKind.TypeKeyword) found.push(node.moduleSpecifier.text);
    else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) && !node.isTypeOnly) found.push(node.moduleSpecifier.text);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteralLike(node.arguments[0])) found.push(node.arguments[0].text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** A project file for a relative or `~/` specifier (the alias for src/), or undefined for a package. */
function resolveLocal(spec: string, from: string): string | undefined {
  const base = spec.startsWith('~/') ? path.join(ROOT, 'src', spec.slice(2)) : spec.startsWith('.') ? path.resolve(path.dirname(from), spec) : undefined;
  if (!base) return undefined;
  for (const candidate of [base, `${base}.ts`, path.join(base, 'index.ts')]) if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  throw new Error(`${path.relative(ROOT, from)} imports ${spec}, which does not exist`);
}

/** Every chain of imports from a file under `entryDir` to a forbidden module, shortest first, one per forbidden module. */
export function forbiddenChains(entryDir: string): string[] {
  const rel = (file: string) => path.relative(ROOT, file).split(path.sep).join('/');
  const entries = readdirSync(path.join(ROOT, entryDir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.ts$/.test(f))
    .sort()
    .map((f) => path.join(ROOT, entryDir, f));
  // Breadth first, so the chain found to each module is a shortest one.
  const via = new Map<string, string | undefined>(entries.map((e) => [e, undefined]));
  const queue = [...entries];
  const chains = new Map<string, string>();
  const chainTo = (file: string): string[] => (via.get(file) ? [...chainTo(via.get(file)!), rel(file)] : [rel(file)]);
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const spec of runtimeImports(readFileSync(file, 'utf8'), file)) {
      const target = resolveLocal(spec, file);
      if (!target) {
        if (forbiddenPackage(spec) && !chains.has(spec)) chains.set(spec, [...chainTo(file), spec].join(' → '));
        continue;
      }
      if (FORBIDDEN_FILES.includes(rel(target)) && !chains.has(rel(target))) chains.set(rel(target), [...chainTo(file), rel(target)].join(' → '));
      if (!via.has(target)) {
        via.set(target, file);
        queue.push(target);
      }
    }
  }
  return [...chains.values()];
}

describe('runtimeImports', () => {
  it('finds static imports, re-exports and import(), and skips type-only ones', () => {
    const code = [
      "import a from './a.ts';",
      "import { b, type B } from './b.ts';",
      "import { type C } from './c.ts';",
      "import type { D } from './d.ts';",
      "import './e.css';",
      "export { f } from './f.ts';",
      "export type { G } from './g.ts';",
      "export * from './h.ts';",
      "const i = await import('./i.ts');",
      '// import nothing from "./comment.ts";',
      "const s = \"import x from './string.ts'\";",
    ].join('\n');
    expect(runtimeImports(code)).toEqual(['./a.ts', './b.ts', './c.ts', './e.css', './f.ts', './h.ts', './i.ts']);
  });
});

describe('the browser code (src/scripts)', () => {
  it('does not import schema.ts, layout.ts, load.ts, Zod or a Node built-in, directly or indirectly', () => {
    const chains = forbiddenChains(CLIENT);
    expect(chains, `forbidden imports in the browser code:\n${chains.join('\n')}`).toEqual([]);
  });

  it('would report a forbidden import with its chain (the check itself works)', () => {
    // src/graph imports Zod and the file system on purpose: the same walk from there must find them.
    const chains = forbiddenChains('src/graph');
    expect(chains).toContainEqual(expect.stringMatching(/^src\/graph\/index\.ts → (.+ → )?node:fs$/));
    expect(chains).toContainEqual(expect.stringMatching(/ → astro\/zod$/));
    expect(chains).toContainEqual(expect.stringMatching(/ → src\/graph\/schema\.ts$/));
  });
});
