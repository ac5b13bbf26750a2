/**
 * The import command behind `npm run import` (`scripts/import.ts` runs it on the process): converts an Argdown
 * (.argdown/.ad), AIF (.json: AIFdb, AraucariaDB or OVA3) or Kialo (.txt starting with `Discussion Title:`) file into
 * docs pages, validates them together with the site content (the content folder with the pages laid over it,
 * compiled with `compileSite`), and only then writes them to DIR (default `content/docs/imported/<name>`). Writes
 * nothing on any error. Prints what was imported and everything not imported as written, with why and with counts.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { decodeText, printable } from '../../src/graph/decode.ts';
import { compileSite, formatDiagnostic } from '../../src/graph/index.ts';
import { checkImportName, kebab } from '../../src/graph/import/common.ts';
import { detectFormat, IMPORT_FORMATS, importAs, ImportError, pageFile, renderPage, type ImportFormat, type KnownActor, type KnownSource } from '../../src/graph/import/index.ts';

const usage = 'usage: npm run import -- <file> [--out DIR] [--name NAME] [--format argdown|aif|kialo] [--content DIR] [--force]';
/** Ends the command with an exit code; its message is already printed. */
class Exit {
  readonly code: number;
  constructor(code: number) {
    this.code = code;
  }
}

/** Where the command prints: lines on stdout and stderr, and progress (stderr, when it is worth showing). */
export interface ImportIo {
  out(line: string): void;
  err(line: string): void;
  /** Whether stderr is a terminal (progress then redraws one line). */
  tty?: boolean;
  write?(text: string): void;
}

/** `npm run import` with `args` (without `node script`); resolves to the exit code. Writes nothing on any error. */
export async function runImport(args: string[], io: ImportIo, env: Record<string, string | undefined> = process.env): Promise<number> {
  try {
    await command(args, io, env);
    return 0;
  } catch (error) {
    if (error instanceof Exit) return error.code;
    // An importer bug: one line, no stack, nothing written.
    io.err(printable(`✗ internal error while importing: ${(error as Error).message}\n  nothing written.`));
    return 70;
  }
}

