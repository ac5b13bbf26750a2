import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { glob } from 'astro/loaders';
import { i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { PageGraphFieldsSchema } from './graph/schema.ts';
import { contentRoot } from './integrations/content-root.ts';

// The graph compiler checks a page's claims itself and reports a problem with its file, line and claim (build,
// `npm run graph`, dev server). Here the same schema only types the fields, and a bad value is caught rather
// than printed a second time, without a line, by the content layer.
const { claims, focus, map } = PageGraphFieldsSchema.shape;
const GraphFields = z.object({ claims: claims.catch([]), focus: focus.catch([]), map: map.catch(undefined) });

export const collections = {
  // Starlight's own loader only reads src/content/docs; contributors edit content/docs instead.
  docs: defineCollection({
    loader: glob({ base: `${contentRoot()}/docs`, pattern: '**/[^_]*.{md,mdx}' }),
    schema: docsSchema({ extend: GraphFields }),
  }),
  // Starlight always reads its `i18n` collection (UI strings), and Astro warns on every page when the collection is
  // missing or empty: src/content/i18n/en.json is an empty entry that overrides nothing.
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
};
