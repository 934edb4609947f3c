/**
 * The main thread's side of the projection worker (Comlink).
 *
 * - The module worker is created lazily, on the first request, and terminated after a minute
 *   without requests (a notebook left open in a meeting costs no CPU or memory).
 * - Stale answers are dropped: each channel (a scenario, a chart) only delivers the answer to
 *   its newest request, and the worker stops older Monte Carlo runs on that channel.
 * - A worker that died (an uncaught error, `self.close()`, the browser killed it) is noticed: its
 *   `error` event, or a heartbeat that goes unanswered while requests are outstanding. Every
 *   outstanding request then rejects with WorkerLostError, the worker is dropped, and the next
 *   request starts a fresh one. A call to a dead worker never hangs for ever.
 */
import * as Comlink from 'comlink';
import type { EngineInput } from '#lib/core/model/engine-input.ts';
import type { MonteCarloResult, SensitivityResult } from '#lib/core/model/result.ts';
import type { ProjectResponse, ProjectionWorkerApi } from '../../../../workers/projection.worker.ts';
import type { ImportSummary } from '#lib/adapters/files/worker-import.ts';
import type { BudgetInput } from '#lib/core/plan/budget.ts';
import type { CostFan } from '#lib/core/plan/uncertainty.ts';

const IDLE_MS = 60_000;
/** While requests are outstanding the worker is pinged this often… */
const HEARTBEAT_MS = 1_000;
/**
 * …and declared dead when a ping goes unanswered this long. Generous: the worker answers pings
 * between Monte Carlo chunks (≤ 15 ms apart); only a worker that stopped stays silent for seconds.
 */
const HEARTBEAT_TIMEOUT_MS = 5_000;
/**
 * While an import is being checked the worker parses and validates up to 10 MB in one synchronous
 * piece and cannot answer pings; it is given this long before it counts as dead (a crash is still
 * noticed at once through its error event).
 */
const IMPORT_PATIENCE_MS = 120_000;

/** The worker stopped or crashed before answering; the request may be sent again. */
export class WorkerLostError extends Error {
	constructor(readonly reason: string) {
		super(`Projection worker lost: ${reason}`);
		this.name = 'WorkerLostError';
	}
}

export interface ProjectionClientTiming {
	idleMs?: number;
	heartbeatMs?: number;
	heartbeatTimeoutMs?: number;
}

export class ProjectionClient {
	#worker: Worker | null = null;
	#api: Comlink.Remote<ProjectionWorkerApi> | null = null;
	#idleTimer: ReturnType<typeof setTimeout> | null = null;
	#pending = 0;
	#nextId = 1;
	#latest = new Map<string, number>();
	/** Rejects when the current worker is found dead; every outstanding request races against it. */
	#lost: { promise: Promise<never>; reject: (e: WorkerLostError) => void } | null = null;
	#heartbeat: ReturnType<typeof setInterval> | null = null;
	#pingOutstandingSince: number | null = null;
	#lostListeners = new Set<(err: WorkerLostError) => void>();
	/** Outstanding requests that keep the worker busy for seconds (imports). */
	#patient = 0;
	readonly #idleMs: number;
	readonly #heartbeatMs: number;
	readonly #heartbeatTimeoutMs: number;

	/** Tests pass a factory (a MessageChannel port stands in for the worker) and short timings. */
	constructor(
		private readonly createWorker: () => Worker = () =>
			new Worker(new URL('../../../../workers/projection.worker.ts', import.meta.url), { type: 'module', name: 'projection' }),
		timing: number | ProjectionClientTiming = {}
	) {
		const t = typeof timing === 'number' ? { idleMs: timing } : timing;
		this.#idleMs = t.idleMs ?? IDLE_MS;
		this.#heartbeatMs = t.heartbeatMs ?? HEARTBEAT_MS;
		this.#heartbeatTimeoutMs = t.heartbeatTimeoutMs ?? HEARTBEAT_TIMEOUT_MS;
	}

	/** Called (once per lost worker) when a worker is found dead; returns an unsubscribe function. */
	onWorkerLost(listener: (err: WorkerLostError) => void): () => void {
		this.#lostListeners.add(listener);
		return () => this.#lostListeners.delete(listener);
	}

	/** Whether a worker is running now (it is created on demand and stopped when idle). */
	get running(): boolean {
		return this.#worker !== null;
	}

	#remote(): Comlink.Remote<ProjectionWorkerApi> {
		if (!this.#api) {
			const worker = this.createWorker();
			this.#worker = worker;
			this.#api = Comlink.wrap<ProjectionWorkerApi>(worker);
			let reject!: (e: WorkerLostError) => void;
			const promise = new Promise<never>((_, r) => (reject = r));
			promise.catch(() => {}); // observed through the races in #track
			this.#lost = { promise, reject };
			worker.addEventListener?.('error', (e: Event) => {
				if (this.#worker === worker) this.#declareLost((e as ErrorEvent).message || 'error event');
			});
		}
		return this.#api;
	}

