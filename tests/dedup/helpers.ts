/** Deterministic synthetic text for dedup tests: distinct "paragraphs" of made-up words. */
export function words(prefix: string, count: number, seed = 1): string[] {
  let state = seed >>> 0;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    out.push(`${prefix}${(state >>> 8).toString(36)}`);
  }
  return out;
}

export const paragraph = (prefix: string, count = 100, seed = 1): string => words(prefix, count, seed).join(' ');
