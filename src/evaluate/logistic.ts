/**
 * L2-regularised logistic regression by iteratively reweighted least squares (Newton's method),
 * with ml-matrix for the linear algebra. Deterministic: it starts from zero and takes the same
 * steps on the same data.
 */
import { CholeskyDecomposition, inverse, Matrix, solve } from 'ml-matrix';
import { z } from 'zod';
import { ActivityMatchError } from '../errors.js';
import { parseOrThrow } from '../validate.js';
import { guard } from '../guard.js';

/**
 * Thrown (as `INVALID_OPTIONS`, path `options.l2`) when a Newton step cannot be solved: the data
 * cannot identify the coefficients (a feature that never varies, or two that always move
 * together) and there is no penalty to pin them down. `fitWeights` reports it for the history.
 */
export const SINGULAR_MESSAGE = 'expected data that can identify every coefficient, or a penalty above 0: the system is singular (a feature that never varies, or features that always move together)';
/** Thrown when the coefficients grow without bound (outcomes separated perfectly, with no penalty). */
export const DIVERGED_MESSAGE = 'expected data that do not separate the outcomes perfectly, or a penalty above 0: the coefficients grow without bound';

const finite = z.number({ error: 'expected a finite number' }).refine(Number.isFinite, { error: 'expected a finite number' });
const OptionsSchema = z.object(
  {
    l2: z.number({ error: 'expected a penalty from 0 to 1000000' }).min(0, { error: 'expected a penalty from 0 to 1000000' }).max(1e6, { error: 'expected a penalty from 0 to 1000000' }),
    unpenalized: z.number({ error: 'expected a whole number of columns, at least 0' }).int({ error: 'expected a whole number of columns, at least 0' }).min(0, { error: 'expected a whole number of columns, at least 0' }),
    maxIterations: z.number({ error: 'expected a whole number from 1 to 1000' }).int({ error: 'expected a whole number from 1 to 1000' }).min(1, { error: 'expected a whole number from 1 to 1000' }).max(1000, { error: 'expected a whole number from 1 to 1000' }),
    tolerance: z.number({ error: 'expected a tolerance above 0' }).positive({ error: 'expected a tolerance above 0' }).refine(Number.isFinite, { error: 'expected a tolerance above 0' }),
  },
  { error: 'expected options { l2, unpenalized, maxIterations, tolerance }' },
);
const Row = z.array(finite, { error: 'expected a row of numbers' }).min(1, { error: 'expected a row of at least one number' }).max(1000, { error: 'expected at most 1000 columns' });
const RowsSchema = z
  .array(Row, { error: 'expected a list of rows of numbers' })
  .min(1, { error: 'expected at least one row' })
  .max(1_000_000, { error: 'expected at most 1,000,000 rows' })
  .refine((rows) => rows.every((r) => r.length === rows[0]?.length), { error: 'expected rows of equal length' });
const LabelsSchema = z.array(z.union([z.literal(0), z.literal(1)], { error: 'expected 0 or 1' }), { error: 'expected a list of labels 0 or 1' });
const GroupsSchema = z
  .array(
    z
      .object({ rows: z.array(Row, { error: 'expected a list of rows of numbers' }).min(1, { error: 'expected at least one alternative' }).max(10_000, { error: 'expected at most 10,000 alternatives' }), chosen: z.number({ error: 'expected the index of the chosen row' }).int({ error: 'expected the index of the chosen row' }).min(0, { error: 'expected the index of the chosen row' }) }, { error: 'expected a choice group { rows, chosen }' })
      .refine((g) => g.chosen < g.rows.length, { error: 'expected the index of one of the rows', path: ['chosen'] }),
    { error: 'expected a list of choice groups' },
  )
  .min(1, { error: 'expected at least one choice group' })
  .max(1_000_000, { error: 'expected at most 1,000,000 choice groups' })
  .refine((groups) => groups.every((g) => g.rows.every((r) => r.length === groups[0]?.rows[0]?.length)), { error: 'expected rows of equal length in every group' });

