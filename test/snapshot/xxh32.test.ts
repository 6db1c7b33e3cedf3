// The snapshot's checksum is the reference XXH32: its published values, and aligned and unaligned input alike.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { xxh32 } from '../../src/snapshot/xxh32.js';

const text = (s: string) => new TextEncoder().encode(s);

describe('xxh32', () => {
  it('gives the values published with the reference implementation', () => {
    expect(xxh32(new Uint8Array())).toBe(0x02cc5d05);
    expect(xxh32(text('a'))).toBe(0x550d7456);
    expect(xxh32(text('abc'))).toBe(0x32d153ff);
    expect(xxh32(text('Nobody inspects the spammish repetition'))).toBe(0xe2293b2f);
  });

  it('reads words the same whether the bytes are aligned or not', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.integer({ min: 1, max: 7 }), (bytes, shift) => {
        const unaligned = new Uint8Array(bytes.length + shift).subarray(shift);
        unaligned.set(bytes);
        expect(xxh32(unaligned)).toBe(xxh32(bytes));
      }),
      { numRuns: 200, seed: 3 },
    );
  });

  it('reads long input, hashed a chunk of 16 KiB at a time when aligned, the same as unaligned, at and around the chunk boundaries', () => {
    const long = new Uint8Array(3 * 16384 + 64).map((_, i) => (i * 2654435761) >>> 24);
    for (const length of [16383, 16384, 16385, 16399, 16400, 16401, 32768, 32784, 3 * 16384 + 17, long.length]) {
      const bytes = long.subarray(0, length);
      const unaligned = new Uint8Array(length + 1).subarray(1);
      unaligned.set(bytes);
      expect(xxh32(bytes), `${length} bytes`).toBe(xxh32(unaligned));
    }
  });

  it('changes when any one bit changes', () => {
    const bytes = text('Healthy Lungs course, Tuesdays 10:00 at the leisure centre');
    const base = xxh32(bytes);
    for (let i = 0; i < bytes.length * 8; i++) {
      const flipped = bytes.slice();
      flipped[i >> 3] = (flipped[i >> 3] as number) ^ (1 << (i & 7));
      expect(xxh32(flipped)).not.toBe(base);
    }
  });
});
