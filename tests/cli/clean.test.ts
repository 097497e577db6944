import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { article, BIN, corpus, corpusAsync, fixture, jsonl, tempDir } from './helpers.js';

const FRENCH = [
  "Le café de la place était fermé depuis une semaine, selon les habitants du quartier qui attendent sa réouverture avec impatience et qui s'inquiètent pour les employés.",
  "Le propriétaire a expliqué que des travaux étaient nécessaires dans la cuisine et que l'établissement devrait rouvrir ses portes avant la fin du mois, si tout se passe bien.",
  "En attendant, les clients se retrouvent dans la boulangerie voisine, où l'on sert aussi du café le matin et où les discussions vont bon train sur l'avenir de la place.",
].join('\n\n');

describe('corpus clean (end to end)', () => {
  it('writes one record per seed with --no-dedup, atomically to -o', () => {
    const dir = tempDir();
    const out = join(dir, 'out.jsonl');
    const r = corpus(['clean', fixture('seeds'), '--no-dedup', '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const records = jsonl(readFileSync(out, 'utf8'));
    expect(records.map((x) => x.id)).toEqual(readdirSync(fixture('seeds')).sort());
    for (const rec of records) {
      expect(rec).toHaveProperty('text');
      for (const key of ['title', 'site', 'date', 'lang', 'encoding', 'chars_in', 'chars_kept']) expect(rec).toHaveProperty(key);
      expect((rec.chars_kept as number) <= (rec.chars_in as number)).toBe(true);
    }
    expect(readdirSync(dir)).toEqual(['out.jsonl']);
    expect(r.stderr).toMatch(/read 5 records from 5 inputs, wrote 5/);
  });

  it('gives a three-document file ids name#1..#3 and decodes Windows-1252', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'three.txt'), [article(1), article(2), article(3)].join('\nq7x2\n'));
    writeFileSync(join(dir, 'legacy.txt'), iconv.encode(FRENCH, 'windows-1252'));
    const r = corpus(['clean', dir, '--no-dedup']);
    expect(r.code).toBe(0);
    const records = jsonl(r.stdout);
    expect(records.map((x) => x.id)).toEqual(['legacy.txt', 'three.txt#1', 'three.txt#2', 'three.txt#3']);
    expect(records[0].text).toContain('Le café de la place était fermé');
    expect(records[0].encoding).toBe('windows-1252');
  });

  it('reads stdin with "-" and writes stdout', () => {
    const r = corpus(['clean', '-', '--no-dedup'], article(5));
    expect(r.code).toBe(0);
    expect(jsonl(r.stdout).map((x) => x.id)).toEqual(['stdin#1']);
  });

  it('reads a .gz file and JSONL input, keeping extra fields as metadata', () => {
    const dir = tempDir();
    const line = JSON.stringify({ id: 'doc-1', text: article(6), url: 'http://example.org/a' });
    writeFileSync(join(dir, 'in.jsonl.gz'), gzipSync(line + '\n'));
    const r = corpus(['clean', join(dir, 'in.jsonl.gz'), '--no-dedup']);
    expect(r.code).toBe(0);
    const [rec] = jsonl(r.stdout);
    expect(rec.id).toBe('doc-1');
    expect(rec.metadata).toEqual({ url: 'http://example.org/a' });
  });

  it('reports a missing path on one line, goes on with the others, exits 1', () => {
    const r = corpus(['clean', '/nonexistent/dir', fixture('seeds/003_4c4e80352216d88f.txt')]);
    expect(r.code).toBe(1);
    expect(jsonl(r.stdout)).toHaveLength(1);
    const errors = r.stderr.split('\n').filter((l) => l.includes('/nonexistent/dir'));
    expect(errors).toEqual(['corpus: error: /nonexistent/dir: no such file or directory']);
  });

  it('prints a usage error with a hint and exits 2', () => {
    const none = corpus(['clean']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/--help/);
    const bad = corpus(['clean', fixture('seeds'), '--encoding', 'klingon-9']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown encoding "klingon-9"/);
    expect(corpus(['frobnicate']).code).toBe(2);
  });

  it('refuses to write its output over one of its inputs', () => {
    const dir = tempDir();
    const input = join(dir, 'in.txt');
    writeFileSync(input, 'Some article text that must not be overwritten. ' + article(7));
    const r = corpus(['clean', input, '-o', input]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is also an input/);
    expect(readFileSync(input, 'utf8')).toMatch(/^Some article/);
  });

  it('refuses an output that reaches an input found in a folder by another path (symlink, folder symlink)', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'pages'));
    const input = join(dir, 'pages', 'a.txt');
    writeFileSync(input, 'Some article text that must not be overwritten. ' + article(8));
    symlinkSync(input, join(dir, 'link.jsonl'));
    symlinkSync(join(dir, 'pages'), join(dir, 'alias'));
    for (const out of [join(dir, 'link.jsonl'), join(dir, 'alias', 'a.txt')]) {
      const r = corpus(['clean', join(dir, 'pages'), '-o', out]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/is also an input/);
    }
    expect(readFileSync(input, 'utf8')).toMatch(/^Some article/);
    expect(corpus(['clean', join(dir, 'pages'), '-o', join(dir, 'out.jsonl')]).code).toBe(0);
  });

  it('shows help with examples, and the version', () => {
    const help = corpus(['clean', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Examples:/);
    expect(help.stdout).toMatch(/--no-dedup/);
    expect(corpus(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('ends quietly when the reader of stdout goes away (| head -1)', () => {
    const dir = tempDir();
    const docs = Array.from({ length: 3000 }, (_, i) => article(i));
    writeFileSync(join(dir, 'many.txt'), docs.join('\nq7x2\n'));
    const out = execFileSync('bash', ['-c', `set -o pipefail; node ${BIN} clean ${dir} --no-dedup -q 2>${dir}/err | head -1; echo "status=\${PIPESTATUS[0]}"`], { encoding: 'utf8' });
    expect(out).toMatch(/"id":"many.txt#1"/);
    expect(out).toMatch(/status=0/);
    expect(readFileSync(join(dir, 'err'), 'utf8')).toBe('');
  });

  it('goes on and writes its output when the reader of its messages goes away (2>&1 | true)', () => {
    const dir = tempDir();
    // Two malformed lines: two messages, the second written after the reader has gone.
    writeFileSync(join(dir, 'bad.jsonl'), '{"id":"x"}\n{"id":"y"}\n');
    writeFileSync(join(dir, 'good.txt'), [article(1), article(2)].join('\nq7x2\n'));
    const out = join(dir, 'out.jsonl');
    const shell = `node ${BIN} clean ${dir}/bad.jsonl ${dir}/good.txt -o ${out} 2>&1 | true; echo "status=\${PIPESTATUS[0]}"`;
    const status = execFileSync('bash', ['-c', shell], { encoding: 'utf8', env: { ...process.env, TMPDIR: dir } });
    expect(status).toMatch(/status=1/);
    expect(readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(2);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp') || f.startsWith('corpus-'))).toEqual([]);
  });

  it.skipIf(!existsSync('/dev/full'))('exits 3 naming the output when a side output cannot be written (a full device)', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'tiny.txt'), 'x');
    for (const args of [['--summary', '/dev/full'], ['--dupes-out', '/dev/full'], ['--rejects', '/dev/full']]) {
      const r = corpus(['clean', fixture('seeds'), join(dir, 'tiny.txt'), '-o', join(dir, 'out.jsonl'), '-q', ...args]);
      expect(r.code, args[0]).toBe(3);
      expect(r.stderr).toMatch(/^corpus: error: \/dev\/full: ENOSPC/m);
    }
    expect(corpus(['dupes', fixture('seeds'), '--json', '-o', '/dev/full']).code).toBe(3);
  });

  it('counts an input it cannot find among the input problems of its summary, as it counts one it cannot read', () => {
    const dir = tempDir();
    const r = corpus(['clean', join(dir, 'nothere'), fixture('seeds'), '-o', join(dir, 'out.jsonl'), '--summary', join(dir, 'summary.json')]);
    expect(r.code).toBe(1);
    expect(JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')).inputProblems).toBe(1);
    expect(r.stderr).toMatch(/1 input problem/);
  });

  it("reads a pipe named by a link to it: bash's process substitution, /dev/stdin", () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), article(1));
    const substituted = execFileSync('bash', ['-c', `node ${BIN} clean <(cat ${dir}/a.txt) -q --no-dedup`], { encoding: 'utf8' });
    expect(JSON.parse(substituted).text).toContain(article(1).split('\n').find((l) => l.length > 60)!.slice(0, 40));
    const piped = execFileSync('bash', ['-c', `cat ${dir}/a.txt | node ${BIN} clean /dev/stdin -q --no-dedup`], { encoding: 'utf8' });
    expect(JSON.parse(piped).id).toBe('stdin');
  });

  it("keeps a message to one line whatever the file's name holds (a newline, an escape)", () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a\nb\u001b[31m.png'), Buffer.concat([Buffer.from('PNG'), Buffer.alloc(64)]));
    const r = corpus(['clean', dir, '-o', join(dir, 'out.jsonl')]);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe(`corpus: error: ${dir}/a\\nb\\x1b[31m.png: binary file (NUL bytes), skipped`);
    expect(lines).toHaveLength(2);
    // An output that is a folder is said to be one, in words.
    mkdirSync(join(dir, 'folder'));
    const folder = corpus(['clean', fixture('seeds'), '-o', join(dir, 'folder')]);
    expect(folder.code).toBe(3);
    expect(folder.stderr).toBe(`corpus: error: ${join(dir, 'folder')}: is a directory\n`);
  });

  it('warns when its inputs hold no file to read (an empty folder, hidden files only)', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'empty'));
    writeFileSync(join(dir, 'empty', '.hidden.txt'), 'text');
    const r = corpus(['clean', join(dir, 'empty'), '-o', join(dir, 'out.jsonl')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^corpus: warning: no input files in .*empty \(hidden files and folders are skipped\)$/m);
    expect(corpus(['clean', fixture('seeds'), '-o', join(dir, 'out.jsonl')]).stderr).not.toMatch(/no input files/);
  });

  it.skipIf(!existsSync('/proc/self/fd/1'))('does not read the file its standard output is redirected to, inside its input folder', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in', 'a.txt'), [article(1), article(2)].join('\nq7x2\n'));
    const run = () => execFileSync('bash', ['-c', `node ${BIN} clean ${dir}/in --no-dedup >> ${dir}/in/out.jsonl`], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
    run();
    run();
    const ids = readFileSync(join(dir, 'in', 'out.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l).id);
    // Twice the same two records: the first run's output was not read back as input by the second.
    expect(ids).toEqual(['a.txt#1', 'a.txt#2', 'a.txt#1', 'a.txt#2']);
  });

  it('fails (exit 3, nothing written) when the reader of a side output that is a pipe goes away', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'short.txt'), Array.from({ length: 3000 }, (_, i) => `Short note ${i}`).join('\nq7x2\n'));
    const shell = `cd ${dir} && mkfifo pipe && (head -c 10 pipe >/dev/null &) && node ${BIN} clean short.txt -o out.jsonl --min-chars 100 --rejects pipe -q; echo "status=$?"`;
    const out = execFileSync('bash', ['-c', shell], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(out).toMatch(/status=3/);
    expect(existsSync(join(dir, 'out.jsonl'))).toBe(false);
  });

  it('leaves no partial output when interrupted mid-run', async () => {
    const dir = tempDir();
    const docs = Array.from({ length: 20000 }, (_, i) => article(i));
    writeFileSync(join(dir, 'big.txt'), docs.join('\nq7x2\n'));
    const out = join(dir, 'out', 'result.jsonl');
    execFileSync('mkdir', ['-p', join(dir, 'out')]);
    const child = corpusAsync(['clean', join(dir, 'big.txt'), '-o', out]);
    await new Promise((r) => setTimeout(r, 600));
    child.kill('SIGINT');
    const code = await new Promise((r) => child.on('exit', (c, s) => r(c ?? s)));
    expect(existsSync(out) ? 'complete' : 'absent').toBe(code === 0 ? 'complete' : 'absent');
    expect(readdirSync(join(dir, 'out')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    if (code !== 0) expect(code).toBe(130);
  });
});
