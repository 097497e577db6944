/** `CORPUS_DEBUG_MEMORY=1`: one line on stderr per stage with the process's memory, to find where a run's peak is. */
export function debugMemory(stage: string): void {
  if (!process.env.CORPUS_DEBUG_MEMORY) return;
  // With node --expose-gc the figures are of live data only.
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  const mb = (n: number): string => (n / 1e6).toFixed(0);
  process.stderr.write(`[memory] after ${stage}: rss ${mb(m.rss)} MB, heap ${mb(m.heapUsed)} MB of ${mb(m.heapTotal)} MB, external ${mb(m.external)} MB, array buffers ${mb(m.arrayBuffers)} MB\n`);
}
