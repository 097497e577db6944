import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { childPath, findInputs } from '../../src/io/discover.js';

function tree(): string {
  const root = mkdtempSync(join(tmpdir(), 'corpus-discover-'));
  mkdirSync(join(root, 'b/deep'), { recursive: true });
  mkdirSync(join(root, '.hidden'));
  writeFileSync(join(root, 'z.txt'), 'z');
  writeFileSync(join(root, 'a.txt'), 'a');
  writeFileSync(join(root, 'b/deep/c.txt'), 'c');
  writeFileSync(join(root, '.secret.txt'), 's');
  writeFileSync(join(root, '.hidden/h.txt'), 'h');
  return root;
}

describe('findInputs', () => {
  it('walks folders recursively in sorted order, skipping hidden entries', async () => {
    const root = tree();
    const { files, problems } = await findInputs([root]);
    expect(problems).toEqual([]);
    expect(files.map((f) => f.name)).toEqual(['a.txt', 'b/deep/c.txt', 'z.txt']);
  });

  it('reports each file whose name is not UTF-8 (two that decode alike included), and reads the others', async () => {
    const root = mkdtempSync(join(tmpdir(), 'corpus-names-'));
    // "café.txt" and "cafè.txt" in Latin-1: both read "caf\uFFFD.txt" to a program.
    for (const byte of [0xe9, 0xe8]) writeFileSync(Buffer.concat([Buffer.from(`${root}/caf`), Buffer.from([byte]), Buffer.from('.txt')]), 'text');
    writeFileSync(join(root, 'ok.txt'), 'text');
    const { files, problems } = await findInputs([root]);
    expect(files.map((f) => f.name)).toEqual(['ok.txt']);
    expect(problems).toEqual([0, 1].map(() => ({ path: join(root, 'caf\uFFFD.txt'), message: expect.stringMatching(/^file name is not valid UTF-8, skipped/) })));
    const named = await findInputs([join(root, 'caf\uFFFD.txt')]);
    expect(named.problems[0].message).toMatch(/^no such file or directory: if its name is not valid UTF-8, rename it/);
  });

  it('names a file argument by its base name and stdin as "stdin"', async () => {
    const root = tree();
    const { files } = await findInputs([join(root, 'b/deep/c.txt'), '-']);
    expect(files.map((f) => f.name).sort()).toEqual(['c.txt', 'stdin']);
  });

  it("gives every found file's real path, stdin excluded", async () => {
    const root = tree();
    const { files, realPaths } = await findInputs([root, '-']);
    expect([...realPaths].sort()).toEqual(files.filter((f) => f.path !== '-').map((f) => realpathSync(f.path)).sort());
  });

  it('reports a missing path and keeps the others', async () => {
    const root = tree();
    const { files, problems } = await findInputs([join(root, 'nope'), join(root, 'a.txt')]);
    expect(files.map((f) => f.name)).toEqual(['a.txt']);
    expect(problems).toEqual([{ path: join(root, 'nope'), message: 'no such file or directory' }]);
  });

  it('survives a directory symlink loop, reporting it', async () => {
    const root = tree();
    symlinkSync(root, join(root, 'b/loop'));
    const { files, problems } = await findInputs([root]);
    expect(files.map((f) => f.name)).toEqual(['a.txt', 'b/deep/c.txt', 'z.txt']);
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toMatch(/symlink loop/);
  });

  it('gives the same order whatever the order of the arguments', async () => {
    const root = tree();
    const one = await findInputs([join(root, 'z.txt'), join(root, 'a.txt')]);
    const two = await findInputs([join(root, 'a.txt'), join(root, 'z.txt')]);
    expect(one.files).toEqual(two.files);
  });

  it('names a file two arguments reach from the outer one, whatever their order', async () => {
    const root = tree();
    const inner = join(root, 'b');
    const deep = join(root, 'b/deep/c.txt');
    const orders = [[root, inner, deep], [deep, inner, root], [inner, root, deep]];
    const names = await Promise.all(orders.map(async (args) => (await findInputs(args)).files.map((f) => [f.name, f.path])));
    expect(names[0]).toEqual([['a.txt', join(root, 'a.txt')], ['b/deep/c.txt', deep], ['z.txt', join(root, 'z.txt')]]);
    expect(names[1]).toEqual(names[0]);
    expect(names[2]).toEqual(names[0]);
  });

  it('reads a file named twice once', async () => {
    const root = tree();
    const { files } = await findInputs([root, join(root, 'a.txt')]);
    expect(files.filter((f) => f.name === 'a.txt')).toHaveLength(1);
  });
});

describe('childPath', () => {
  it('joins a folder and an entry name as path.join does', () => {
    const segment = fc.constantFrom('.', '..', 'a', 'b c', '', '...', 'é');
    const folder = fc.tuple(fc.boolean(), fc.array(segment, { maxLength: 5 }), fc.boolean()).map(([absolute, parts, trailing]) => (absolute ? '/' : '') + parts.join('/') + (trailing ? '/' : ''));
    const name = fc.constantFrom('a.txt', 'b', '..x', 'x..', 'é.txt', 'a b');
    fc.assert(
      fc.property(folder.filter((f) => f !== ''), name, (dir, entry) => {
        expect(childPath(dir)(entry)).toBe(join(dir, entry));
      }),
      { numRuns: 3000 },
    );
  });

  it('names files under a folder given as a relative path, with a trailing slash or with dot segments', async () => {
    const root = tree();
    const rel = relative(process.cwd(), root);
    for (const arg of [rel, `${rel}/`, `./${rel}`, `${rel}/b/..`, `${root}//`]) {
      const { files } = await findInputs([arg]);
      expect(files.map((f) => [f.name, f.path])).toEqual(['a.txt', 'b/deep/c.txt', 'z.txt'].map((n) => [n, join(arg, n)]));
    }
  });
});
