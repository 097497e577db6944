/**
 * A full garbage collection on demand, between a large run's passes. V8 collects its old generation when it
 * reaches a limit set from the heap's history, so on a million documents the dead signature table and the
 * cluster pass's garbage stayed in the heap through the next pass: ~450 MB of peak RSS for nothing; and the
 * discovery of a million input files left ~500 MB of garbage (directory entries, real paths) in the heap while
 * the read threads started. One collection per pass costs well under a second.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Runs with fewer records or files than this leave collection to V8: their heap is small, and a forced
 *  collection costs a test run time. */
export const COLLECT_MIN_ITEMS = 50_000;

let collect: (() => void) | null | undefined;

/** Collects garbage now (node's own `gc` when run with --expose-gc; else the same function, exposed for a fresh context). */
export function collectGarbage(): void {
  if (collect === undefined) {
    collect = (globalThis as { gc?: () => void }).gc ?? null;
    if (!collect) {
      try {
        setFlagsFromString('--expose-gc');
        collect = runInNewContext('gc') as () => void;
      } catch {
        collect = null; // a runtime without the flag: V8 collects on its own schedule
      }
    }
  }
  collect?.();
}