async function command(args: string[], io: ImportIo, env: Record<string, string | undefined>): Promise<void> {
  // Everything printed passes through `printable`: names and texts from the input never reach the terminal as raw bytes.
  const fail = (message: string, code = 1): never => {
    io.err(printable(message));
    throw new Exit(code);
  };
  const say = (message: string) => io.out(printable(message));

  let parsed: ReturnType<typeof parseOptions>;
  function parseOptions() {
    return parseArgs({
      args,
      allowPositionals: true,
      options: {
        out: { type: 'string', short: 'o' },
        name: { type: 'string' },
        format: { type: 'string' },
        content: { type: 'string', default: env.CONTENT_ROOT ?? 'content' },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
    });
  }
  try {
    parsed = parseOptions();
  } catch (error) {
    fail(`${(error as Error).message}\n${usage}`, 2);
  }
  const { values, positionals } = parsed!;
  if (values.help) {
    io.out(usage);
    return;
  }
  if (positionals.length !== 1) fail(usage, 2);
  const file = positionals[0];
  const contentDir = path.resolve(values.content!);

  const bytes = await readFile(file).catch((error: Error) => fail(`✗ ${file}: cannot read: ${error.message}`));
  if (bytes.length === 0) fail(`✗ ${file}: the file is empty (0 bytes): there is nothing to import.\n  nothing written.`);
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    const { line, column, message, hint } = decoded.problem;
    fail(`✗ ${file}:${line}:${column}: ${message}\n  hint: ${hint}\n  nothing written.`);
  }
  const text = decoded.ok ? decoded.text : '';
  if (!text.trim()) fail(`✗ ${file}: the file holds only blank space (${bytes.length} bytes): there is nothing to import.\n  nothing written.`);
  const name = values.name ?? kebab(path.basename(file).replace(/\.[^.]+$/, ''), 8, 40);
  try {
    checkImportName(name);
  } catch (error) {
    fail(`${(error as Error).message}; pass --name`, 2);
  }
  const format = (values.format ?? detectFormat(file, text)) as ImportFormat | undefined;
  if (!format || !IMPORT_FORMATS.includes(format)) {
    fail(`${file}: cannot tell the format; use .argdown/.ad, .json (AIF) or a Kialo .txt export, or pass --format ${IMPORT_FORMATS.join('|')}`, 2);
  }

  // Speakers become `by`, and sources `source`, only for actors and sources the site knows.
  const registry = async (file: string): Promise<Record<string, unknown>[]> => {
    try {
      const list = parseYaml(await readFile(path.join(contentDir, file), 'utf8'));
      return Array.isArray(list) ? list.filter((x) => typeof x?.id === 'string') : [];
    } catch {
      return []; // A missing or broken registry is reported by the validation below.
    }
  };
  const actors: KnownActor[] = (await registry('actors.yaml')).filter((a) => typeof a.name === 'string').map((a) => ({ id: a.id as string, name: a.name as string }));
  const sources: KnownSource[] = (await registry('sources.yaml')).map((s) => ({ id: s.id as string, kind: String(s.kind), ...(typeof s.url === 'string' ? { url: s.url } : {}) }));

  // Progress on stderr: for a terminal, or for large inputs.
  const showProgress = io.write && (io.tty || text.length > 1_000_000);
  const onProgress = showProgress
    ? (done: number, total: number) => {
        const line = `  converting: ${done}/${total}`;
        io.write!(io.tty ? `\r${line}${done === total ? '\n' : ''}` : `${line}\n`);
      }
    : undefined;

  let result: ReturnType<typeof importAs>;
  try {
    result = importAs(format!, text, { name, file, actors, sources, onProgress });
  } catch (error) {
    if (error instanceof ImportError) fail(`✗ ${error.message}\n  nothing written.`);
    throw error;
  }
  const { pages, report } = result!;

  // Where the pages go, and where they sit in the temporary copy of the content.
  const out = path.resolve(values.out ?? path.join(contentDir, 'docs', 'imported', name));
  const docsDir = path.join(contentDir, 'docs');
  const insideDocs = out.startsWith(docsDir + path.sep);
  const existing = await readdir(out).catch(() => [] as string[]);
  if (existing.length && !values.force) {
    fail(`✗ ${path.relative(process.cwd(), out)} already exists and is not empty; remove it or pass --force to replace its pages.\n  nothing written.`);
  }
  // --force replaces only pages an earlier import wrote (they carry the marker of `singlePageResult`).
  const MARKER = 'with `npm run import`';
  const replaced = existing.filter((f) => f.endsWith('.mdx'));
  for (const f of replaced) {
    if (!(await readFile(path.join(out, f), 'utf8')).includes(MARKER)) fail(`✗ ${path.join(out, f)} was not written by an import; refusing to replace it.\n  nothing written.`);
  }

  // Validate the pages together with the site content, as if they were written (nothing is written yet).
  // Inside docs/, check them where they will live; elsewhere, in a folder no existing page uses.
  const rel = (p: string) => path.relative(process.cwd(), p).split(path.sep).join('/');
  const checkDir = insideDocs ? path.relative(docsDir, out).split(path.sep).join('/') : `.import-check/${name}`;
  const overlay: Record<string, string | null> = {};
  for (const f of replaced) overlay[`${checkDir}/${f}`] = null;
  for (const page of pages) overlay[`${checkDir}/${pageFile(page)}`] = renderPage(page);
  const checked = await compileSite({ contentRoot: contentDir, layout: false, overlay });
  // Messages name the files where they will be written.
  const shown = (file: string) => (insideDocs ? file : file.replace(rel(path.join(docsDir, checkDir)), rel(out)));
  const mine = `${rel(path.join(docsDir, checkDir))}/`;
  let invalid = '';
  let warningLine = '';
  if (!checked.ok) {
    const errors = checked.diagnostics.filter((d) => d.severity === 'error');
    for (const d of errors.slice(0, 50)) io.err(printable(formatDiagnostic({ ...d, file: shown(d.file) })));
    if (errors.length > 50) io.err(`… and ${errors.length - 50} more`);
    invalid = `\n✗ the imported pages do not validate with the site content in ${values.content} (${errors.length} error${errors.length === 1 ? '' : 's'}): nothing written.`;
  } else {
    const warnings = checked.graph.diagnostics.filter((d) => d.file.startsWith(mine));
    const byCode = new Map<string, number>();
    for (const w of warnings) byCode.set(w.code, (byCode.get(w.code) ?? 0) + 1);
    if (warnings.length) warningLine = `  validation warnings on the imported pages: ${[...byCode].map(([c, n]) => `${c} ${n}`).join(', ')}`;
  }
  if (invalid) fail(invalid);

  // Validated: write.
  await mkdir(out, { recursive: true });
  for (const f of replaced) await rm(path.join(out, f));
  const list = (counts: Record<string, number>) => Object.entries(counts).map(([k, n]) => `${k} ${n}`).join(', ') || 'none';
  say(`✓ imported ${file} (${format}) as \`${name}\``);
  for (const page of pages) {
    const target = path.join(out, pageFile(page));
    await writeFile(target, renderPage(page));
    say(`  wrote ${path.relative(process.cwd(), target)} (${page.claims.length} claims)`);
  }
  say(`  claims: ${list(report.claimsByKind)}`);
  say(`  relations: ${list(report.relationsByKind)}`);
  say(report.skipped.length ? `  not imported as written: ${list(report.skippedByCategory)}` : '  not imported as written: nothing');
  if (report.skipped.length) say(`  skipped ${report.skipped.length}:`);
  for (const s of report.skipped) say(`    - ${s.position ? `${s.position}: ` : ''}${s.what}: ${s.why}`);
  if (warningLine) say(warningLine);
}
