import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DEDUP_OPTIONS } from '../src/dedup/index.js';
import { findInputs } from '../src/io/discover.js';
import { runPipeline } from '../src/pipeline.js';
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
