import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { article, corpus, fixture, jsonl, tempDir } from './helpers.js';
import { corpusOnTerminal, ESCAPE, hasScript } from './terminal.js';

const SEED_A = fixture('seeds/000_b2eabbe78eb1f9e1.txt');
const SEED_B = fixture('seeds/001_8ae16dfbaa6e08a5.txt');

describe('corpus explain', () => {
  it('explains two files: similarities, threshold, verdict and the paragraphs side by side within the width', () => {
    const r = corpus(['explain', SEED_A, SEED_B, '--width', '80']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^jaccard +0\.\d{3}$/m);
    expect(r.stdout).toMatch(/^containment +0\.\d{3} +← decides \(containment ≥ 0\.6\)$/m);
    expect(r.stdout).toMatch(/^edit +0\.\d{3}  \(first 128 words\)$/m);
    expect(r.stdout).toMatch(/^verdict +duplicates: containment 0\.\d+ reaches the threshold 0\.6$/m);
    expect(r.stdout).toMatch(/^= De nouveaux pays|^~ De nouveaux pays/m);
    expect(r.stdout).toMatch(/^> +│ Exploiter les avantages de l’IA/m);
    for (const line of r.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
    expect(r.stdout + r.stderr).not.toMatch(ESCAPE);
  });

  it('gives the figures and the alignment as JSON, and follows --threshold and --measure', () => {
    const e = JSON.parse(corpus(['explain', SEED_A, SEED_B, '--json']).stdout);
    expect(e).toMatchObject({ measure: 'containment', threshold: 0.6, duplicate: true, a: { id: SEED_A }, b: { id: SEED_B } });
    expect(new Set(e.alignment.map((row: { kind: string }) => row.kind))).toEqual(new Set(['same', 'changed', 'onlyB']));
    const strict = JSON.parse(corpus(['explain', SEED_A, SEED_B, '--json', '--measure', 'jaccard', '--threshold', '0.999']).stdout);
    expect(strict).toMatchObject({ measure: 'jaccard', threshold: 0.999, duplicate: false });
    expect(strict.reason).toMatch(/jaccard 0\.\d+ is below the threshold 0\.999/);
  });

  it('names documents of a multi-document file as FILE#N, and says how when one is ambiguous', () => {
    const file = join(tempDir(), 'three.txt');
    writeFileSync(file, [article(1, 4), article(2, 4), `${article(1, 4)}\n\nOne more paragraph added by the republisher at the end of the copy.`].join('\nq7x2\n'));
    const same = JSON.parse(corpus(['explain', `${file}#1`, `${file}#3`, '--json']).stdout);
    expect(same).toMatchObject({ duplicate: true, a: { id: `${file}#1` } });
    expect(JSON.parse(corpus(['explain', `${file}#1`, `${file}#2`, '--json']).stdout).duplicate).toBe(false);
    const ambiguous = corpus(['explain', file, `${file}#2`]);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain(`holds 3 documents; name one as ${file}#1 … ${file}#3`);
    expect(corpus(['explain', `${file}#4`, `${file}#1`]).stderr).toMatch(/holds 3 documents; #4 does not exist/);
    const missing = corpus(['explain', 'nope.txt', `${file}#1`]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.txt: no such file; give two files, FILE#N .* or record ids with --in INPUTS/);
  });

  it('with --in, explains records of a corpus with the figures its dupes run reports', () => {
    const ids = ['000_b2eabbe78eb1f9e1.txt', '001_8ae16dfbaa6e08a5.txt'];
    const e = JSON.parse(corpus(['explain', ...ids, '--in', fixture('seeds'), '--json']).stdout);
    const [cluster] = jsonl(corpus(['dupes', fixture('seeds'), '--json']).stdout);
    const copy = (cluster.members as { id: string; containment: number; jaccard: number; edit: number }[])[1];
    expect(e.containment).toBeCloseTo(copy.containment, 10);
    expect(e.jaccard).toBeCloseTo(copy.jaccard, 10);
    expect(e.edit).toBeCloseTo(copy.edit, 10);
    expect(e.in_run).toBe('same cluster (kept: 000_b2eabbe78eb1f9e1.txt)');
    const unknown = corpus(['explain', ids[0], 'nope', '--in', fixture('seeds')]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no cleaned record with id "nope" .* \| jq -r \.id/);
    const missing = corpus(['explain', ...ids, '--in', fixture('seeds'), '/nonexistent-corpus-input']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nonexistent-corpus-input: no such file/);
    expect(missing.stdout).toMatch(/^verdict +duplicates/m);
  });

  it('marks paragraphs with colour on request, never with NO_COLOR', () => {
    expect(corpus(['explain', SEED_A, SEED_B], undefined, { NO_COLOR: undefined, FORCE_COLOR: '1' }).stdout).toMatch(ESCAPE);
    expect(corpus(['explain', SEED_A, SEED_B], undefined, { NO_COLOR: '1', FORCE_COLOR: '1' }).stdout).not.toMatch(ESCAPE);
  });

  it.skipIf(!hasScript)('on a terminal with NO_COLOR: markers only, no escape codes', () => {
    const r = corpusOnTerminal(['explain', SEED_A, SEED_B], { NO_COLOR: '1' });
    expect(r.code).toBe(0);
    expect(r.output).toMatch(/^= /m);
    expect(r.output).not.toMatch(ESCAPE);
  });
});
