import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findInputs } from '../../src/io/discover.js';

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

  it('reads a file named twice once', async () => {
    const root = tree();
    const { files } = await findInputs([root, join(root, 'a.txt')]);
    expect(files.filter((f) => f.name === 'a.txt')).toHaveLength(1);
  });
});
