import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_DEDUP_OPTIONS, findDuplicates, type DocSignature } from '../../src/dedup/index.js';
import { bandBucketKey, memberOf, parseMember } from '../../src/distributed/bands.js';
import { planShards, type SizedFile } from '../../src/distributed/plan.js';
import { findInputs, type InputFile } from '../../src/io/discover.js';
import type { LineSink } from '../../src/io/write.js';
import type { OutputRecord } from '../../src/types.js';
import {
  decodeLineCounts,
  encodeLineCounts,
  IdRenamer,
  isShardDone,
  lineCountEntries,
  mapStep,
  mergeLineCounts,
  planRenames,
  readStep,
  byteLines,
  CandidateKeys,
  clusterLines,
  clusterShards,
  recordId,
  reduceStep,
  SHARD_FILES,
  withLastField,
  type MapOptions,
} from '../../src/mapreduce.js';
import { runPipeline } from '../../src/pipeline.js';
import { memberView, previewOf } from '../../src/member-view.js';
import { decodeSignatures, encodeSignatures, layoutAt, SIGNATURES_HEADER, viewBytesOf } from '../../src/dedup/signature-file.js';
import type { PackedSignatures } from '../../src/workers/clean-batch.js';
import { tempDir } from '../cli/helpers.js';
import { writeCorpus } from './helpers.js';
import { paragraph } from '../dedup/helpers.js';

const sized = (bytes: number[]): SizedFile[] => bytes.map((b, i) => ({ path: `/in/${i}`, name: `${i}`, bytes: b, mtimeMs: 0 }));
const read = { delimiter: 'q7x2', format: 'auto' as const };

/** Line counts of `files` read into a fresh folder. */
const countsOf = async (files: InputFile[]) => (await readStep(files, read, join(tempDir(), 'read'))).counts!;

describe('planShards', () => {
  it('cuts files into contiguous shards in input order, exactly as many as asked', () => {
    const files = sized([10, 10, 10, 10, 10, 10, 10, 10, 10, 10]);
    const shards = planShards(files, { shards: 4 });
    expect(shards).toHaveLength(4);
    expect(shards.flatMap((s) => s.files.map((f) => f.name))).toEqual(files.map((f) => f.name));
    expect(shards.map((s) => s.index)).toEqual([0, 1, 2, 3]);
    expect(shards.every((s) => s.files.length >= 2 && s.files.length <= 3)).toBe(true);
  });
  it('is deterministic, never makes an empty shard, and gives a huge file a shard of its own', () => {
    const files = sized([1, 1, 1000, 1, 1, 1]);
    const a = planShards(files, { shards: 3 });
    expect(planShards(files, { shards: 3 })).toEqual(a);
    expect(a).toHaveLength(3);
    expect(a.every((s) => s.files.length > 0)).toBe(true);
    expect(a.find((s) => s.files.some((f) => f.name === '2'))!.bytes).toBeGreaterThanOrEqual(1000);
    expect(planShards(sized([1, 2]), { shards: 10 })).toHaveLength(2);
    expect(planShards([], { shards: 3 })).toEqual([]);
  });
  it('sizes shards by bytes by default', () => {
    expect(planShards(sized([100, 100, 100, 100]), { shardBytes: 250 })).toHaveLength(2);
    expect(planShards(sized([100, 100, 100, 100]), { shardBytes: 1 << 30 })).toHaveLength(1);
  });
});

describe('line statistics across shards', () => {
  it('merged shard counts equal the counts of one pass over everything', async () => {
    const dir = tempDir();
    writeCorpus(dir, 60);
    const { files } = await findInputs([dir]);
    const whole = await countsOf(files);
    const cut = Math.floor(files.length / 3);
    const parts = [await countsOf(files.slice(0, cut)), await countsOf(files.slice(cut, 2 * cut)), await countsOf(files.slice(2 * cut))];
    const merged = mergeLineCounts(parts);
    expect(merged.documents).toBe(whole.documents);
    expect(merged.size).toBe(whole.size);
    for (const [hash, n] of lineCountEntries(whole)) expect(merged.get(hash)).toBe(n);
  });
  it('survive encoding to bytes', async () => {
    const dir = tempDir();
    writeCorpus(dir, 20);
    const counts = await countsOf((await findInputs([dir])).files);
    const back = decodeLineCounts(encodeLineCounts(counts));
    expect(back.documents).toBe(counts.documents);
    for (const [hash, n] of lineCountEntries(counts)) expect(back.get(hash)).toBe(n);
    expect(() => decodeLineCounts(Buffer.from('nope'))).toThrow();
  });
  it('ids repeated across shards are renamed as a single run renames them', () => {
    const r = new IdRenamer();
    expect(['a', 'b', 'a', 'a~2', 'a'].map((id) => r.unique(id))).toEqual(['a', 'b', 'a~2', 'a~2~2', 'a~3']);
  });
});

