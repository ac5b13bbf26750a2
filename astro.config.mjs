// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import starlight from '@astrojs/starlight';
import argumentGraph from './src/integrations/argument-graph.ts';
import exportRoutes from './src/integrations/exports.ts';
import { buildSidebar } from './src/integrations/sidebar.ts';
import { contentRoot } from './src/integrations/content-root.ts';

/** Deployment is configured from the environment: SITE_URL (optional) and BASE_PATH (default `/`). */
const site = process.env.SITE_URL || undefined;
const base = process.env.BASE_PATH || '/';

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  outDir: process.env.OUT_DIR || './dist',
  // The content layer caches entries per cache folder: another content root gets its own, so fixture and
  // benchmark builds never leak entries into the site's build.
  cacheDir: process.env.CONTENT_ROOT ? `./node_modules/.astro/content-${contentRoot().replace(/[^a-zA-Z0-9]+/g, '-')}` : undefined,
  build: { inlineStylesheets: 'never' },
  // `~/components/Claim.astro` works from any MDX file, wherever CONTENT_ROOT puts it.
  vite: { resolve: { alias: { '~': fileURLToPath(new URL('./src', import.meta.url)) } } },
  integrations: [
    argumentGraph(),
    exportRoutes(),
    starlight({
      title: 'Blind spots or mass surveillance?',
      description: 'An argument map of the 2015 debate between UK counter-terrorism police and digital-rights campaigners.',
      lastUpdated: false,
      routeMiddleware: './src/routeData.ts',
      pagination: true,
      editLink: { baseUrl: process.env.EDIT_BASE_URL || undefined },
      components: {
        MarkdownContent: './src/components/overrides/MarkdownContent.astro',
        Search: './src/components/overrides/Search.astro',
      },
      customCss: ['./src/styles/map.css', './src/styles/print.css'],
      sidebar: buildSidebar(contentRoot()),
    }),
    mdx(),
  ],
});