/** A Newton step, or `INVALID_OPTIONS` when the system is singular. */
function newtonStep(hessian: Matrix, gradient: Matrix): Matrix {
  const cholesky = new CholeskyDecomposition(hessian);
  let step: Matrix;
  try {
    step = cholesky.isPositiveDefinite() ? cholesky.solve(gradient) : solve(hessian, gradient);
  } catch (error) {
    throw new ActivityMatchError('INVALID_OPTIONS', [{ path: 'options.l2', message: SINGULAR_MESSAGE }], { cause: error });
  }
  if (!step.to1DArray().every(Number.isFinite)) throw new ActivityMatchError('INVALID_OPTIONS', [{ path: 'options.l2', message: SINGULAR_MESSAGE }]);
  return step;
}

function checkFinite(coefficients: readonly number[]): void {
  if (!coefficients.every((c) => Number.isFinite(c) && Math.abs(c) < 1e12)) throw new ActivityMatchError('INVALID_OPTIONS', [{ path: 'options.l2', message: DIVERGED_MESSAGE }]);
}

/** Options of {@link fitLogistic}. */
export interface LogisticOptions {
  /** Strength λ of the penalty (λ/2)·Σβⱼ² on the log-likelihood (the first `unpenalized` columns are free). */
  readonly l2: number;
  /** How many leading columns (intercepts) are not penalised. */
  readonly unpenalized: number;
  /** Newton steps at most. */
  readonly maxIterations: number;
  /** Stop when no coefficient moves by more than this. */
  readonly tolerance: number;
}

/** A fitted logistic model. */
export interface LogisticFit {
  /** One coefficient per column of the design matrix. */
  readonly coefficients: readonly number[];
  readonly iterations: number;
  readonly converged: boolean;
  /** Penalised log-likelihood at the solution. */
  readonly objective: number;
  /**
   * Approximate standard errors: square roots of the diagonal of the inverse penalised Hessian
   * at the last step (NaN where it cannot be inverted).
   */
  readonly standardErrors: readonly number[];
}

/**
 * Fits P(y = 1 | x) = σ(x·β) by maximising Σ log-likelihood − (λ/2)·Σβⱼ² over the penalised
 * columns. Each Newton step solves (XᵀWX + λI)·Δ = Xᵀ(y − p) − λβ with a Cholesky
 * decomposition (LU if that fails).
 *
 * Every argument is checked (`ActivityMatchError`, `INVALID_OPTIONS`, paths `rows[2][0]`,
 * `labels`, `options.l2`…). A system that cannot be solved (data that cannot identify the
 * coefficients, with `l2` 0) or coefficients that grow without bound throw `INVALID_OPTIONS` at
 * `options.l2`, never ml-matrix's own error.
 *
 * @param rows - The design matrix, one row per observation (include a column of 1s for an intercept).
 * @param labels - 0 or 1 per row.
 * @example
 * ```ts
 * const rows = [[1, 0], [1, 0.2], [1, 0.8], [1, 1]];
 * fitLogistic(rows, [0, 0, 1, 1], { l2: 1, unpenalized: 1, maxIterations: 50, tolerance: 1e-10 }).coefficients;
 * // [intercept < 0, slope > 0]
 * ```
 */
export function fitLogistic(rows: readonly (readonly number[])[], labels: readonly number[], options: LogisticOptions): LogisticFit {
  return guard([{ code: 'INVALID_OPTIONS', path: 'options', value: options, fields: [OptionsSchema] }, { code: 'INVALID_OPTIONS', path: 'rows', value: rows }, { code: 'INVALID_OPTIONS', path: 'labels', value: labels }], () => fitLogisticUnguarded(rows, labels, options));
}

