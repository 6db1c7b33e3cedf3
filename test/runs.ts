// How many runs a heavy property test makes. Under `npm run mutation` (MUTATION=1, set in
// vitest.mutation.config.ts) each surviving mutant reruns every test that reaches it, so the
// heaviest properties run a fifth of their cases there; `npm test` always runs them in full.
export function runs(full: number): number {
  return process.env['MUTATION'] === '1' ? Math.max(2, Math.ceil(full / 5)) : full;
}
