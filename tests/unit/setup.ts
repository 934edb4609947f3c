/**
 * Property tests (fast-check) run with a fixed seed, so CI is reproducible: a red run must mean the
 * code changed, not that the dice did. To explore, run with FAST_CHECK_SEED=<n> or =random;
 * a counterexample found that way becomes a regression test with its values.
 */
import fc from 'fast-check';

const chosen = process.env.FAST_CHECK_SEED;
if (chosen !== 'random') fc.configureGlobal({ seed: chosen ? Number(chosen) : 20261121 });