function fitLogisticUnguarded(rows: readonly (readonly number[])[], labels: readonly number[], options: LogisticOptions): LogisticFit {
  rows = parseOrThrow(RowsSchema, rows, 'INVALID_OPTIONS', 'rows');
  labels = parseOrThrow(LabelsSchema, labels, 'INVALID_OPTIONS', 'labels');
  options = parseOrThrow(OptionsSchema, options, 'INVALID_OPTIONS', 'options');
  if (labels.length !== rows.length) throw new ActivityMatchError('INVALID_OPTIONS', [{ path: 'labels', message: 'expected one label per row' }]);
  if (options.unpenalized > (rows[0]?.length ?? 0)) throw new ActivityMatchError('INVALID_OPTIONS', [{ path: 'options.unpenalized', message: 'expected at most as many unpenalised columns as there are columns' }]);
  const X = new Matrix(rows.map((r) => [...r]));
  const n = X.rows;
  const p = X.columns;
  const Xt = X.transpose();
  let beta = Matrix.zeros(p, 1);
  let iterations = 0;
  let converged = false;
  let last = Matrix.eye(p);
  while (iterations < options.maxIterations && !converged) {
    iterations++;
    const eta = X.mmul(beta);
    const weighted = X.clone();
    const residual = new Matrix(n, 1);
    for (let i = 0; i < n; i++) {
      const prob = sigmoid(eta.get(i, 0));
      const w = Math.max(prob * (1 - prob), 1e-12);
      weighted.mulRow(i, w);
      residual.set(i, 0, (labels[i] ?? 0) - prob);
    }
    const hessian = Xt.mmul(weighted);
    const gradient = Xt.mmul(residual);
    // Xᵀ(WX) is symmetric up to rounding; mirror the upper triangle so Cholesky accepts it.
    for (let j = 0; j < p; j++) for (let k = j + 1; k < p; k++) hessian.set(k, j, hessian.get(j, k));
    for (let j = options.unpenalized; j < p; j++) {
      hessian.set(j, j, hessian.get(j, j) + options.l2);
      gradient.set(j, 0, gradient.get(j, 0) - options.l2 * beta.get(j, 0));
    }
    last = hessian;
    const step = newtonStep(hessian, gradient);
    beta = beta.add(step);
    converged = step.max() <= options.tolerance && -step.min() <= options.tolerance;
  }
  const coefficients = beta.getColumn(0);
  checkFinite(coefficients);
  return { coefficients, iterations, converged, objective: objective(X, labels, coefficients, options), standardErrors: standardErrors(last) };
}

function standardErrors(hessian: Matrix): number[] {
  try {
    const inv = inverse(hessian);
    return Array.from({ length: hessian.rows }, (_, j) => Math.sqrt(Math.max(0, inv.get(j, j))));
  } catch {
    return new Array<number>(hessian.rows).fill(NaN);
  }
}

function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

function objective(X: Matrix, labels: readonly number[], beta: readonly number[], options: LogisticOptions): number {
  let total = 0;
  for (let i = 0; i < X.rows; i++) {
    let eta = 0;
    for (let j = 0; j < X.columns; j++) eta += X.get(i, j) * (beta[j] ?? 0);
    // log σ(η) = −log(1 + e^−η), computed stably.
    const logP = -softplus(-eta);
    const logQ = -softplus(eta);
    total += (labels[i] ?? 0) === 1 ? logP : logQ;
  }
  for (let j = options.unpenalized; j < beta.length; j++) total -= (options.l2 / 2) * (beta[j] ?? 0) ** 2;
  return total;
}

function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/** One choice situation for {@link fitConditionalLogit}: the alternatives' features and which was chosen. */
export interface ChoiceGroup {
  /** One row of features per alternative. */
  readonly rows: readonly (readonly number[])[];
  /** Index of the chosen alternative in `rows`. */
  readonly chosen: number;
}

