import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../src/memory.js';

describe('collectGarbage', () => {
  it('frees dead objects at once rather than on V8 schedule', () => {
    collectGarbage();
    let dead: object[] | null = Array.from({ length: 500_000 }, (_, i) => ({ i, s: `item ${i}` }));
    const full = process.memoryUsage().heapUsed;
    expect(dead.length).toBe(500_000);
    dead = null;
    collectGarbage();
    expect(full - process.memoryUsage().heapUsed).toBeGreaterThan(20e6);
  });
});
