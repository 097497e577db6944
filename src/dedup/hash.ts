/**
 * MurmurHash3 (x86, 32-bit) of a string's UTF-8 bytes, hand-written so shingle hashing needs no
 * dependency and no allocation: the UTF-8 bytes are produced on the fly from the UTF-16 code units.
 * Output equals the reference murmur3_32 of the UTF-8 encoding (tested against published vectors).
 */

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

/** The murmur3 final avalanche: a bijection on 32-bit integers. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Mixes one 4-byte block (little-endian) into the murmur3 state. */
export function mixBlock(h: number, k: number): number {
  k = Math.imul(k, C1);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, C2);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/**
 * murmur3_32 of the UTF-8 encoding of `text` (unpaired surrogates encode as U+FFFD, like TextEncoder), or of
 * its units `start` to `end`: a word hashed where it lies, no substring built.
 */
export function murmur3(text: string, seed = 0, start = 0, end = text.length): number {
  let h = seed | 0;
  let block = 0; // pending bytes, little-endian
  let filled = 0; // bytes in `block`
  let total = 0;
  const push = (byte: number): void => {
    block |= byte << (filled << 3);
    if (++filled === 4) {
      h = mixBlock(h, block);
      block = 0;
      filled = 0;
    }
  };
  for (let i = start; i < end; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      // ASCII fast path: words of Latin-script text are almost all this branch
      block |= c << (filled << 3);
      total++;
      if (++filled === 4) {
        h = mixBlock(h, block);
        block = 0;
        filled = 0;
      }
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      } else c = 0xfffd;
    } else if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x800) {
      push(0xc0 | (c >> 6));
      push(0x80 | (c & 63));
      total += 2;
    } else if (c < 0x10000) {
      push(0xe0 | (c >> 12));
      push(0x80 | ((c >> 6) & 63));
      push(0x80 | (c & 63));
      total += 3;
    } else {
      push(0xf0 | (c >> 18));
      push(0x80 | ((c >> 12) & 63));
      push(0x80 | ((c >> 6) & 63));
      push(0x80 | (c & 63));
      total += 4;
    }
  }
  return murmur3Finish(h, block, filled, total);
}

/** murmur3_32's end: the `filled` pending bytes of `block` mixed in, then the length (`total` bytes) and the avalanche. */
export function murmur3Finish(h: number, block: number, filled: number, total: number): number {
  if (filled > 0) {
    let k = Math.imul(block, C1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, C2);
    h ^= k;
  }
  h ^= total;
  return fmix32(h);
}

/**
 * murmur3_32 over a run of 32-bit words (`count` words of `words` from `start`): hashes a word
 * shingle from its words' hashes, so a shingle costs `count` block mixes and no string building.
 */
export function murmur3Words(words: Uint32Array, start: number, count: number, seed = 0): number {
  let h = seed | 0;
  for (let i = start; i < start + count; i++) h = mixBlock(h, words[i]);
  h ^= count << 2;
  return fmix32(h);
}
