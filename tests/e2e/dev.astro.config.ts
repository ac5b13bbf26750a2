/**
 * The project's Astro config with Vite's dependency cache in a folder of its own (VITE_CACHE_DIR): a test's dev
 * server then starts as on a fresh clone, dependency scan included, and leaves alone the cache of any dev
 * server someone is running in the same checkout.
 */
import config from '../../astro.config.mjs';

export default { ...config, vite: { ...config.vite, cacheDir: process.env.VITE_CACHE_DIR } };
