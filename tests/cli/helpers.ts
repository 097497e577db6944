import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = join(ROOT, 'bin/corpus.js');
export const fixture = (path: string): string => join(ROOT, 'fixtures', path);
export const tempDir = (): string => mkdtempSync(join(tmpdir(), 'corpus-cli-'));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI as a user would, with colours off unless the test says otherwise. */
export function corpus(args: string[], input?: string | Buffer, env: NodeJS.ProcessEnv = {}, spawnOptions: { uid?: number; gid?: number } = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    ...spawnOptions,
    input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...env },
    maxBuffer: 1 << 28,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Starts the CLI without waiting, for signal tests. */
export function corpusAsync(args: string[]) {
  return spawn(process.execPath, [BIN, ...args], { env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
}

export const jsonl = (text: string): Record<string, unknown>[] => text.split('\n').filter(Boolean).map((l) => JSON.parse(l));

const NOUNS = 'council harbour market river report minister budget school storm museum court police bridge farmers hospital festival union election mayor teachers airport company factory village coast forest'.split(' ');
const PLACES = 'Lyon Porto Leeds Graz Turin Ghent Split Bergen Cork Malmo Tartu Brno Lille Bilbao Kassel'.split(' ');
const DAYS = 'Monday Tuesday Wednesday Thursday Friday Saturday Sunday'.split(' ');

/** A plain article of a few paragraphs, different for each seed: what a clean body looks like. */
export function article(seed: number, paragraphs = 3): string {
  let x = (seed * 2654435761 + 7) % 2147483648;
  const next = (n: number): number => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return (x >>> 8) % n;
  };
  const noun = (): string => NOUNS[next(NOUNS.length)];
  const sentence = (): string =>
    `On ${DAYS[next(7)]}, the ${noun()} of ${PLACES[next(PLACES.length)]} said that the ${noun()} would not be ready before the ${noun()} had been repaired, and that it was still not clear who would pay for it.`;
  return Array.from({ length: paragraphs }, () => `${sentence()} ${sentence()} ${sentence()}`).join('\n\n');
}
