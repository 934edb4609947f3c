/**
 * The projection engine's public API (pure: runs in a Web Worker, in Node and in tests).
 * Formulas, defaults and their sources: docs/model.md.
 */
export { validateInput, EngineInputError, MAX_HORIZON, MAX_DRAWS, type ValidationIssue } from './validate.ts';
export { runProjection } from './projection.ts';
export { runMonteCarlo, runMonteCarloAsync, monteCarloSteps, MC_SERIES, type MonteCarloOptions } from './montecarlo.ts';
export { runSensitivity, type SensitivityOptions, type SensitivityOutput } from './sensitivity.ts';
export { YEARS_CAP } from './derive.ts';
export { sfc32, type Prng } from './prng.ts';
export { otherHouseholdsAtStart } from './other-households.ts';
