/**
 * The projection worker: runs the pure engine off the main thread so typing and dragging never
 * freeze the page. Exposed with Comlink.
 *
 * - `project` answers at once with the deterministic result (or the validation issues).
 * - `monteCarlo` runs in chunks and yields to the event loop between them; a newer request on
 *   the same channel (e.g. the same scenario) makes an older one stop at its next chunk.
 * - `costFan` draws the plan's cost figures (core/plan/uncertainty.ts) here too, so 500 budgets
 *   never hold up the page; a newer request on the channel makes an older one return null.
 * - Results travel as transferable typed arrays (no copy).
 */
import * as Comlink from 'comlink';
import { EngineInputError, runMonteCarloAsync, runProjection, runSensitivity, validateInput } from '#lib/core/engine/index.ts';
import type { EngineInput } from '#lib/core/model/engine-input.ts';
import type { MonteCarloResult, ProjectionResult, SensitivityResult } from '#lib/core/model/result.ts';
import { collectTransferables } from './transferables.ts';
import { ImportDesk, type ImportSummary } from '#lib/adapters/files/worker-import.ts';
import { openDatabase } from '#lib/adapters/db/database.ts';
import { NotebookRepository } from '#lib/adapters/db/notebook-repository.ts';
import { costFan, type CostFan } from '#lib/core/plan/uncertainty.ts';
import type { BudgetInput } from '#lib/core/plan/budget.ts';

/** The worker's own connection to the library, opened on the first import. */
let repository: NotebookRepository | null = null;
const importDesk = new ImportDesk(() => (repository ??= new NotebookRepository(openDatabase())));

export type ValidationIssue = { path: string; message: string };

export type ProjectResponse = { ok: true; result: ProjectionResult } | { ok: false; issues: ValidationIssue[] };

/** The newest request id per channel; older Monte Carlo runs on that channel stop. */
const latest = new Map<string, number>();

const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function issuesOf(err: unknown): ValidationIssue[] {
	if (err instanceof EngineInputError) return err.issues;
	throw err;
}

export const projectionApi = {
	/** The client's heartbeat: an answer proves the worker is alive and its event loop turns. */
	ping(): true {
		return true;
	},

	project(input: EngineInput): ProjectResponse {
		try {
			const result = runProjection(input);
			return Comlink.transfer({ ok: true, result }, collectTransferables(result));
		} catch (err) {
			return { ok: false, issues: issuesOf(err) };
		}
	},

	validate(input: EngineInput): ValidationIssue[] {
		return validateInput(input);
	},

	async monteCarlo(input: EngineInput, channel: string, requestId: number): Promise<MonteCarloResult | null> {
		latest.set(channel, requestId);
		// Let queued messages (a newer request) arrive before starting.
		await yieldToEventLoop();
		const stale = () => latest.get(channel) !== requestId;
		if (stale() || validateInput(input).length > 0) return null;
		let lastYield = performance.now();
		const result = await runMonteCarloAsync(input, {
			chunkSize: 500,
			// Yield to the event loop only every ~15 ms: small runs are not slowed down, and a
			// newer request still gets through within a frame or two.
			yieldTo: async () => {
				if (performance.now() - lastYield < 15) return;
				await yieldToEventLoop();
				lastYield = performance.now();
			},
			shouldCancel: stale
		});
		if (!result || stale()) return null;
		return Comlink.transfer(result, collectTransferables(result));
	},

	/** Reads and checks a chosen file; the notebooks stay here, the page gets a summary. */
	previewImport(file: File): Promise<ImportSummary> {
		return importDesk.preview(file);
	},

	/** Writes a previewed import to IndexedDB (all or nothing); returns the new notebooks' ids. */
	commitImport(token: number, replace: boolean, nowIso: string): Promise<string[]> {
		return importDesk.commit(token, replace, nowIso);
	},

	dropImport(token: number): void {
		importDesk.drop(token);
	},

	/**
	 * The spread of what the plan costs (P10/P50/P90 of the yearly net cost). `input` is plain data:
	 * no group shares (the fan needs only totals). Null when a newer request on the channel came first.
	 */
	async costFan(input: Omit<BudgetInput, 'groupShares' | 'totalsOnly'>, opts: { draws: number; seed: number }, channel: string, requestId: number): Promise<CostFan | null> {
		latest.set(channel, requestId);
		await yieldToEventLoop();
		if (latest.get(channel) !== requestId) return null;
		return costFan(input, opts);
	},

	sensitivity(input: EngineInput, year: number, output: 'total.requiredStock' | 'total.gap'): SensitivityResult | null {
		if (validateInput(input).length > 0) return null;
		return runSensitivity(input, { year, output });
	}
};

export type ProjectionWorkerApi = typeof projectionApi;

// Only inside a real worker (tests import this module to drive the same API over a MessageChannel).
if ('importScripts' in globalThis) Comlink.expose(projectionApi);
