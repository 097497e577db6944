/**
 * Piscina worker entry: cleans and signs one batch per task. The line statistics and options arrive once, in
 * workerData (the statistics as SharedArrayBuffers, read in place); results go back with their signature
 * buffers transferred rather than copied.
 */
import { workerData } from 'node:worker_threads';
import { move, transferableSymbol, valueSymbol } from 'piscina';
import { cleanBatch, transferList, type BatchOptions } from './clean-batch.js';
import { LineCounts, type SharedLineCounts } from './line-counts.js';

export interface CleanWorkerData {
  stats: SharedLineCounts | null;
  options: BatchOptions;
}

const data = workerData as CleanWorkerData;
const stats = data.stats ? new LineCounts(data.stats).asCorpusStats() : null;

const utf8 = new TextDecoder('utf-8');

/** One task: JSON lines of read rows as UTF-8 (transferred) → the cleaned batch (a piscina "movable" so its typed arrays are transferred). */
export default function cleanTask(rows: Uint8Array): object {
  const batch = cleanBatch(utf8.decode(rows), stats, data.options);
  return move({ [transferableSymbol]: transferList(batch), [valueSymbol]: batch } as never);
}
