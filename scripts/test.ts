/**
 * `npm test`: the whole gate, in order, stopping at the first failure:
 * type check + graph validation, unit tests, a production build, then browser tests against it.
 */
import { spawnSync } from 'node:child_process';

const steps: [string, string[]][] = [
  ['Type check and graph validation', ['npm', 'run', 'check']],
  ['Unit tests', ['npx', 'vitest', 'run', '--project', 'unit']],
  ['Production build', ['npm', 'run', 'build']],
  ['Browser and build tests', ['npx', 'vitest', 'run', '--project', 'e2e']],
];

for (const [title, [command, ...args]] of steps) {
  console.log(`\n▶ ${title}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const env = { ...process.env };
  // The default build is the one the browser tests read; fixtures and sub-paths build elsewhere.
  delete env.CONTENT_ROOT;
  delete env.OUT_DIR;
  delete env.BASE_PATH;
  const run = spawnSync(command, args, { stdio: 'inherit', env });
  if (run.status !== 0) {
    console.error(`\n✗ ${title} failed (exit ${run.status}).`);
    process.exit(run.status ?? 1);
  }
  console.log(`✓ ${title} (${Math.round((Date.now() - started) / 1000)} s)`);
}
