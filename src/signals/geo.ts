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

/**
 * A lower bound of the distance in km from a point to any point of a latitude/longitude box.
 * The nearest point of a small box is, to within millimetres, the point clamped into the box;
 * the bound shaves 1 part in 10⁶ plus 1 m off that distance so it never exceeds the true minimum
 * (a property test checks this against sampled points, boxes up to a few degrees wide).
 *
 * @example
 * ```ts
 * minDistanceToBoxKm(53.38, -1.47, 53.38, 53.40, -1.47, -1.45); // 0 (inside)
 * ```
 */
export function minDistanceToBoxKm(lat: number, lon: number, minLat: number, maxLat: number, minLon: number, maxLon: number): number {
  const cLat = lat < minLat ? minLat : lat > maxLat ? maxLat : lat;
  const cLon = lon < minLon ? minLon : lon > maxLon ? maxLon : lon;
  if (cLat === lat && cLon === lon) return 0;
  return Math.max(0, haversineKm(lat, lon, cLat, cLon) * (1 - 1e-6) - 0.001);
}
