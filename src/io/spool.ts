import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { trackTemporary, untrackTemporary } from './write.js';

/**
 * A private temporary folder for one run's shard folders (records between stages, so memory holds only what
 * deduplication needs and never the corpus's text), removed by `dispose` or when the process is interrupted.
 */
export async function createSpoolDir(): Promise<{ dir: string; dispose: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'corpus-'));
  trackTemporary(dir);
  return {
    dir,
    dispose: async () => {
      await rm(dir, { recursive: true, force: true });
      untrackTemporary(dir);
    },
  };
}
