/**
 * The export registry drives the CLI and the routes: every format has one id and one file, the CLI offers exactly
 * those ids and prints what the exporter renders, and the registry stays plain data a browser bundle can import.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, exportFormatByFile, exportPath } from '../../src/graph/export/formats.ts';
import { renderExport } from '../../src/graph/export/render.ts';
import { compileSite } from '../../src/graph/index.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURE = path.join(ROOT, 'tests/fixtures/valid');
const cli = (...args: string[]) => spawnSync(process.execPath, ['scripts/export.ts', ...args], { cwd: ROOT, encoding: 'utf8' });

describe('the export registry', () => {
  it('gives each format one id, one file and one route', () => {
    expect(new Set(EXPORT_FORMATS.map((f) => f.id)).size).toBe(EXPORT_FORMATS.length);
    expect(new Set(EXPORT_FORMATS.map((f) => f.file)).size).toBe(EXPORT_FORMATS.length);
    for (const f of EXPORT_FORMATS) {
      expect(exportFormatByFile(f.file)).toBe(f);
      expect(exportPath(f)).toBe(`exports/${f.file}`);
      expect(f.mediaType).toMatch(/^[a-z]+\/[a-z+.-]+; charset=utf-8$/);
    }
  });

  it('is plain data: it imports nothing, so client code can read it without the exporters or Zod', () => {
    const source = readFileSync(path.join(ROOT, 'src/graph/export/formats.ts'), 'utf8');
    expect(source).not.toMatch(/^\s*import\s/m);
  });

  it('the CLI offers exactly the registry ids', () => {
    const help = cli('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain(`--format ${EXPORT_FORMATS.map((f) => f.id).join('|')} `);
    const wrong = cli('--format', 'pdf', '--content', FIXTURE);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('unknown format `pdf`');
  });

  it('the CLI prints what the registry renders', { timeout: 60_000 }, async () => {
    const compiled = await compileSite({ contentRoot: FIXTURE, cwd: ROOT, layout: false });
    if (!compiled.ok) throw new Error('the valid fixture does not compile');
    for (const format of EXPORT_FORMATS.filter((f) => !f.layout)) {
      const run = cli('--format', format.id, '--content', FIXTURE);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout, format.id).toBe(renderExport(format, compiled.graph));
    }
  });
});
