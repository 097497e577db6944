/** 32-bit FNV-1a over UTF-16 code units, one unit at a time, so a scan can hash what it reads without building a string. */

/** FNV-1a's offset basis. */
export const FNV_OFFSET = 0x811c9dc5;
/** FNV-1a's 32-bit prime. */
const FNV_PRIME = 0x01000193;

/** The hash after one more unit (a signed 32-bit integer; `>>> 0` gives the unsigned value). */
export const fnvStep = (hash: number, unit: number): number => Math.imul(hash ^ unit, FNV_PRIME);
