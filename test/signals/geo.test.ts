import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { haversineKm } from '../../src/index.js';
import { minDistanceToBoxKm } from '../../src/signals/geo.js';

describe('minDistanceToBoxKm', () => {
  it('is 0 inside the box', () => {
    expect(minDistanceToBoxKm(53.39, -1.46, 53.38, 53.4, -1.47, -1.45)).toBe(0);
  });

  it('never exceeds the distance to any point of the box (boxes up to 3 degrees, anywhere but the poles)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -80, max: 80, noNaN: true }),
        fc.double({ min: -179, max: 176, noNaN: true }),
        fc.double({ min: 0.0001, max: 3, noNaN: true }),
        fc.double({ min: 0.0001, max: 3, noNaN: true }),
        fc.double({ min: -85, max: 85, noNaN: true }),
        fc.double({ min: -180, max: 180, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (minLat, minLon, h, w, lat, lon, u, v) => {
          const maxLat = Math.min(85, minLat + h);
          const maxLon = minLon + w;
          const bound = minDistanceToBoxKm(lat, lon, minLat, maxLat, minLon, maxLon);
          const inside = haversineKm(lat, lon, minLat + u * (maxLat - minLat), minLon + v * (maxLon - minLon));
          expect(bound).toBeLessThanOrEqual(inside);
        },
      ),
      { numRuns: 20_000 },
    );
  });
});

/** Asserts the bound is within 1 part in 10⁵ and 2 m of `trueKm`, and never above it. */
function expectTight(bound: number, trueKm: number): void {
  expect(bound).toBeLessThanOrEqual(trueKm);
  expect(bound).toBeGreaterThanOrEqual(trueKm * (1 - 1e-5) - 0.002);
}

describe('minDistanceToBoxKm is tight where the nearest point is known', () => {
  // Boxes like the catalogue's blocks (a few km a side) and points whose nearest point of the box
  // is exact: on the same meridian, or on the equator facing a box edge (a meridian).
  it('due north and due south of a small box: the distance along the meridian', () => {
    expectTight(minDistanceToBoxKm(55, -1.46, 53.38, 53.4, -1.47, -1.45), haversineKm(55, -1.46, 53.4, -1.46));
    expectTight(minDistanceToBoxKm(51, -1.46, 53.38, 53.4, -1.47, -1.45), haversineKm(51, -1.46, 53.38, -1.46));
  });

  it('on the equator east and west of a box: the distance to the nearer edge', () => {
    expectTight(minDistanceToBoxKm(0, 10, -1, 1, 12, 13), haversineKm(0, 10, 0, 12));
    expectTight(minDistanceToBoxKm(0, 15, -1, 1, 12, 13), haversineKm(0, 15, 0, 13));
  });

  it('across the antimeridian, from either side', () => {
    // 0.7° east of the box across 180°, and 0.8° west of a box that starts just past it.
    expectTight(minDistanceToBoxKm(0, -179.5, -1, 1, 179, 179.8), haversineKm(0, -179.5, 0, 179.8));
    expectTight(minDistanceToBoxKm(0, 179.5, -1, 1, -179.7, -179), haversineKm(0, 179.5, 0, -179.7));
  });

  it('far from a box (the triangle-inequality bound): no further below the nearest corner than about the box’s diameter', () => {
    // A box 2° a side whose centre is off the equator, seen from 98° of longitude away. The true
    // distance is at most the nearest corner's, and at least that less the diameter; the bound
    // (distance to the centre less the box's radius) may lose a little more, never thousands of km.
    const cornerKm = haversineKm(0, 100, 10, 2);
    const diameter = haversineKm(10, 0, 12, 2);
    const bound = minDistanceToBoxKm(0, 100, 10, 12, 0, 2);
    expect(bound).toBeLessThanOrEqual(cornerKm);
    expect(bound).toBeGreaterThanOrEqual(cornerKm - 1.05 * diameter);
  });
});