	#declareLost(reason: string): void {
		const err = new WorkerLostError(reason);
		this.#lost?.reject(err);
		this.terminate();
		for (const listener of this.#lostListeners) listener(err);
	}

	/** While requests are outstanding: ping; a ping unanswered for the timeout means a dead worker. */
	#startHeartbeat(): void {
		if (this.#heartbeat) return;
		this.#heartbeat = setInterval(() => {
			const api = this.#api;
			if (!api) return;
			const since = this.#pingOutstandingSince;
			if (since !== null) {
				const timeout = this.#patient > 0 ? Math.max(IMPORT_PATIENCE_MS, this.#heartbeatTimeoutMs) : this.#heartbeatTimeoutMs;
				if (Date.now() - since >= timeout) this.#declareLost('no answer to heartbeat');
				return;
			}
			this.#pingOutstandingSince = Date.now();
			void api.ping().then(
				() => {
					if (this.#api === api) this.#pingOutstandingSince = null;
				},
				() => {}
			);
		}, this.#heartbeatMs);
	}

	#stopHeartbeat(): void {
		if (this.#heartbeat) clearInterval(this.#heartbeat);
		this.#heartbeat = null;
		this.#pingOutstandingSince = null;
	}

	async #track<T>(work: (api: Comlink.Remote<ProjectionWorkerApi>) => Promise<T>): Promise<T> {
		this.#pending++;
		if (this.#idleTimer) clearTimeout(this.#idleTimer);
		const api = this.#remote();
		const lost = this.#lost!.promise;
		this.#startHeartbeat();
		try {
			return await Promise.race([work(api), lost]);
		} finally {
			this.#pending--;
			if (this.#pending === 0) {
				this.#stopHeartbeat();
				if (this.#api) this.#idleTimer = setTimeout(() => this.terminate(), this.#idleMs);
			}
		}
	}

	#begin(channel: string): number {
		const id = this.#nextId++;
		this.#latest.set(channel, id);
		return id;
	}

	#isLatest(channel: string, id: number): boolean {
		return this.#latest.get(channel) === id;
	}

	/** Deterministic run. Resolves to null when a newer request on the channel superseded it. */
	async project(input: EngineInput, channel: string): Promise<ProjectResponse | null> {
		const id = this.#begin(`p:${channel}`);
		const response = await this.#track<ProjectResponse>(async (api) => (await api.project(input)) as ProjectResponse);
		return this.#isLatest(`p:${channel}`, id) ? response : null;
	}

	/** Monte Carlo bands. Resolves to null when superseded (the worker stops the old run too). */
	async monteCarlo(input: EngineInput, channel: string): Promise<MonteCarloResult | null> {
		const id = this.#begin(`mc:${channel}`);
		const result = await this.#track((api) => api.monteCarlo(input, channel, id));
		return this.#isLatest(`mc:${channel}`, id) ? result : null;
	}

	/** The plan's cost fan, drawn in the worker. `input` must be plain data (a `$state.snapshot`). Null when superseded. */
	async costFan(input: Omit<BudgetInput, 'groupShares' | 'totalsOnly'>, opts: { draws: number; seed: number }, channel: string): Promise<CostFan | null> {
		const id = this.#begin(`cf:${channel}`);
		const result = await this.#track((api) => api.costFan(input, opts, `cf:${channel}`, id));
		return this.#isLatest(`cf:${channel}`, id) ? result : null;
	}

	async sensitivity(input: EngineInput, year: number, channel: string): Promise<SensitivityResult | null> {
		const id = this.#begin(`s:${channel}`);
		const result = await this.#track((api) => api.sensitivity(input, year, 'total.requiredStock'));
		return this.#isLatest(`s:${channel}`, id) ? result : null;
	}

	/** The whole import in the worker (adapters/files/worker-import.ts): preview, then commit or drop. */
	async previewImport(file: File): Promise<ImportSummary> {
		return this.#patiently(() => this.#track(async (api): Promise<ImportSummary> => (await api.previewImport(file)) as ImportSummary));
	}

	async commitImport(token: number, replace: boolean, now: Date = new Date()): Promise<string[]> {
		return this.#patiently(() => this.#track((api) => api.commitImport(token, replace, now.toISOString())));
	}

	async #patiently<T>(work: () => Promise<T>): Promise<T> {
		this.#patient++;
		try {
			return await work();
		} finally {
			this.#patient--;
		}
	}

	dropImport(token: number): void {
		if (this.#api) void this.#api.dropImport(token);
	}

	terminate(): void {
		if (this.#idleTimer) clearTimeout(this.#idleTimer);
		this.#idleTimer = null;
		this.#stopHeartbeat();
		// Requests still outstanding on this worker will never be answered: reject them.
		this.#lost?.reject(new WorkerLostError('terminated'));
		this.#lost = null;
		this.#api?.[Comlink.releaseProxy]();
		this.#worker?.terminate();
		this.#worker = null;
		this.#api = null;
	}
}
