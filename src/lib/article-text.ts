/** The article of the current content folder and where its claims sit in it (build time only: reads a file). */
import fs from 'node:fs';
import path from 'node:path';
import { readArticle, type ArticleReading } from '../graph/article.ts';
import type { CompiledGraph } from '../graph/types.ts';
import type { Source } from '../graph/schema.ts';
import { contentRoot } from '../integrations/content-root.ts';

export function articleReading(graph: CompiledGraph): { article: Source; reading: ArticleReading } | undefined {
  const article = Object.values(graph.sources).find((s) => s.kind === 'article');
  // Resolve from the working directory: `import.meta.url` points into the bundle after the build.
  const file = article?.text ? path.resolve(process.cwd(), contentRoot(), article.text) : undefined;
  if (!article || !file || !fs.existsSync(file)) return undefined;
  return { article, reading: readArticle(fs.readFileSync(file, 'utf8'), graph, article.id) };
}
