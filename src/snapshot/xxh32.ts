/**
 * XXH32 (xxHash, 32-bit, by Yann Collet): the snapshot's checksum. Chosen over CRC-32 for speed in
 * JavaScript: it reads 32-bit little-endian words with `Math.imul` and rotations, about a byte
 * per cycle, where a table-driven CRC-32 reads one byte per table look-up. The algorithm is the
 * reference one (https://github.com/Cyan4973/xxHash/blob/dev/doc/xxhash_spec.md), checked against
 * its published values in `test/snapshot/xxh32.test.ts`.
 *
 * @module
 */
const P1 = 0x9e3779b1;
const P2 = 0x85ebca77;
const P3 = 0xc2b2ae3d;
const P4 = 0x27d4eb2f;
const P5 = 0x165667b1;

function rotl(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}

/** The little-endian 32-bit word at byte `i` (any alignment). */
function word(b: Uint8Array, i: number): number {
  return ((b[i] as number) | ((b[i + 1] as number) << 8) | ((b[i + 2] as number) << 16) | ((b[i + 3] as number) << 24)) >>> 0;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** Words hashed per call of {@link stripes} (16 KiB). */
const CHUNK_WORDS = 4096;

/** The four lanes over words `from` to `to` (a multiple of 4 apart), updated in place. */
function stripes(words: Uint32Array, from: number, to: number, lanes: Int32Array): void {
  let v1 = lanes[0] as number;
  let v2 = lanes[1] as number;
  let v3 = lanes[2] as number;
  let v4 = lanes[3] as number;
  for (let w = from; w < to; w += 4) {
    v1 = Math.imul(rotl((v1 + Math.imul(words[w] as number, P2)) | 0, 13), P1);
    v2 = Math.imul(rotl((v2 + Math.imul(words[w + 1] as number, P2)) | 0, 13), P1);
    v3 = Math.imul(rotl((v3 + Math.imul(words[w + 2] as number, P2)) | 0, 13), P1);
    v4 = Math.imul(rotl((v4 + Math.imul(words[w + 3] as number, P2)) | 0, 13), P1);
  }
  lanes[0] = v1;
  lanes[1] = v2;
  lanes[2] = v3;
  lanes[3] = v4;
}

/** XXH32 of `bytes` with `seed`, as an unsigned 32-bit number. */
export function xxh32(bytes: Uint8Array, seed = 0): number {
  const len = bytes.length;
  let i = 0;
  let h: number;
  if (len >= 16) {
    let v1 = (seed + P1 + P2) | 0;
    let v2 = (seed + P2) | 0;
    let v3 = seed | 0;
    let v4 = (seed - P1) | 0;
    const limit = len - 16;
    // Aligned input on a little-endian machine is read as 32-bit words directly (about 4× faster),
    // a chunk of words per call: a function called many times is optimised whole, where one call
    // over a gigabyte would run the slower code the engine swaps in mid-loop (0.47 s against 0.22 s
    // for the first checksum of a 1M snapshot here).
    const aligned = LITTLE_ENDIAN && bytes.byteOffset % 4 === 0;
    if (aligned) {
      const words = new Uint32Array(bytes.buffer, bytes.byteOffset, len >>> 2);
      const end = ((limit >>> 4) + 1) << 2;
      const lanes = new Int32Array([v1, v2, v3, v4]);
      for (let w = 0; w < end; w += CHUNK_WORDS) stripes(words, w, Math.min(end, w + CHUNK_WORDS), lanes);
      [v1, v2, v3, v4] = lanes as unknown as [number, number, number, number];
      i = end << 2;
    } else {
      for (; i <= limit; i += 16) {
        v1 = Math.imul(rotl((v1 + Math.imul(word(bytes, i), P2)) | 0, 13), P1);
        v2 = Math.imul(rotl((v2 + Math.imul(word(bytes, i + 4), P2)) | 0, 13), P1);
        v3 = Math.imul(rotl((v3 + Math.imul(word(bytes, i + 8), P2)) | 0, 13), P1);
        v4 = Math.imul(rotl((v4 + Math.imul(word(bytes, i + 12), P2)) | 0, 13), P1);
      }
    }
    h = (rotl(v1, 1) + rotl(v2, 7) + rotl(v3, 12) + rotl(v4, 18)) | 0;
  } else {
    h = (seed + P5) | 0;
  }
  h = (h + len) | 0;
  for (; i + 4 <= len; i += 4) h = Math.imul(rotl((h + Math.imul(word(bytes, i), P3)) | 0, 17), P4);
  for (; i < len; i++) h = Math.imul(rotl((h + Math.imul(bytes[i] as number, P5)) | 0, 11), P1);
  h ^= h >>> 15;
  h = Math.imul(h, P2);
  h ^= h >>> 13;
  h = Math.imul(h, P3);
  h ^= h >>> 16;
  return h >>> 0;
}
