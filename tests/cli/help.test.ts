import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpus, ROOT } from './helpers.js';

describe('--help of every command', () => {
  it.each(['clean', 'dupes', 'stats', 'explain', 'report'])('%s --help shows real examples', (command) => {
    const r = corpus([command, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`Examples:\\n(  \\$ corpus ${command} .*\\n)`));
  });

  it('lists the new commands in corpus --help', () => {
    const r = corpus(['--help']);
    for (const command of ['stats', 'explain', 'report']) expect(r.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
  });

  it('reports a bad option value as a usage error with the accepted range', () => {
    const r = corpus(['explain', 'a', 'b', '--width', '3']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--width must be a number from 40 to 1000, got "3"\n\(run with --help for usage\)/);
  });

  it.each(['clean', 'dupes'])("%s --help and the README's table of its options name the same options", (command) => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf(`### \`corpus ${command}`), readme.indexOf('\n### ', readme.indexOf(`### \`corpus ${command}`) + 5));
    const inTable = new Set([...section.matchAll(/^\| `(?:-\w, )?(--[\w-]+)/gm)].map((m) => m[1]));
    const help = corpus([command, '--help']).stdout;
    const inHelp = new Set([...help.matchAll(/^\s+(?:-\w, )?(--[\w-]+)/gm)].map((m) => m[1]).filter((f) => f !== '--help' && f !== '--version'));
    // Every option the README's table lists is in the help; every option the help lists is documented somewhere in
    // the README (the distributed mode's own options in its section).
    expect(inTable.size).toBeGreaterThan(2);
    for (const flag of inTable) expect(inHelp, `${flag} in the help`).toContain(flag);
    for (const flag of inHelp) expect(readme, `${flag} in the README`).toMatch(new RegExp(`\`(?:-\\w, )?${flag}\\b`));
  });

  it('keeps a usage error to one line whatever the argument holds', () => {
    const r = corpus(['clean', 'x', '--encoding', 'x\ny\u001b[31m']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('corpus: error: unknown encoding "x\\ny\\x1b[31m"\n(run with --help for usage)\n');
  });

  it('refuses an encoding of bytes rather than text as a usage error', () => {
    for (const name of ['hex', 'base64', 'HEX_', 'base-64']) {
      const r = corpus(['clean', 'x', '--encoding', name]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`unknown encoding "${name}"`));
    }
  });
});
