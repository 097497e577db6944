/**
 * `corpus sign … --signatures out.parquet`: the LSH band keys of every document as (id, band, key) rows, for
 * users who join them on their own Spark or DuckDB cluster. Two documents sharing a (band, key) are a candidate
 * pair (the README shows the GROUP BY); verifying candidates still needs the texts or `corpus explain`.
 */
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { bandingFor, type DedupOptions } from '../dedup/index.js';
import { bandKeys } from '../dedup/lsh.js';
import type { InputFile } from '../io/discover.js';
import { createSpoolDir } from '../io/spool.js';
import { trackTemporary, untrackTemporary } from '../io/write.js';
import { mapStep, planRenames, readShardSignatures, readStep, type MapOptions, type ShardSummary } from '../mapreduce.js';

/** A SQL string literal. */
const sqlString = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** Rows appended per appender flush. */
const FLUSH_ROWS = 100_000;

/**
 * Reads, cleans and signs `files` exactly as `corpus clean` does (one in-process shard), then writes one row per
 * document and band to a Parquet file at `path`, atomically. Empty documents have no rows (they are never
 * candidates). Returns the shard's accounting and the number of rows.
 */
export async function writeSignaturesParquet(files: readonly InputFile[], options: Omit<MapOptions, 'detectDuplicates'>, path: string): Promise<{ summary: ShardSummary; rows: number }> {
  const work = await createSpoolDir();
  const tmp = `${path}.tmp-${process.pid}.parquet`;
  trackTemporary(tmp);
  try {
    const readDir = join(work.dir, 'read');
    const { counts, ids } = await readStep(files, options.read, readDir, { countLines: !options.skipCleaning });
    const dir = join(work.dir, 'shard');
    const summary = await mapStep(readDir, counts, { ...options, detectDuplicates: true }, dir, planRenames([ids])[0]);
    const signatures = await readShardSignatures(dir);
    const rows = await writeBandRows(signatures.values(), options.dedup, tmp);
    await rename(tmp, path);
    return { summary, rows };
  } finally {
    await rm(tmp, { force: true });
    untrackTemporary(tmp);
    await work.dispose();
  }
}

/** Writes (id VARCHAR, band INTEGER, key UINTEGER) rows through a DuckDB appender, then COPY … TO Parquet. */
export async function writeBandRows(signatures: Iterable<{ id: string; minhash: Uint32Array; shingles: Uint32Array }>, dedup: DedupOptions, path: string): Promise<number> {
  const banding = bandingFor(dedup);
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run('CREATE TABLE signatures (id VARCHAR NOT NULL, band INTEGER NOT NULL, key UINTEGER NOT NULL)');
    const appender = await connection.createAppender('signatures');
    let rows = 0;
    for (const s of signatures) {
      if (s.shingles.length === 0) continue;
      const keys = bandKeys(s.minhash, banding);
      for (let band = 0; band < keys.length; band++) {
        appender.appendVarchar(s.id);
        appender.appendInteger(band);
        appender.appendUInteger(keys[band]);
        appender.endRow();
        if (++rows % FLUSH_ROWS === 0) appender.flushSync();
      }
    }
    appender.closeSync();
    await connection.run(`COPY (SELECT * FROM signatures ORDER BY band, key, id) TO ${sqlString(path)} (FORMAT parquet)`);
    return rows;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
