import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { PageGraphFieldsSchema } from './graph/schema.ts';
import { contentRoot } from './integrations/content-root.ts';

export const collections = {
  // Starlight's own loader only reads src/content/docs; contributors edit content/docs instead.
  docs: defineCollection({
    loader: glob({ base: `${contentRoot()}/docs`, pattern: '**/[^_]*.{md,mdx}' }),
    schema: docsSchema({ extend: PageGraphFieldsSchema }),
  }),
};