describe('clusterLines', () => {
  it('writes each cluster as the JSON line of { cluster, kept, members: [{ ...member, ...view }] }', () => {
    const member = (id: string, similarity: number) => ({ id, similarity, jaccard: similarity / 2, containment: similarity, edit: 0.25 });
    const clusters = [
      { kept: 'b"1', members: [member('b"1', 1), member('a/2', 0.9)] },
      { kept: 'c', members: [member('c', 1), member('missing', 0.7)] },
    ];
    const records = [
      { id: 'a/2', text: '  Second   copy\n\nof it ', title: 'T “2”', site: null, date: '2024-01-02', lang: 'en', chars_kept: 14 },
      { id: 'b"1', text: 'First', title: null, site: 's', date: null, lang: null, chars_kept: 5 },
      { id: 'c', text: 'x'.repeat(300), title: 'C', site: null, date: null, lang: 'en', chars_kept: 300 },
    ];
    const views = new Map(records.map((r) => [r.id, memberView(r)]));
    const none = { title: null, site: null, date: null, chars: 0, preview: '' };
    const view = (id: string) => {
      const r = records.find((x) => x.id === id);
      return r ? { title: r.title, site: r.site, date: r.date, chars: r.chars_kept, preview: previewOf(r.text) } : none;
    };
    const expected = clusters.map((c, i) => JSON.stringify({ cluster: i + 1, kept: c.kept, members: c.members.map((m) => ({ ...m, ...view(m.id) })) }) + '\n');
    expect([...clusterLines(clusters, views)]).toEqual(expected);
    expect(JSON.parse(expected[0]).members[1]).toMatchObject({ id: 'a/2', title: 'T “2”', preview: 'Second copy of it' });
  });
});

describe('withLastField', () => {
  const text = fc.string({ unit: fc.constantFrom('a', '"', '\\', 'é', '\n', '\u2028', '\ud800', '\udc00', '😀', '}', ','), maxLength: 12 });
  const record = fc.record(
    {
      id: text,
      text,
      title: fc.option(text),
      chars_in: fc.nat(),
      noise: fc.array(fc.record({ text, reason: text }), { maxLength: 2 }),
      metadata: fc.dictionary(fc.constantFrom('2', '10', 'url', '__proto__', 'é'), fc.oneof(text, fc.double(), fc.integer(), fc.constant(null))),
    },
    { requiredKeys: ['id', 'text'] },
  );

  it('gives the bytes of parsing the line, setting the field and serialising it again', () => {
    fc.assert(
      fc.property(record, fc.constantFrom('duplicates', 'duplicate_of'), fc.oneof(text, fc.array(text, { maxLength: 3 })), (r, key, value) => {
        const line = Buffer.from(JSON.stringify(r) + '\n');
        const parsed = JSON.parse(line.toString('utf8'));
        parsed[key] = value;
        expect(withLastField(line, key, value).toString('utf8')).toBe(JSON.stringify(parsed) + '\n');
      }),
      { numRuns: 1000 },
    );
    expect(withLastField(Buffer.from('{}\n'), 'k', 1).toString()).toBe('{"k":1}\n');
    expect(() => withLastField(Buffer.from('[1]\n'), 'k', 1)).toThrow();
  });
});

describe('recordId', () => {
  it('reads the id of a record line without parsing the record, whatever the id holds', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '"', '\\', '/', 'é', '\n', '\u2028', '\ud800', '\udc00', '#', '~', '}', ','), maxLength: 20 }), (id) => {
        expect(recordId(Buffer.from(JSON.stringify({ id, text: 'x "quoted" \\', title: null }) + '\n'))).toBe(id);
      }),
      { numRuns: 500 },
    );
    expect(recordId(Buffer.from('{"text":"t","id":"late"}'))).toBe('late');
  });

  it('byteLines cuts a file into its non-empty lines, newline kept, however lines fall across chunks', async () => {
    const dir = tempDir();
    const long = 'x'.repeat(3 << 20); // spans several 1 MB reads
    const path = join(dir, 'lines.jsonl');
    writeFileSync(path, `a\n\n${long}\né\nlast`);
    const lines: string[] = [];
    for await (const line of byteLines(path)) lines.push(line.toString('utf8'));
    expect(lines).toEqual(['a\n', `${long}\n`, 'é\n', 'last\n']);
  });
});

