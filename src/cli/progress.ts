/**
 * A progress line on stderr for long runs: records, MB, rate and ETA. Shown only when stderr is a
 * terminal, not in CI, not with --quiet, and not with NO_COLOR / --no-color / TERM=dumb: the bar is
 * redrawn with terminal control sequences, and those settings promise output free of escape codes.
 */
import { stat } from 'node:fs/promises';
import cliProgress from 'cli-progress';
import type { InputFile } from '../io/discover.js';

export interface ProgressDisplay {
  /** `PipelineIo.progress`: records done in a stage (`read`, then `clean`). */
  update(stage: string, done: number): void;
  /** Clears the bar so a message can be printed whole; the next update redraws it. */
  pause(): void;
  /** Removes the bar; call before the summary is printed. */
  stop(): void;
}

/** Does nothing: piped, CI, --quiet. */
const SILENT: ProgressDisplay = { update() {}, pause() {}, stop() {} };

const isSet = (value: string | undefined): boolean => value !== undefined && value !== '' && value !== 'false' && value !== '0';

/** Whether a bar may be drawn: only for a person watching a terminal that takes control sequences. */
export function wantsProgress(stream: { isTTY?: boolean }, options: { quiet: boolean; noColor: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (!stream.isTTY || options.quiet || options.noColor) return false;
  return !isSet(env.CI) && !(env.NO_COLOR !== undefined && env.NO_COLOR !== '') && env.TERM !== 'dumb';
}

/** Files stat'ed at once when summing input sizes. */
const STAT_BATCH = 64;

/** Total bytes of the input files (stdin unknown, counted 0). */
export async function inputBytes(files: readonly InputFile[]): Promise<number> {
  let total = 0;
  for (let i = 0; i < files.length; i += STAT_BATCH) {
    const sizes = files.slice(i, i + STAT_BATCH).map((f) => (f.path === '-' ? 0 : stat(f.path).then((s) => s.size, () => 0)));
    for (const size of await Promise.all(sizes)) total += size;
  }
  return total;
}

const MB = 1024 * 1024;

/** MB with one decimal; kB below a tenth of a MB, so a small input does not read "0.0 MB". */
export function formatSize(bytes: number): string {
  return bytes < MB / 10 ? `${Math.round(bytes / 1024)} kB` : `${(bytes / MB).toFixed(1)} MB`;
}

function formatSeconds(s: number): string {
  if (!Number.isFinite(s)) return '?';
  if (s < 60) return `${Math.round(s)}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/** State the bar's text is made from; cli-progress only draws it. */
interface ProgressState {
  stage: string;
  done: number;
  /** Records read: the clean stage's total. */
  total: number;
  stageStart: number;
  bytes: number;
}

/** The line for a stage: reading has no total yet; cleaning knows it, so it gets a bar and an ETA. */
export function progressLine(state: ProgressState, now: number, bar: string): string {
  const seconds = Math.max(0.001, (now - state.stageStart) / 1000);
  const rate = state.done / seconds;
  const records = `${state.done.toLocaleString('en-US')} record${state.done === 1 ? '' : 's'}`;
  if (state.stage === 'read' || !state.total) return `reading  ${records} · ${Math.round(rate)} rec/s${state.bytes ? ` · ${formatSize(state.bytes)} input` : ''}`;
  const share = Math.min(1, state.done / state.total);
  const eta = rate > 0 ? (state.total - state.done) / rate : Infinity;
  // Records are cleaned in input order, so the share of records done approximates the share of bytes.
  const mbPart = state.bytes ? ` · ${formatSize(state.bytes * share)} of ${formatSize(state.bytes)}` : '';
  return `${state.stage.padEnd(8)} ${bar} ${Math.round(share * 100)}% · ${state.done.toLocaleString('en-US')}/${state.total.toLocaleString('en-US')} records${mbPart} · ${Math.round(rate)} rec/s · ETA ${formatSeconds(eta)}`;
}

/** The display for a run over `files`; input sizes are only summed when a bar will be drawn. */
export async function createProgress(options: { quiet: boolean; noColor: boolean; files: readonly InputFile[]; stream?: NodeJS.WriteStream }): Promise<ProgressDisplay> {
  const stream = options.stream ?? process.stderr;
  if (!wantsProgress(stream, options)) return SILENT;
  const state: ProgressState = { stage: '', done: 0, total: 0, stageStart: Date.now(), bytes: await inputBytes(options.files) };
  const bar = new cliProgress.SingleBar({
    stream,
    // Cut to the terminal width rather than switching line wrapping off: an interrupted run would leave it off.
    format: (opts, params) => progressLine(state, Date.now(), cliProgress.Format.BarFormat(params.progress, { ...opts, barsize: 24 })).slice(0, (stream.columns || 80) - 1),
    linewrap: true,
    clearOnComplete: true,
    hideCursor: false,
    // The CLI's own SIGINT/SIGTERM handlers clean up; the bar must not add its own.
    gracefulExit: false,
    fps: 8,
    barCompleteChar: '█',
    barIncompleteChar: '░',
  });
  let running = false;
  function stop(): void {
    if (running) bar.stop();
    running = false;
  }
  return {
    update(stage, done) {
      if (stage !== state.stage) {
        if (state.stage === 'read') state.total = state.done;
        Object.assign(state, { stage, stageStart: Date.now() });
        if (running) bar.setTotal(state.total || 1);
      }
      state.done = done;
      const value = state.total ? Math.min(done, state.total) : 0;
      if (!running) {
        bar.start(state.total || 1, value);
        running = true;
      } else bar.update(value);
    },
    pause: stop,
    stop,
  };
}

/** A message printer that clears the bar before each line, so messages are never drawn over. */
export function pausingFor<A extends unknown[]>(progress: ProgressDisplay, print: (...args: A) => void): (...args: A) => void {
  return (...args) => {
    progress.pause();
    print(...args);
  };
}
