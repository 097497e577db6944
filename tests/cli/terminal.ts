/** Runs the CLI on a pseudo-terminal (util-linux `script`), for what only happens when a person is watching. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { BIN } from './helpers.js';

export const hasScript = existsSync('/usr/bin/script');

const quote = (arg: string): string => `'${arg.replace(/'/g, `'\\''`)}'`;

/** stdout and stderr both go to the terminal, so they come back mixed, as a person would see them. */
export function corpusOnTerminal(args: string[], env: NodeJS.ProcessEnv = {}): { code: number | null; output: string } {
  // A pty made without a terminal around it has no size; give it one, so widths are the same everywhere.
  const command = `stty cols 200 rows 50 2>/dev/null; ${[process.execPath, BIN, ...args].map(quote).join(' ')}`;
  const base: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, CI: undefined, TERM: 'xterm-256color' };
  const r = spawnSync('/usr/bin/script', ['-qec', command, '/dev/null'], { encoding: 'utf8', env: { ...base, ...env }, input: '' });
  return { code: r.status, output: r.stdout };
}

/** Any ANSI/VT escape sequence. */
export const ESCAPE = /\x1b/;
