/** Shared by the importer tests: validate an import's pages as a site of their own. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compileSite, formatDiagnostic } from '../../src/graph/index.ts';
import type { ImportResult } from '../../src/graph/import/types.ts';
import { pageFile, renderPage } from '../../src/graph/import/write.ts';

/** The formatted errors the compiler reports for the imported pages, alone in an empty content root. */
export async function validationErrors(result: ImportResult, name: string): Promise<string[]> {
  const root = await mkdtemp(path.join(tmpdir(), 'import-'));
  try {
    await writeFile(path.join(root, 'actors.yaml'), '[]\n');
    await writeFile(path.join(root, 'sources.yaml'), '[]\n');
    const dir = path.join(root, 'docs', 'imported', name);
    await mkdir(dir, { recursive: true });
    for (const page of result.pages) await writeFile(path.join(dir, pageFile(page)), renderPage(page));
    const compiled = await compileSite({ contentRoot: root, layout: false });
    return compiled.ok ? [] : compiled.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** A content folder with nothing but a home page and empty (or given) registries, in a new temporary folder. */
export async function minimalContent(prefix: string, actors = '[]\n'): Promise<{ dir: string; content: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  const content = path.join(dir, 'content');
  await mkdir(path.join(content, 'docs'), { recursive: true });
  await writeFile(path.join(content, 'actors.yaml'), actors);
  await writeFile(path.join(content, 'sources.yaml'), '[]\n');
  await writeFile(path.join(content, 'docs', 'index.mdx'), '---\ntitle: Home\n---\n\nHello.\n');
  return { dir, content };
}
