import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DEDUP_OPTIONS } from '../src/dedup/index.js';
import { findInputs } from '../src/io/discover.js';
import { localShards, MAX_SHARD_FILES, runPipeline, SHARDS_PER_JOB } from '../src/pipeline.js';
import { tempDir } from './cli/helpers.js';
import { writeCorpus } from './distributed/helpers.js';

// A full collection on demand, so the test can tell whether anything still holds an object.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

describe('runPipeline', () => {
  it('lets the file list go once it is read, when it was handed the only reference', async () => {
    const dir = tempDir();
    writeCorpus(dir, 40);
    const { files } = await findInputs([dir]);
    const count = files.length;
    const first = new WeakRef(files[0]);
    const last = new WeakRef(files[count - 1]);
    const alive: boolean[] = [];
    const result = await runPipeline(
      files.splice(0),
      { read: { delimiter: 'q7x2', format: 'auto' }, dedup: DEFAULT_DEDUP_OPTIONS, dropDuplicates: true, detectDuplicates: true, keepNoise: false, minChars: 1, jobs: 1 },
      {
        message: () => {},
        progress: (stage) => {
          if (stage !== 'clean' || alive.length) return;
          collect();
          alive.push(first.deref() !== undefined, last.deref() !== undefined);
        },
      },
    );
    expect(alive).toEqual([false, false]);
    expect(result.summary.files).toBe(count);
  });
});

describe('localShards', () => {
  const files = (n: number, stdinAt = -1) => Array.from({ length: n }, (_, i) => ({ path: i === stdinAt ? '-' : `/in/${i}`, name: String(i) }));
  const paths = (shards: ReturnType<typeof localShards>) => shards.flatMap((s) => s.files.map((f) => f.path));

  it('cuts the inputs in order into shards of at most MAX_SHARD_FILES files, about SHARDS_PER_JOB per job or more', () => {
    for (const [n, jobs] of [[10, 2], [1000, 2], [50_000, 2], [50_000, 8], [3 * MAX_SHARD_FILES + 1, 1]]) {
      const input = files(n);
      const shards = localShards(input, jobs);
      expect(paths(shards)).toEqual(input.map((f) => f.path));
      expect(shards.map((s) => s.index)).toEqual(shards.map((_, i) => i));
      // Equal shards but the last, no larger than a share of jobs × SHARDS_PER_JOB.
      const size = shards[0].files.length;
      expect(shards.slice(0, -1).every((s) => s.files.length === size)).toBe(true);
      expect(shards.at(-1)!.files.length).toBeLessThanOrEqual(size);
      expect(size).toBeLessThanOrEqual(Math.min(MAX_SHARD_FILES, Math.ceil(n / (jobs * SHARDS_PER_JOB))));
    }
    // Large inputs are cut into full shards of MAX_SHARD_FILES: few shards, each worth a thread's while.
    expect(localShards(files(100 * MAX_SHARD_FILES), 2).length).toBe(100);
  });

  it('gives stdin a shard of its own', () => {
    const shards = localShards(files(9, 4), 1);
    expect(shards.filter((s) => s.stdin).map((s) => paths([s]))).toEqual([['-']]);
    expect(paths(shards)).toEqual(files(9, 4).map((f) => f.path));
  });
});
