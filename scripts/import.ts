/**
 * `npm run import -- <file> [--out DIR] [--name NAME] [--format argdown|aif|kialo] [--content DIR] [--force]`:
 * see `scripts/lib/import-command.ts`.
 */
import { runImport } from './lib/import-command.ts';

process.exitCode = await runImport(process.argv.slice(2), {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  tty: process.stderr.isTTY,
  write: (text) => process.stderr.write(text),
});
