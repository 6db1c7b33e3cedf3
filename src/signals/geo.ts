/** Mean Earth radius in km (IUGG), as used by most haversine implementations. */
export const EARTH_RADIUS_KM = 6371.0088;
const RAD = Math.PI / 180;

/**
 * Great-circle distance in km between two points given in degrees (haversine formula):
 * `d = 2R·asin(√(sin²(Δφ/2) + cos φ₁·cos φ₂·sin²(Δλ/2)))`.
 *
 * @example
 * ```ts
 * haversineKm(53.3811, -1.4701, 53.3811, -1.4701); // 0
 * haversineKm(36.12, -86.67, 33.94, -118.4);     // ≈ 2886.4 (Nashville to Los Angeles airports)
 * ```
 */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Signed longitude difference a − b folded into [−180, 180). */
function lonDelta(a: number, b: number): number {
  const d = a - b;
  // Usually already in range: a floating-point remainder is a slow library call in V8, and a
  // block bound makes two of these per block.
  return d >= -180 && d < 180 ? d : ((((d + 180) % 360) + 360) % 360) - 180;
}

/**
 * A lower bound of the distance in km from a point to any point of a latitude/longitude box.
 *
 * Near the box (within 20° of longitude, boxes under 5° a side) the nearest point of the box
 * is, to within millimetres, the point clamped into it (the nearer longitude edge taken across
 * the antimeridian); the bound shaves 1 part in 10⁶ plus 1 m off that distance. Elsewhere, where
 * clamping can pick the wrong point (near the antipodes), it falls back to the triangle
 * inequality: distance to the box's centre minus the box's radius. A property test checks the
 * bound against sampled points of random boxes all over the globe.
 *
 * @example
 * ```ts
 * minDistanceToBoxKm(53.38, -1.47, 53.38, 53.40, -1.47, -1.45); // 0 (inside)
 * ```
 */
export function minDistanceToBoxKm(lat: number, lon: number, minLat: number, maxLat: number, minLon: number, maxLon: number): number {
  const dMin = lonDelta(lon, minLon);
  const dMax = lonDelta(lon, maxLon);
  const insideLon = dMin >= 0 && dMin <= maxLon - minLon;
  const cLat = lat < minLat ? minLat : lat > maxLat ? maxLat : lat;
  if (insideLon && cLat === lat) return 0;
  const cLon = insideLon ? lon : Math.abs(dMin) <= Math.abs(dMax) ? minLon : maxLon;
  if (Math.min(Math.abs(dMin), Math.abs(dMax)) < 20 && maxLat - minLat < 5 && maxLon - minLon < 5) {
    return Math.max(0, haversineKm(lat, lon, cLat, cLon) * (1 - 1e-6) - 0.001);
  }
  const centreLat = (minLat + maxLat) / 2;
  const centreLon = minLon + (maxLon - minLon) / 2;
  const radius = Math.max(
    haversineKm(centreLat, centreLon, minLat, minLon),
    haversineKm(centreLat, centreLon, minLat, maxLon),
    haversineKm(centreLat, centreLon, maxLat, minLon),
    haversineKm(centreLat, centreLon, maxLat, maxLon),
    haversineKm(centreLat, centreLon, minLat, centreLon),
    haversineKm(centreLat, centreLon, maxLat, centreLon),
  );
  return Math.max(0, haversineKm(lat, lon, centreLat, centreLon) - radius * (1 + 1e-6) - 0.001);
}
