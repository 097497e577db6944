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

function mixBlock(h: number, k: number): number {
  k = Math.imul(k, C1);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, C2);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/**
 * murmur3_32 fed one code point at a time (its UTF-8 bytes): a word hashed while a scan reads it, no string built.
 * One instance is reused: `start`, `addPoint`…, `finish`.
 */
export class Murmur3Stream {
  private h = 0;
  /** Pending bytes, little-endian, and their number. */
  private block = 0;
  private filled = 0;
  /** Bytes fed so far. */
  private total = 0;

  start(seed: number): void {
    this.h = seed | 0;
    this.block = this.filled = this.total = 0;
  }

  /** Feeds a code point's UTF-8 bytes (a lone surrogate is the caller's to replace). */
  addPoint(point: number): void {
    if (point < 0x80) this.addByte(point);
    else if (point < 0x800) {
      this.addByte(0xc0 | (point >> 6));
      this.addByte(0x80 | (point & 63));
    } else if (point < 0x10000) {
      this.addByte(0xe0 | (point >> 12));
      this.addByte(0x80 | ((point >> 6) & 63));
      this.addByte(0x80 | (point & 63));
    } else {
      this.addByte(0xf0 | (point >> 18));
      this.addByte(0x80 | ((point >> 12) & 63));
      this.addByte(0x80 | ((point >> 6) & 63));
      this.addByte(0x80 | (point & 63));
    }
  }

  private addByte(byte: number): void {
    this.block |= byte << (this.filled << 3);
    this.total++;
    if (++this.filled === 4) {
      this.h = mixBlock(this.h, this.block);
      this.block = this.filled = 0;
    }
  }

  /** The hash of the bytes fed since `start`. */
  finish(): number {
    let h = this.h;
    if (this.filled > 0) {
      let k = Math.imul(this.block, C1);
      k = (k << 15) | (k >>> 17);
      k = Math.imul(k, C2);
      h ^= k;
    }
    h ^= this.total;
    return fmix32(h);
  }
}

const stream = new Murmur3Stream();

/**
 * murmur3_32 of the UTF-8 encoding of `text` (unpaired surrogates encode as U+FFFD, like TextEncoder), or of
 * its units `start` to `end`: a word hashed where it lies, no substring built.
 */
export function murmur3(text: string, seed = 0, start = 0, end = text.length): number {
  stream.start(seed);
  for (let i = start; i < end; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      } else c = 0xfffd;
    } else if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    stream.addPoint(c);
  }
  return stream.finish();
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
