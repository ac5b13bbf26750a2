/**
 * Files that are not UTF-8 text, through `npm run import` and the content loader: a Windows-1252 file stops at its
 * first bad byte, UTF-16 with a byte-order mark imports, an empty or blank file says so, a binary file gets one line
 * and none of its bytes on the terminal. Nothing is written on failure.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileSite } from '../../src/graph/index.ts';
import { minimalContent } from './import-support.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
let dir: string;
let content: string;

const run = (file: string, ...args: string[]) => {
  const result = spawnSync(process.execPath, ['scripts/import.ts', file, '--content', content, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};

/** Windows-1252 bytes of an Argdown file whose fourth line has ’ (0x92) and é (0xE9). */
const CP1252 = Buffer.concat([Buffer.from('[a]: A claim.\n  +> [b]: Another.\n\n[c]: It'), Buffer.from([0x92]), Buffer.from('s a caf'), Buffer.from([0xe9]), Buffer.from('.\n  -> [a]\n')]);
const ARGDOWN = '[a]: Café – “quoted”.\n  +> [b]: Another claim.\n';

beforeAll(async () => {
  ({ dir, content } = await minimalContent('import-enc-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Fails unless `text` has no control characters but newlines: nothing raw reached the terminal. */
const expectPrintable = (text: string) => expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\ufffd]/);

describe('npm run import and encodings', { timeout: 60_000 }, () => {
  it('stops on Windows-1252 at the file, line and byte, names the encoding, writes nothing', async () => {
    const file = path.join(dir, 'cp1252.argdown');
    await writeFile(file, CP1252);
    const out = path.join(dir, 'out-cp1252');
    const { code, stderr, stdout } = run(file, '--out', out);
    expect(code).toBe(1);
    expect(stderr).toContain(`${file}:4:8: not valid UTF-8: byte 0x92 at line 4, byte 8 of the line (byte offset 41 in the file); the file looks like Windows-1252 (or Latin-1), where 0x92 is “’”`);
    expect(stderr).toContain('hint: Convert the file to UTF-8');
    expect(stderr).toContain('nothing written');
    expect(stdout).toBe('');
    expectPrintable(stderr);
    expect(existsSync(out)).toBe(false);
  });

  for (const endian of ['le', 'be'] as const) {
    it(`imports UTF-16 ${endian.toUpperCase()} with a byte-order mark, texts intact`, async () => {
      const utf16 = Buffer.from(ARGDOWN, 'utf16le');
      if (endian === 'be') utf16.swap16();
      const file = path.join(dir, `utf16${endian}.argdown`);
      await writeFile(file, Buffer.concat([Buffer.from(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), utf16]));
      const out = path.join(dir, `out-utf16${endian}`);
      const { code, stdout, stderr } = run(file, '--out', out);
      expect(code, stderr).toBe(0);
      expect(stdout).toContain('relations: supports 1');
      expect(await readFile(path.join(out, 'index.mdx'), 'utf8')).toContain('text: Café – “quoted”.');
    });
  }

  const refusals: [name: string, bytes: Buffer, message: RegExp][] = [
    ['empty.argdown', Buffer.alloc(0), /^✗ .*empty\.argdown: the file is empty \(0 bytes\): there is nothing to import\.\n {2}nothing written\.\n$/],
    ['blank.txt', Buffer.from('\n  \r\n\t\n'), /^✗ .*blank\.txt: the file holds only blank space \(7 bytes\): there is nothing to import\.\n {2}nothing written\.\n$/],
    ['map.json', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('\x1b[2J\x07\x00\x9b31m'), Buffer.alloc(64, 0xff)]), /^✗ .*map\.json:1:1: this is not a text file: it looks like a ZIP archive \(a \.docx, \.xlsx or \.odt file is one\)\n {2}hint: .*\n {2}nothing written\.\n$/],
    ['raw.argdown', Buffer.concat([Buffer.from('[a]: text\n'), Buffer.from('\x1b]0;title\x07\x00\x01\x02')]), /^✗ .*raw\.argdown:2:11: this is not a text file: it contains a zero byte \(0x00\) at byte offset 20\n/],
    ['utf16-no-bom.argdown', Buffer.from(ARGDOWN.replace(/[^\x20-\x7e\n]/g, '-'), 'utf16le'), /the file looks like UTF-16 little-endian without a byte-order mark/],
  ];
  for (const [name, bytes, message] of refusals) {
    it(`${name}: one clear message, no raw bytes, nothing written`, async () => {
      const file = path.join(dir, name);
      await writeFile(file, bytes);
      const out = path.join(dir, `out-${name}`);
      const { code, stderr, stdout } = run(file, '--out', out);
      expect(code).toBe(1);
      expect(stderr).toMatch(message);
      expect(stdout).toBe('');
      expectPrintable(stderr);
      expect(existsSync(out)).toBe(false);
    });
  }

  it('shows control characters from a valid file (its name, texts in the report) escaped, never raw', async () => {
    // Valid UTF-8 whose file name and a skipped node's text carry terminal escape sequences.
    const file = path.join(dir, 'esc\x1b[31mape.json');
    const aif = { nodes: [{ nodeID: '1', type: 'I', text: 'A claim.' }, { nodeID: '2', type: 'RA', text: 'In\x1b]0;pwned\x07ference' }], edges: [{ edgeID: 'e', fromID: '1', toID: '2' }] };
    await writeFile(file, JSON.stringify(aif));
    const { code, stdout, stderr } = run(file, '--out', path.join(dir, 'out-escape'), '--name', 'escape');
    expect(code, stderr).toBe(0);
    expect(stdout).toContain('esc\\x1b[31mape.json (aif)');
    expect(stdout).toContain('RA-node 2 (In\\x1b]0;pwned\\x07ference)');
    expectPrintable(stdout);
  });
});

