import { describe, expect, it } from 'vitest';
import { formatSize, progressLine, wantsProgress } from '../../src/cli/progress.js';
import { corpus, fixture } from './helpers.js';
import { corpusOnTerminal, ESCAPE, hasScript } from './terminal.js';

describe('progress display', () => {
  it('is wanted only on a terminal, outside CI, without --quiet, NO_COLOR, --no-color or TERM=dumb', () => {
    const tty = { isTTY: true };
    const off = { quiet: false, noColor: false };
    expect(wantsProgress(tty, off, {})).toBe(true);
    expect(wantsProgress({ isTTY: false }, off, {})).toBe(false);
    expect(wantsProgress(tty, { quiet: true, noColor: false }, {})).toBe(false);
    expect(wantsProgress(tty, { quiet: false, noColor: true }, {})).toBe(false);
    expect(wantsProgress(tty, off, { CI: 'true' })).toBe(false);
    expect(wantsProgress(tty, off, { CI: '1' })).toBe(false);
    expect(wantsProgress(tty, off, { CI: 'false' })).toBe(true);
    expect(wantsProgress(tty, off, { NO_COLOR: '1' })).toBe(false);
    expect(wantsProgress(tty, off, { TERM: 'dumb' })).toBe(false);
  });

  it('shows records, rate and input size while reading, and a bar, MB and ETA while cleaning', () => {
    const start = 0;
    expect(progressLine({ stage: 'read', done: 1, total: 0, stageStart: start, bytes: 3 * 1024 * 1024 }, 1000, '')).toBe('reading  1 record · 1 rec/s · 3.0 MB input');
    const line = progressLine({ stage: 'clean', done: 250, total: 1000, stageStart: start, bytes: 8 * 1024 * 1024 }, 5000, '[bar]');
    expect(line).toBe('clean    [bar] 25% · 250/1,000 records · 2.0 MB of 8.0 MB · 50 rec/s · ETA 15s');
    expect(formatSize(2048)).toBe('2 kB');
  });

  it('prints nothing but the summary on stderr when piped', () => {
    const r = corpus(['clean', fixture('seeds'), '-o', '-'], undefined, { NO_COLOR: undefined });
    expect(r.stderr).toMatch(/^corpus: read 5 records from 5 inputs, wrote 4, dropped 1 duplicate, rejected 0; 1 duplicate cluster\n$/);
    expect(r.stderr).not.toMatch(ESCAPE);
  });

  it.skipIf(!hasScript)('draws a bar on a terminal, and none in CI or with --quiet', () => {
    const args = ['clean', fixture('seeds'), '-o', '/dev/null'];
    expect(corpusOnTerminal(args).output).toMatch(/clean +\S+ 100% · 5\/5 records · \d+ kB of \d+ kB · \d+ rec\/s · ETA 0s/);
    const ci = corpusOnTerminal(args, { CI: 'true' });
    expect(ci.output).not.toMatch(/rec\/s/);
    expect(ci.output).toMatch(/corpus: read 5 records/);
    const quiet = corpusOnTerminal([...args, '--quiet']);
    expect(quiet.code).toBe(0);
    expect(quiet.output).toBe('');
  });
});
