// Spearman rank correlation of two factor weightings, for the weight-recovery specifications.
import { FACTORS } from '../../src/index.js';

/** Spearman rank correlation of two weightings over FACTORS (ties get their mean rank). */
export function spearman(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): number {
  const ranks = (w: Readonly<Record<string, number>>) => FACTORS.map((f) => {
    const v = w[f] ?? 0;
    const above = FACTORS.filter((g) => (w[g] ?? 0) > v).length;
    const equal = FACTORS.filter((g) => (w[g] ?? 0) === v).length;
    return above + (equal + 1) / 2;
  });
  const [x, y] = [ranks(a), ranks(b)];
  const mean = (FACTORS.length + 1) / 2;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  x.forEach((xi, i) => {
    const yi = y[i] as number;
    sxy += (xi - mean) * (yi - mean);
    sxx += (xi - mean) ** 2;
    syy += (yi - mean) ** 2;
  });
  return sxy / Math.sqrt(sxx * syy);
}
