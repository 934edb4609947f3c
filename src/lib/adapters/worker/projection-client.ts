/**
 * The main thread's side of the projection worker (Comlink).
 *
 * - The module worker is created lazily, on the first request, and terminated after a minute
 *   without requests (a notebook left open in a meeting costs no CPU or memory).
 * - Stale answers are dropped: each channel (a scenario, a chart) only delivers the answer to
 *   its newest request, and the worker stops older Monte Carlo runs on that channel.
 */
import * as Comlink from 'comlink';
import type { EngineInput } from '#lib/core/model/engine-input.ts';
import type { MonteCarloResult, SensitivityResult } from '#lib/core/model/result.ts';
import type { ProjectResponse, ProjectionWorkerApi } from '../../../../workers/projection.worker.ts';

const IDLE_MS = 60_000;

export class ProjectionClient {
	#worker: Worker | null = null;
	#api: Comlink.Remote<ProjectionWorkerApi> | null = null;
	#idleTimer: ReturnType<typeof setTimeout> | null = null;
	#pending = 0;
	#nextId = 1;
	#latest = new Map<string, number>();

	/** Tests pass a factory (a MessageChannel port stands in for the worker) and a short idle time. */
	constructor(
		private readonly createWorker: () => Worker = () =>
			new Worker(new URL('../../../../workers/projection.worker.ts', import.meta.url), { type: 'module', name: 'projection' }),
		private readonly idleMs = IDLE_MS
	) {}

	/** Whether a worker is running now (it is created on demand and stopped when idle). */
	get running(): boolean {
		return this.#worker !== null;
	}

	#remote(): Comlink.Remote<ProjectionWorkerApi> {
		if (!this.#api) {
			this.#worker = this.createWorker();
			this.#api = Comlink.wrap<ProjectionWorkerApi>(this.#worker);
		}
		return this.#api;
	}

	async #track<T>(work: () => Promise<T>): Promise<T> {
		this.#pending++;
		if (this.#idleTimer) clearTimeout(this.#idleTimer);
		try {
			return await work();
		} finally {
			this.#pending--;
			if (this.#pending === 0) this.#idleTimer = setTimeout(() => this.terminate(), this.idleMs);
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
		const response = await this.#track<ProjectResponse>(async () => (await this.#remote().project(input)) as ProjectResponse);
		return this.#isLatest(`p:${channel}`, id) ? response : null;
	}

	/** Monte Carlo bands. Resolves to null when superseded (the worker stops the old run too). */
	async monteCarlo(input: EngineInput, channel: string): Promise<MonteCarloResult | null> {
		const id = this.#begin(`mc:${channel}`);
		const result = await this.#track(() => this.#remote().monteCarlo(input, channel, id));
		return this.#isLatest(`mc:${channel}`, id) ? result : null;
	}

	async sensitivity(input: EngineInput, year: number, channel: string): Promise<SensitivityResult | null> {
		const id = this.#begin(`s:${channel}`);
		const result = await this.#track(() => this.#remote().sensitivity(input, year, 'total.requiredStock'));
		return this.#isLatest(`s:${channel}`, id) ? result : null;
	}

	terminate(): void {
		if (this.#idleTimer) clearTimeout(this.#idleTimer);
		this.#idleTimer = null;
		this.#api?.[Comlink.releaseProxy]();
		this.#worker?.terminate();
		this.#worker = null;
		this.#api = null;
	}
}
