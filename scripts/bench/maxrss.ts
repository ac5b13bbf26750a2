/**
 * Preloaded (`node --import`) into the build when GNU time is missing: writes the process's peak resident set
 * size in kB to $BENCH_RSS_FILE as it exits.
 */
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.BENCH_RSS_FILE) writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS));
});
