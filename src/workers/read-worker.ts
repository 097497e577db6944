/**
 * Piscina worker entry for the read phase: reads one shard of input files (readStep) into its folder and hands
 * back the summary, the ids, and the shard's line counts as SharedArrayBuffers (shared with the main thread, not
 * copied).
 */
import type { InputFile } from '../io/discover.js';
import type { ReadOptions } from '../io/read.js';
import { readStep, type ReadId, type ReadSummary } from '../mapreduce.js';
import type { SharedLineCounts } from './line-counts.js';

export interface ReadTask {
  files: InputFile[];
  /** Without `stdin`: stdin is read on the main thread. */
  read: ReadOptions;
  dir: string;
  shard: number;
  countLines: boolean;
  durable: boolean;
}

export interface ReadTaskResult {
  summary: ReadSummary;
  counts: SharedLineCounts | null;
  ids: ReadId[];
}

export default async function readTask(task: ReadTask): Promise<ReadTaskResult> {
  const { summary, counts, ids } = await readStep(task.files, task.read, task.dir, { shard: task.shard, countLines: task.countLines, durable: task.durable });
  return { summary, counts: counts?.share() ?? null, ids };
}
