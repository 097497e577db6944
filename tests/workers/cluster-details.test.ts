import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DEDUP_OPTIONS, editSimilarity, signCompact, type DocSignature } from '../../src/dedup/index.js';
import { encodeSignatures, SIGNATURES_FILE, SIGNATURES_HEADER } from '../../src/dedup/signature-file.js';
import { clusterDetails, type ClusterDetails, type DetailsTask } from '../../src/workers/cluster-details.js';

// Two shard folders of signatures, each with its member view: a story and its edited copies spread over both.
const story = 'the council approved the new budget on monday after a long debate about schools roads and the harbour';
const variants = [story, story.replace('monday', 'tuesday'), story + ' officials said', story.split(' ').reverse().join(' '), 'an unrelated note on the weather'];
const sign = (id: string, text: string): DocSignature => signCompact({ id, text, title: null, site: null, date: null }, DEFAULT_DEDUP_OPTIONS);
const shards = [variants.slice(0, 2).map((t, i) => sign(`a${i}`, t)), variants.slice(2).map((t, i) => sign(`b${i}`, t))];
const viewOfDoc = (s: number, i: number): string => JSON.stringify({ title: `doc ${s}/${i} é`, preview: 'line\nbreak' });
let dirs: string[];

beforeAll(() => {
  const root = mkdtempSync(join(tmpdir(), 'corpus-details-'));
  dirs = shards.map((list, s) => {
    const dir = join(root, `shard-${s}`);
    mkdirSync(dir);
    const views = list.map((_, i) => viewOfDoc(s, i));
    writeFileSync(join(dir, SIGNATURES_FILE), Buffer.concat([SIGNATURES_HEADER, encodeSignatures(list, views)]));
    return dir;
  });
});
afterAll(() => rmSync(join(dirs[0], '..'), { recursive: true, force: true }));

/** Every document as a member, every document paired with the first one of shard 0, and what each should give. */
function everything(): { task: DetailsTask; edits: number[]; views: string[] } {
  const members: number[] = [];
  const pairs: number[] = [];
  const edits: number[] = [];
  const views: string[] = [];
  shards.forEach((list, s) =>
    list.forEach((doc, i) => {
      members.push(s, i);
      views.push(viewOfDoc(s, i));
      pairs.push(0, 0, s, i);
      edits.push(editSimilarity(shards[0][0].wordCodes, doc.wordCodes));
    }),
  );
  return { task: { shardDirs: dirs, members: Uint32Array.from(members), pairs: Uint32Array.from(pairs) }, edits, views };
}

/** The details' views as strings, in the task's order. */
const viewsOf = (d: ClusterDetails): string[] => [...d.viewStarts].map((start, k) => Buffer.from(d.viewBytes).toString('utf8', start, d.viewEnds[k]));

describe('clusterDetails', () => {
  it('reads each pair’s word codes and each member’s view from its shard, in the task’s order', async () => {
    const { task, edits, views } = everything();
    const details = await clusterDetails(task);
    expect([...details.edits]).toEqual(edits);
    expect(viewsOf(details)).toEqual(views);
    // The story against itself, a one-word change, and an unrelated note: the measure separates them.
    expect(details.edits[0]).toBe(1);
    expect(details.edits[1]).toBeGreaterThan(0.9);
    expect(details.edits[4]).toBeLessThan(0.3);
  });

  it('gives an empty view and word codes for a document not in its shard’s file, rather than failing the run’s clusters', async () => {
    const details = await clusterDetails({ shardDirs: dirs, members: Uint32Array.from([1, 99]), pairs: Uint32Array.from([0, 0, 1, 99]) });
    expect(viewsOf(details)).toEqual(['']);
    expect([...details.edits]).toEqual([editSimilarity(shards[0][0].wordCodes, '')]);
  });
});

describe('clusterDetailsOnThread', () => {
  // The compiled module: its worker file exists beside it (npm test builds first).
  const compiled = async () => (await import('../../dist/workers/cluster-details.js')) as typeof import('../../src/workers/cluster-details.js');

  it('reads on a thread of its own (the compiled worker) the same details, taking the task’s arrays', async () => {
    const { task, edits, views } = everything();
    const details = await (await compiled()).clusterDetailsOnThread(task, 1);
    expect([...details.edits]).toEqual(edits);
    expect(viewsOf(details)).toEqual(views);
    expect(task.members.length + task.pairs.length).toBe(0); // transferred to the thread
  });

  it('stays on the calling thread for fewer members than it takes to pay for one', async () => {
    const { task, edits } = everything();
    expect([...(await (await compiled()).clusterDetailsOnThread(task)).edits]).toEqual(edits);
    expect(task.members.length).toBe(10);
  });
});
