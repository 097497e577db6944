import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DEDUP_OPTIONS, editSimilarity, signCompact, type DocSignature } from '../../src/dedup/index.js';
import { encodeSignatures, SIGNATURES_FILE, SIGNATURES_HEADER } from '../../src/dedup/signature-file.js';
import { memberEdits, memberEditsOnThread, type EditTask } from '../../src/workers/edit-similarities.js';

// Two shard folders of signatures: a story and its edited copies spread over both.
const story = 'the council approved the new budget on monday after a long debate about schools roads and the harbour';
const variants = [story, story.replace('monday', 'tuesday'), story + ' officials said', story.split(' ').reverse().join(' '), 'an unrelated note on the weather'];
const sign = (id: string, text: string): DocSignature => signCompact({ id, text, title: null, site: null, date: null }, DEFAULT_DEDUP_OPTIONS);
const shards = [variants.slice(0, 2).map((t, i) => sign(`a${i}`, t)), variants.slice(2).map((t, i) => sign(`b${i}`, t))];
let dirs: string[];

beforeAll(() => {
  const root = mkdtempSync(join(tmpdir(), 'corpus-edits-'));
  dirs = shards.map((list, s) => {
    const dir = join(root, `shard-${s}`);
    mkdirSync(dir);
    writeFileSync(join(dir, SIGNATURES_FILE), Buffer.concat([SIGNATURES_HEADER, encodeSignatures(list)]));
    return dir;
  });
});
afterAll(() => rmSync(join(dirs[0], '..'), { recursive: true, force: true }));

/** Every (shard, index) pair with the first document of shard 0, and what editSimilarity gives for it. */
function everyPair(): { task: EditTask; expected: number[] } {
  const where: number[] = [];
  const expected: number[] = [];
  shards.forEach((list, s) =>
    list.forEach((doc, i) => {
      where.push(0, 0, s, i);
      expected.push(editSimilarity(shards[0][0].wordCodes, doc.wordCodes));
    }),
  );
  return { task: { shardDirs: dirs, pairs: Uint32Array.from(where) }, expected };
}

describe('memberEdits', () => {
  it('reads each pair’s word codes from its shard and gives their edit similarity, in pair order', async () => {
    const { task, expected } = everyPair();
    const edits = await memberEdits(task);
    expect([...edits]).toEqual(expected);
    // The story against itself, a one-word change, and an unrelated note: the measure separates them.
    expect(edits[0]).toBe(1);
    expect(edits[1]).toBeGreaterThan(0.9);
    expect(edits[4]).toBeLessThan(0.3);
  });

  it('gives 0 for a pair whose document is not in its shard’s file, rather than failing the run’s clusters', async () => {
    const edits = await memberEdits({ shardDirs: dirs, pairs: Uint32Array.from([0, 0, 1, 99]) });
    expect([...edits]).toEqual([editSimilarity(shards[0][0].wordCodes, '')]);
  });
});

describe('memberEditsOnThread', () => {
  it('computes on a thread of its own (the compiled worker) the same similarities, taking the pairs', async () => {
    // The compiled module: its worker file exists beside it (npm test builds first).
    const compiled = (await import('../../dist/workers/edit-similarities.js')) as typeof import('../../src/workers/edit-similarities.js');
    const { task, expected } = everyPair();
    const edits = await compiled.memberEditsOnThread(task, 1);
    expect([...edits]).toEqual(expected);
    expect(task.pairs.length).toBe(0); // transferred to the thread
  });

  it('stays on the calling thread for fewer pairs than it takes to pay for one', async () => {
    const compiled = (await import('../../dist/workers/edit-similarities.js')) as typeof import('../../src/workers/edit-similarities.js');
    const { task, expected } = everyPair();
    expect([...(await compiled.memberEditsOnThread(task))]).toEqual(expected);
    expect(task.pairs.length).toBe(20);
  });
});
