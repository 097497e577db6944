/** `corpus report`: one self-contained HTML file with the run's figures, plots, clusters and removed noise. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CleanedDocument } from '../../explain.js';
import { openLineSink } from '../../io/write.js';
import { diffedCopies, MAX_DIFF_CLUSTERS, MAX_NOISE_DOCUMENTS, renderReport, type NoiseDocument } from '../../report/html.js';
import { addCluster, addRecord, createStats, finishStats, type ClusterRecord } from '../../stats.js';
import type { OutputRecord } from '../../types.js';
import { collectRun, CommandUsageError, exitCodeOf, withUsageErrors, type InputFlags } from './common.js';

export interface ReportFlags extends InputFlags {
  output?: string;
}

function packageVersion(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return JSON.parse(readFileSync(join(here, '..', '..', '..', 'package.json'), 'utf8')).version;
}

/** What the page needs of the records, gathered as they stream past: texts of diffed clusters, the first documents' noise. */
class ReportCollector {
  readonly stats = createStats();
  readonly documents = new Map<string, CleanedDocument>();
  readonly noise: NoiseDocument[] = [];
  noiseOmitted = 0;
  /** Members of the clusters that get diffs; null until the clusters are known. */
  private diffed: Set<string> | null = null;
  private clusterCount = 0;

  addCluster(cluster: ClusterRecord): void {
    addCluster(this.stats, cluster);
    this.diffed ??= new Set();
    if (++this.clusterCount > MAX_DIFF_CLUSTERS) return;
    for (const id of [cluster.kept, ...diffedCopies(cluster)]) this.diffed.add(id);
  }

  addRecord(r: OutputRecord): void {
    addRecord(this.stats, r);
    // Clusters normally arrive before records; should they not, every clustered record's text is kept.
    const clustered = r.duplicate_of !== undefined || !!r.duplicates?.length;
    if (this.diffed ? this.diffed.has(r.id) : clustered) this.documents.set(r.id, { id: r.id, text: r.text, title: r.title, site: r.site, date: r.date, lang: r.lang });
    if (!r.noise?.length) return;
    if (this.noise.length < MAX_NOISE_DOCUMENTS) this.noise.push({ id: r.id, title: r.title, chars_in: r.chars_in, chars_kept: r.chars_kept, noise: r.noise });
    else this.noiseOmitted++;
  }
}

export async function runReport(inputs: string[], flags: ReportFlags): Promise<number> {
  return withUsageErrors(async () => {
    const toStdout = flags.output === undefined || flags.output === '-';
    if (toStdout && process.stdout.isTTY) throw new CommandUsageError('the report is an HTML file; name it with -o, e.g. corpus report fixtures/seeds -o report.html');
    const collector = new ReportCollector();
    const run = await collectRun(inputs, flags, { keepNoise: true, onRecord: (r) => collector.addRecord(r), onCluster: (c) => collector.addCluster(c) });
    const clusters = run.result.clusters as ClusterRecord[];
    const { read, rejected, rejectReasons } = run.result.summary;
    const html = renderReport({
      figures: finishStats(collector.stats, clusters),
      run: { read, rejected, rejectReasons },
      clusters,
      documents: collector.documents,
      noise: collector.noise,
      noiseOmitted: collector.noiseOmitted,
      inputs,
      version: packageVersion(),
    });
    const sink = openLineSink(flags.output);
    try {
      await sink.write(html);
      await sink.commit();
    } catch (err) {
      await sink.abort();
      throw err;
    }
    const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;
    if (!flags.quiet && !toStdout) process.stderr.write(`corpus: wrote ${flags.output}: ${count(collector.stats.documents, 'document')}, ${count(clusters.length, 'duplicate cluster')}\n`);
    return exitCodeOf(run);
  });
}
