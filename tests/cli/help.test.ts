import { describe, expect, it } from 'vitest';
import { corpus } from './helpers.js';

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
});