describe('band keys and signatures', () => {
  it('encodes bucket keys and members', () => {
    expect(bandBucketKey('corpus:ab', 3, 0xdeadbeef)).toBe('corpus:ab:band:3:deadbeef');
    expect(bandBucketKey('p', 0, 5)).toBe('p:band:0:00000005');
    expect(bandBucketKey('p', 1, -1)).toBe('p:band:1:ffffffff');
    expect(parseMember(memberOf(12, 3456))).toEqual({ shard: 12, index: 3456 });
    expect(() => parseMember('x:1')).toThrow();
  });
  it('a signature survives the signatures file, lone surrogates in word codes included', () => {
    const s: DocSignature = { id: 'dir/é.txt#2', minhash: new Uint32Array([1, 2, 0xffffffff]), shingles: new Uint32Array([3, 9]), shingleCount: 200, wordCodes: 'ab\ud800c', length: 1234, words: 210, hasTitle: true, hasSite: false, hasDate: true };
    const other: DocSignature = { ...s, id: 'b', wordCodes: 'xyz', minhash: new Uint32Array([7]), shingles: new Uint32Array(0), hasTitle: false };
    // Written a batch at a time: one buffer per batch or per signature gives the same file.
    const file = Buffer.concat([SIGNATURES_HEADER, encodeSignatures([s, other])]);
    expect(file.equals(Buffer.concat([SIGNATURES_HEADER, encodeSignatures([s]), encodeSignatures([other])]))).toBe(true);
    const all = decodeSignatures(file);
    expect(all.get(0)).toEqual(s);
    expect(all.get(1)).toEqual(other);
    expect([...decodeSignatures(file, new Set([1])).keys()]).toEqual([1]);
    // A file of the earlier signature scheme (128 permutations) is refused, not banded with these.
    expect(() => decodeSignatures(Buffer.concat([Buffer.from('CSIG0001'), encodeSignatures([s])]))).toThrow(/not a signatures file/);
  });
  it('lays a signature out as the file format says: sizes, UTF-8 id, UTF-16LE word codes, little-endian arrays, numbers, flags, view', () => {
    const s: DocSignature = { id: 'é', minhash: new Uint32Array([0x01020304, 0xffffffff]), shingles: new Uint32Array([5]), shingleCount: 7, wordCodes: 'A\udc00', length: 1.5, words: 2, hasTitle: false, hasSite: true, hasDate: true };
    const view = '{"t":"ü"}';
    const b = encodeSignatures([s], [view]);
    const expected = Buffer.alloc(4 + 4 + 2 + 4 + 4 + 4 + 8 + 4 + 4 + 24 + 1 + 4 + 10);
    let o = expected.writeUInt32LE(expected.length - 4, 0);
    o = expected.writeUInt32LE(2, o);
    o += expected.write('é', o, 'utf8');
    o = expected.writeUInt32LE(2, o);
    o = expected.writeUInt16LE(0x41, o);
    o = expected.writeUInt16LE(0xdc00, o);
    o = expected.writeUInt32LE(2, o);
    o = expected.writeUInt32LE(0x01020304, o);
    o = expected.writeUInt32LE(0xffffffff, o);
    o = expected.writeUInt32LE(1, o);
    o = expected.writeUInt32LE(5, o);
    o = expected.writeDoubleLE(7, o);
    o = expected.writeDoubleLE(1.5, o);
    o = expected.writeDoubleLE(2, o);
    o = expected.writeUInt8(6, o);
    o = expected.writeUInt32LE(10, o);
    expected.write(view, o, 'utf8');
    expect(b.equals(expected)).toBe(true);
    expect(viewBytesOf(b, layoutAt(b, 4)).toString('utf8')).toBe(view);
    // Views into a larger buffer are written from their own offset.
    const backing = new Uint32Array([9, 0x01020304, 0xffffffff, 5]);
    expect(encodeSignatures([{ ...s, minhash: backing.subarray(1, 3), shingles: backing.subarray(3) }], [view]).equals(expected)).toBe(true);
    // Without a view the record ends with an empty one.
    const bare = encodeSignatures([s]);
    expect(bare.length).toBe(expected.length - 10);
    expect(viewBytesOf(bare, layoutAt(bare, 4)).length).toBe(0);
  });
});

