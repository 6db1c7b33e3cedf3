// The checks of a loaded snapshot's arrays walk them a chunk (16,384 entries) at a time; a fault
// anywhere, chunk boundaries included, is found, and sound arrays pass.
import { describe, expect, it } from 'vitest';
import { allWithin, risesTo, strictlyOrdered } from '../../src/snapshot/checks.js';

const LENGTH = 3 * 16384 + 5;
const PLACES = [0, 1, 16383, 16384, 16385, 32768, LENGTH - 1];

describe('snapshot array checks', () => {
  it('allWithin finds one entry out of range wherever it is, below or above', () => {
    const sound = new Int32Array(LENGTH).map((_, i) => (i % 7) - 1);
    expect(allWithin(sound, -1, 6)).toBe(true);
    for (const at of PLACES) {
      for (const bad of [-2, 6]) {
        const a = sound.slice();
        a[at] = bad;
        expect(allWithin(a, -1, 6), `${bad} at ${at}`).toBe(false);
      }
    }
    expect(allWithin(new Uint8Array(0), 0, 0)).toBe(true);
  });

  it('risesTo finds a fall wherever it is, and wrong ends', () => {
    const sound = new Uint32Array(LENGTH).map((_, i) => Math.floor(i / 3));
    const last = sound[LENGTH - 1] as number;
    expect(risesTo(sound, last)).toBe(true);
    for (const at of PLACES.filter((p) => p >= 3 && p < LENGTH - 1)) {
      const a = sound.slice();
      a[at] = 0; // the entry before is at least 1
      expect(risesTo(a, last), `fall at ${at}`).toBe(false);
    }
    expect(risesTo(sound, last + 1)).toBe(false);
    const start = sound.slice();
    start[0] = 1;
    expect(risesTo(start, last)).toBe(false);
    expect(risesTo(new Uint32Array(0), 0)).toBe(false);
  });

  it('strictlyOrdered finds a repeat or a step back wherever it is', () => {
    const sound = Array.from({ length: LENGTH }, (_, i) => `w${i.toString().padStart(6, '0')}`);
    expect(strictlyOrdered(sound)).toBe(true);
    for (const at of PLACES.filter((p) => p > 0)) {
      const repeat = [...sound];
      repeat[at] = repeat[at - 1] as string;
      expect(strictlyOrdered(repeat), `repeat at ${at}`).toBe(false);
      const back = [...sound];
      back[at] = 'a';
      expect(strictlyOrdered(back), `step back at ${at}`).toBe(false);
    }
    expect(strictlyOrdered([])).toBe(true);
  });
});