/**
 * Fits a conditional logit (McFadden 1974): the probability that alternative j of a group is
 * the one chosen is `exp(xⱼ·β) / Σᵢ exp(xᵢ·β)`, the multinomial logistic regression for a
 * choice among the activities offered. Features that are equal for every alternative of a group
 * cancel out, so only differences between the activities offered to the same client count; no
 * intercept is needed. Maximises Σ log-likelihood − (λ/2)·Σβⱼ² by Newton's method, with the
 * Hessian Σ_g Σ_j pⱼ (xⱼ − x̄)(xⱼ − x̄)ᵀ + λI solved by Cholesky decomposition (ml-matrix).
 *
 * Arguments are checked and failures reported as in {@link fitLogistic}.
 *
 * @param groups - Choice situations; each must have at least one alternative.
 * @param options - `l2`, `maxIterations`, `tolerance` (`unpenalized` is ignored: there is no intercept).
 * @example
 * ```ts
 * const groups = [
 *   { rows: [[1, 0], [0, 1]], chosen: 0 },
 *   { rows: [[1, 1], [0, 0]], chosen: 0 },
 *   { rows: [[0, 1], [1, 0]], chosen: 1 },
 * ];
 * fitConditionalLogit(groups, { l2: 0.1, unpenalized: 0, maxIterations: 50, tolerance: 1e-10 }).coefficients;
 * // first feature strongly positive, second near 0
 * ```
 */
export function fitConditionalLogit(groups: readonly ChoiceGroup[], options: LogisticOptions): LogisticFit {
  return guard([{ code: 'INVALID_OPTIONS', path: 'options', value: options, fields: [OptionsSchema] }, { code: 'INVALID_OPTIONS', path: 'groups', value: groups, fields: [GroupsSchema] }], () => fitConditionalLogitUnguarded(groups, options));
}

function fitConditionalLogitUnguarded(groups: readonly ChoiceGroup[], options: LogisticOptions): LogisticFit {
  groups = parseOrThrow(GroupsSchema, groups, 'INVALID_OPTIONS', 'groups');
  options = parseOrThrow(OptionsSchema, options, 'INVALID_OPTIONS', 'options');
  const p = groups[0]?.rows[0]?.length ?? 0;
  let beta = new Array<number>(p).fill(0);
  let iterations = 0;
  let converged = false;
  let last = Matrix.eye(p);
  while (iterations < options.maxIterations && !converged) {
    iterations++;
    const gradient = Matrix.zeros(p, 1);
    const hessian = Matrix.zeros(p, p);
    for (const g of groups) {
      const probs = softmax(g.rows, beta);
      const mean = new Array<number>(p).fill(0);
      g.rows.forEach((row, j) => row.forEach((x, k) => (mean[k] = (mean[k] ?? 0) + (probs[j] ?? 0) * x)));
      const chosen = g.rows[g.chosen] ?? [];
      for (let k = 0; k < p; k++) gradient.set(k, 0, gradient.get(k, 0) + (chosen[k] ?? 0) - (mean[k] ?? 0));
      g.rows.forEach((row, j) => {
        const pj = probs[j] ?? 0;
        for (let a = 0; a < p; a++) {
          const da = (row[a] ?? 0) - (mean[a] ?? 0);
          for (let b = a; b < p; b++) hessian.set(a, b, hessian.get(a, b) + pj * da * ((row[b] ?? 0) - (mean[b] ?? 0)));
        }
      });
    }
    for (let a = 0; a < p; a++) {
      for (let b = a + 1; b < p; b++) hessian.set(b, a, hessian.get(a, b));
      hessian.set(a, a, hessian.get(a, a) + options.l2);
      gradient.set(a, 0, gradient.get(a, 0) - options.l2 * (beta[a] ?? 0));
    }
    last = hessian;
    const step = newtonStep(hessian, gradient);
    beta = beta.map((v, k) => v + step.get(k, 0));
    converged = step.max() <= options.tolerance && -step.min() <= options.tolerance;
  }
  checkFinite(beta);
  let total = 0;
  for (const g of groups) total += Math.log(softmax(g.rows, beta)[g.chosen] ?? 0);
  for (const b of beta) total -= (options.l2 / 2) * b * b;
  return { coefficients: beta, iterations, converged, objective: total, standardErrors: standardErrors(last) };
}

function softmax(rows: readonly (readonly number[])[], beta: readonly number[]): number[] {
  const eta = rows.map((row) => row.reduce((s, x, k) => s + x * (beta[k] ?? 0), 0));
  const top = Math.max(...eta);
  const e = eta.map((v) => Math.exp(v - top));
  const total = e.reduce((s, v) => s + v, 0);
  return e.map((v) => v / total);
}