describe('the content loader and encodings', () => {
  it('reports a Windows-1252 page, actors file or source text as an error at its line, without U+FFFD', async () => {
    const root = path.join(dir, 'site');
    await mkdir(path.join(root, 'docs'), { recursive: true });
    await writeFile(path.join(root, 'actors.yaml'), Buffer.concat([Buffer.from('- id: a\n  name: Ren'), Buffer.from([0xe9]), Buffer.from('\n  role: r\n  description: d\n')]));
    await writeFile(path.join(root, 'sources.yaml'), '- id: s\n  title: T\n  publisher: P\n  kind: article\n  text: s.txt\n');
    await writeFile(path.join(root, 's.txt'), Buffer.from([0x93, 0x41, 0x94]));
    await writeFile(path.join(root, 'docs', 'index.mdx'), Buffer.concat([Buffer.from('---\ntitle: Home\nclaims:\n  - id: c\n    kind: claim\n    text: It'), Buffer.from([0x92]), Buffer.from('s.\n---\n')]));
    await writeFile(path.join(root, 'docs', 'utf16.mdx'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('---\ntitle: UTF-16\nclaims:\n  - id: d\n    kind: claim\n    text: Fine – “yes”.\n---\n', 'utf16le')]));
    const result = await compileSite({ contentRoot: root, cwd: dir, layout: false });
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.code, d.file, d.line])).toEqual([
      ['encoding', 'site/actors.yaml', 2],
      ['encoding', 'site/docs/index.mdx', 6],
      ['encoding', 'site/s.txt', 1],
    ]);
    expect(errors[1].message).toContain('byte 0x92 at line 6');
    expect(errors[1].message).toContain('Windows-1252');
    expect(JSON.stringify(result)).not.toContain('\ufffd');
  });

  it('reports a content folder without its files, one diagnostic each, instead of throwing', async () => {
    const root = path.join(dir, 'empty-site');
    await mkdir(root, { recursive: true });
    const result = await compileSite({ contentRoot: root, cwd: dir, layout: false });
    expect(result.ok ? [] : result.diagnostics.map((d) => [d.code, d.file])).toEqual([
      ['missing-file', 'empty-site/actors.yaml'],
      ['missing-file', 'empty-site/docs'],
      ['missing-file', 'empty-site/sources.yaml'],
    ]);
  });
});
