/**
 * One run of all groups and years for one parameter vector (the deterministic run and each
 * sensitivity case): the batch kernel (batch.ts, the one implementation of the year step) with a
 * batch of one draw and every series recorded. With B = 1 the batch layout [(g · n + t) · B + b]
 * is the plain [g · n + t] that derive.ts reads.
 */
import { createBatchWorkspace, simulateBatch, type BatchWorkspace, type Recording } from './batch.ts';
import type { Prepared } from './prepare.ts';

/** The batch workspace's series of its one draw, under the names derive.ts reads ([g * n + t]). */
export interface Workspace extends Recording {
	/** Tenants, [g * n + t]. */
	H: Float64Array;
	/** Waiting, [g * n + t]. */
	Q: Float64Array;
	/** Vacancy target in use (fraction), set by `simulate`. */
	v: number;
	/** Calibrated values per group (rate per 1000 or share %), NaN if not calibrated. */
	calibrated: Float64Array;
	batch: BatchWorkspace;
}

export function createWorkspace(prep: Prepared): Workspace {
	const batch = createBatchWorkspace(prep, 1, true);
	const rec = batch.rec as Recording;
	return { ...rec, H: batch.H, Q: batch.Q, v: 0, calibrated: batch.calibrated, batch };
}

export function simulate(prep: Prepared, p: Float64Array, ws: Workspace): void {
	ws.batch.P.set(p);
	simulateBatch(prep, ws.batch, 1);
	ws.v = ws.batch.v[0] as number;
}
