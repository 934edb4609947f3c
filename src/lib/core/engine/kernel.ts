/**
 * One run of all groups and years for one parameter vector (the deterministic run and each
 * sensitivity case): the batch kernel (batch.ts, the one implementation of the year step) with a
 * batch of one draw and every series recorded. With B = 1 the batch layout [(g · n + t) · B + b]
 * is the plain [g · n + t] that derive.ts reads.
 */
import { createBatchWorkspace, simulateBatch, type BatchWorkspace } from './batch.ts';
import type { Prepared } from './prepare.ts';

export interface Workspace {
	/** Tenants, [g * n + t]. */
	H: Float64Array;
	/** Waiting, [g * n + t]. */
	Q: Float64Array;
	/** New need, move-ins, exits and waiting-list attrition, [g * n + t]. */
	A: Float64Array;
	I: Float64Array;
	X: Float64Array;
	W: Float64Array;
	/** Mean tenure in force, years, [g * n + t]. */
	TEN: Float64Array;
	/** Capacity mode: occupied dwellings per segment, [s * n + t]. */
	segOcc: Float64Array;
	/** Vacancy target in use (fraction), set by `simulate`. */
	v: number;
	/** Calibrated values per group (rate per 1000 or share %), NaN if not calibrated. */
	calibrated: Float64Array;
	batch: BatchWorkspace;
}

export function createWorkspace(prep: Prepared): Workspace {
	const batch = createBatchWorkspace(prep, 1, true);
	const rec = batch.rec as NonNullable<BatchWorkspace['rec']>;
	return {
		H: batch.H,
		Q: batch.Q,
		A: rec.A,
		I: rec.I,
		X: rec.X,
		W: rec.W,
		TEN: rec.TEN,
		segOcc: rec.segOcc,
		v: 0,
		calibrated: batch.calibrated,
		batch
	};
}

export function simulate(prep: Prepared, p: Float64Array, ws: Workspace): void {
	ws.batch.P.set(p);
	simulateBatch(prep, ws.batch, 1);
	ws.v = ws.batch.v[0] as number;
}
