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