const collect = (): LineSink & { lines: string[] } => {
  const lines: string[] = [];
  return { path: '(test)', lines, write: async (l) => void lines.push(l), commit: async () => {}, abort: async () => {} };
};

describe('read → map → reduce in-process', () => {
  const options: MapOptions = { read, dedup: DEFAULT_DEDUP_OPTIONS, detectDuplicates: true, keepNoise: false, minChars: 1, jobs: 1 };

  it('gives the bytes of runPipeline, however the files are sharded', async () => {
    const dir = tempDir();
    writeCorpus(dir, 80);
    const { files } = await findInputs([dir]);
    const single = { output: collect(), rejects: collect(), clusters: collect() };
    const expected = await runPipeline(files, { read, dedup: DEFAULT_DEDUP_OPTIONS, dropDuplicates: true, detectDuplicates: true, keepNoise: false, minChars: 1, jobs: 1 }, { ...single, message: () => {} });

    const cut = [0, 5, 17, files.length];
    const shards = cut.slice(0, -1).map((from, i) => files.slice(from, cut[i + 1]));
    const work = tempDir();
    const read1 = await Promise.all(shards.map((s, i) => readStep(s, read, join(work, `read-${i}`), { shard: i })));
    const stats = mergeLineCounts(read1.map((r) => r.counts!));
    const renames = planRenames(read1.map((r) => r.ids));
    expect(renames.flatMap((r) => Object.values(r.records ?? {}))).toEqual(['feed-1~2']);
    const dirs = [];
    for (let i = 0; i < shards.length; i++) {
      dirs.push(join(work, `shard-${i}`));
      await mapStep(join(work, `read-${i}`), stats, options, dirs[i], renames[i]);
    }
    const sinks = { output: collect(), rejects: collect(), clusters: collect() };
    const { summary } = await reduceStep(dirs, { dedup: DEFAULT_DEDUP_OPTIONS, detectDuplicates: true, dropDuplicates: true }, sinks, 'all', files.length);
    expect(sinks.output.lines.join('')).toBe(single.output.lines.join(''));
    expect(sinks.rejects.lines.join('')).toBe(single.rejects.lines.join(''));
    expect(sinks.clusters.lines.join('')).toBe(single.clusters.lines.join(''));
    const { seconds: _a, ...got } = summary;
    const { seconds: _b, ...want } = expected.summary;
    expect(got).toEqual(want);
    expect(summary.duplicates).toBeGreaterThan(0);
    expect(summary.read).toBe(summary.written + summary.duplicates + summary.rejected);
  });

  it('clusters only the candidate members, word codes read back, as findDuplicates clusters every signature', async () => {
    const dir = tempDir();
    writeCorpus(dir, 120);
    // Unrelated texts share no band with anything: candidates narrow to fewer documents than the run's.
    for (let i = 0; i < 6; i++) writeFileSync(join(dir, `unrelated-${i}.txt`), paragraph(`u${i}x`, 400, i + 7));
    const { files } = await findInputs([dir]);
    const work = tempDir();
    const halves = [files.slice(0, 50), files.slice(50)];
    const reads = await Promise.all(halves.map((s, i) => readStep(s, read, join(work, `read-${i}`), { shard: i })));
    const stats = mergeLineCounts(reads.map((r) => r.counts!));
    const renames = planRenames(reads.map((r) => r.ids));
    const dirs = [join(work, 'shard-0'), join(work, 'shard-1')];
    // The band keys are gathered as the map steps write the signatures, here with the shards finishing in
    // reverse order (as concurrent map steps may): the members do not depend on it.
    const gather = async (order: number[]) => {
      const keys = new CandidateKeys(DEFAULT_DEDUP_OPTIONS, 8);
      for (const i of order) {
        const onSignatures = async (signed: PackedSignatures, first: number) => keys.addBatch(i, first, signed);
        await mapStep(join(work, `read-${i}`), stats, options, dirs[i], renames[i], { onSignatures });
      }
      return keys.members() as Map<number, Set<number>>;
    };
    const members = await gather([1, 0]);
    const sorted = (m: Map<number, Set<number>>) => [...m].map(([shard, set]) => [shard, [...set].sort((a, b) => a - b)]).sort((a, b) => (a[0] as number) - (b[0] as number));
    expect(sorted(await gather([0, 1]))).toEqual(sorted(members));
    const all = dirs.flatMap((d) => [...decodeSignatures(readFileSync(join(d, 'signatures.bin'))).values()]);
    const expected = findDuplicates(all, DEFAULT_DEDUP_OPTIONS);
    expect([...members.values()].reduce((n, m) => n + m.size, 0)).toBeLessThan(all.length);
    expect(expected.clusters.length).toBeGreaterThan(2);
    // The clusters are complete once their details (edit similarities, views) are in.
    const complete = async ({ details, ...result }: Awaited<ReturnType<typeof clusterShards>>) => {
      await details;
      return result;
    };
    expect(await complete(await clusterShards(dirs, members, DEFAULT_DEDUP_OPTIONS))).toEqual(expected);
    expect(await complete(await clusterShards(dirs, 'all', DEFAULT_DEDUP_OPTIONS))).toEqual(expected);
    // Each member's view is what its cleaned record shows.
    const views = await (await clusterShards(dirs, members, DEFAULT_DEDUP_OPTIONS)).details;
    const records = new Map(dirs.flatMap((d) => readFileSync(join(d, SHARD_FILES.records), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as OutputRecord).map((r) => [r.id, r] as const)));
    const ids = expected.clusters.flatMap((c) => c.members.map((m) => m.id));
    expect(ids.length).toBeGreaterThan(4);
    for (const id of ids) expect(views.get(id)).toBe(memberView(records.get(id)!));
    expect(views.get([...records.keys()].find((id) => !ids.includes(id))!)).toBeUndefined();
  });

  it('the map step cleans the read folder: inputs are read once, and may be gone by then', async () => {
    const dir = tempDir();
    writeCorpus(dir, 12);
    const { files } = await findInputs([dir]);
    const work = tempDir();
    const { counts } = await readStep(files, read, join(work, 'read'));
    const reference = join(work, 'before');
    await mapStep(join(work, 'read'), counts, options, reference);
    rmSync(dir, { recursive: true, force: true });
    const after = join(work, 'after');
    await mapStep(join(work, 'read'), counts, options, after);
    expect(readFileSync(join(after, 'records.jsonl'), 'utf8')).toBe(readFileSync(join(reference, 'records.jsonl'), 'utf8'));
    expect(readFileSync(join(after, 'records.jsonl'), 'utf8').split('\n').filter(Boolean).length).toBeGreaterThan(5);
  });

  it('a shard folder appears only when complete, and a repeated map step leaves a done shard as it was', async () => {
    const dir = tempDir();
    writeCorpus(dir, 12);
    const { files } = await findInputs([dir]);
    const work = tempDir();
    const shard = join(work, 'shard-00000');
    mkdirSync(`${shard}.tmp-999-dead`); // a killed attempt's leftovers: not a done shard
    expect(await isShardDone(shard)).toBe(false);
    const readDir = join(work, 'read');
    const { counts } = await readStep(files, read, readDir);
    await mapStep(readDir, counts, options, shard);
    expect(await isShardDone(shard)).toBe(true);
    const before = readFileSync(join(shard, 'summary.json'), 'utf8');
    await mapStep(readDir, counts, options, shard);
    expect(readFileSync(join(shard, 'summary.json'), 'utf8')).toBe(before);
    expect(existsSync(join(shard, 'records.jsonl'))).toBe(true);
  });
  it('fsyncs the folders it writes unless told they are a private temporary folder, with the same bytes either way', async () => {
    const dir = tempDir();
    writeCorpus(dir, 6);
    const { files } = await findInputs([dir]);
    const probe = await open(join(dir, 'probe'), 'w');
    const sync = vi.spyOn(Object.getPrototypeOf(probe), 'sync');
    await probe.close();
    const folders = async (durable: boolean | undefined) => {
      const work = tempDir();
      const { counts } = await readStep(files, read, join(work, 'read'), { durable });
      await mapStep(join(work, 'read'), counts, options, join(work, 'shard'), {}, { durable });
      return ['records.jsonl', 'signatures.bin'].map((f) => readFileSync(join(work, 'shard', f)));
    };
    try {
      const durable = await folders(undefined);
      expect(sync.mock.calls.length).toBeGreaterThanOrEqual(5); // rows, read rejects, records, clean rejects, signatures
      sync.mockClear();
      expect(await folders(false)).toEqual(durable);
      expect(sync).not.toHaveBeenCalled();
    } finally {
      sync.mockRestore();
    }
  });
});
