/**
 * The project's Astro config with a private cache folder, so a benchmark build neither reuses nor clobbers the
 * content-layer cache (`node_modules/.astro`) of builds other people run at the same time.
 */
import config from '../../astro.config.mjs';

export default { ...config, ...(process.env.BENCH_CACHE_DIR ? { cacheDir: process.env.BENCH_CACHE_DIR } : {}) };
