/**
 * The worker bridge: the real worker API (workers/projection.worker.ts) driven through Comlink over
 * a MessageChannel, as the browser's module worker would be. Checks what the engine issue asks of
 * the worker: the deterministic result at once, results transferred, a newer request cancelling an
 * older Monte Carlo run that is still going, stale answers dropped, an idle worker terminated.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Comlink from 'comlink';
import { projectionApi } from '../../../workers/projection.worker.ts';
import { ProjectionClient, WorkerLostError } from '#lib/adapters/worker/projection-client.ts';
import { runProjection } from '#lib/core/engine/index.ts';
import { exampleInput } from '../engine/fixtures.ts';
import type { EngineInput } from '#lib/core/model/engine-input.ts';
import { createExampleNotebook } from '#lib/core/example/index.ts';
import { triangular } from '#lib/core/model/uncertain.ts';
import { costFan } from '#lib/core/plan/uncertainty.ts';

const stats = { created: 0, terminated: 0 };
const ports: MessagePort[] = [];
function fakeWorker(): Worker {
	const { port1, port2 } = new MessageChannel();
	Comlink.expose(projectionApi, port2);
	ports.push(port1, port2);
	stats.created++;
	return Object.assign(port1, {
		terminate: () => {
			stats.terminated++;
			port1.close();
			port2.close();
		}
	}) as unknown as Worker;
}

afterEach(() => {
	for (const p of ports.splice(0)) p.close();
});

function withDraws(input: EngineInput, draws: number, seed = 7): EngineInput {
	return { ...input, scenario: { ...input.scenario, monteCarlo: { draws, seed } } };
}

describe('projection worker bridge', () => {
	it('answers the deterministic run with the engine’s numbers', async () => {
		const client = new ProjectionClient(fakeWorker, 60_000);
		const input = exampleInput('need', 20);
		const response = await client.project(input, 'basis');
		expect(response?.ok).toBe(true);
		if (response?.ok) expect(Array.from(response.result.total.requiredStock)).toEqual(Array.from(runProjection(input).total.requiredStock));
		client.terminate();
	});

	it('returns validation issues instead of a result for bad input', async () => {
		const client = new ProjectionClient(fakeWorker, 60_000);
		const input = exampleInput('need', 20);
		const bad = { ...input, scenario: { ...input.scenario, groups: { ...input.scenario.groups, flyktning: { ...input.scenario.groups.flyktning, tenure: { kind: 'botid' as const, years: { value: 0 } } } } } };
		const response = await client.project(bad, 'basis');
		expect(response).toEqual({
			ok: false,
			issues: [{ path: 'scenario.groups.flyktning.tenure.years', message: 'Botid for Flyktninger må være over 0 år og høyst 100 år.' }]
		});
		client.terminate();
	});

	it('drops the answer to an older request on the same channel', async () => {
		const client = new ProjectionClient(fakeWorker, 60_000);
		const a = client.project(exampleInput('need', 10), 'basis');
		const b = client.project(exampleInput('need', 20), 'basis');
		const other = client.project(exampleInput('need', 5), 'variant');
		expect(await a).toBeNull();
		expect((await b)?.ok).toBe(true);
		expect((await other)?.ok).toBe(true);
		client.terminate();
	});

	it('a newer Monte Carlo request stops an older one that is still running', async () => {
		const input = exampleInput('capacity', 30);
		const big = projectionApi.monteCarlo(withDraws(input, 50_000), 'mc-test', 1);
		await new Promise((r) => setTimeout(r, 40)); // the big run has started and yields between chunks
		const small = projectionApi.monteCarlo(withDraws(input, 300), 'mc-test', 2);
		expect(await big).toBeNull();
		const result = await small;
		expect(result?.draws).toBe(300);
	});

	it('terminates an idle worker and starts a new one on demand', async () => {
		stats.created = stats.terminated = 0;
		const client = new ProjectionClient(fakeWorker, 50);
		expect(client.running).toBe(false);
		await client.project(exampleInput('need', 5), 'x');
		expect(client.running).toBe(true);
		await new Promise((r) => setTimeout(r, 150));
		expect(client.running).toBe(false);
		expect(stats.terminated).toBe(1);
		await client.project(exampleInput('need', 5), 'x');
		expect(stats.created).toBe(2);
		client.terminate();
	});

	it('a worker that stopped answering (self.close()) is noticed: the request rejects and the next one gets a fresh worker', async () => {
		stats.created = stats.terminated = 0;
		let dead = true;
		const silent = () => new Promise<never>(() => {});
		const dyingApi = { ...projectionApi, ping: () => (dead ? silent() : true), project: (i: EngineInput) => (dead ? silent() : projectionApi.project(i)) };
		const factory = (): Worker => {
			const { port1, port2 } = new MessageChannel();
			Comlink.expose(stats.created === 0 ? dyingApi : projectionApi, port2);
			ports.push(port1, port2);
			stats.created++;
			return Object.assign(port1, { terminate: () => (port1.close(), port2.close()) }) as unknown as Worker;
		};
		const client = new ProjectionClient(factory, { idleMs: 60_000, heartbeatMs: 10, heartbeatTimeoutMs: 60 });
		const lost: WorkerLostError[] = [];
		client.onWorkerLost((e) => lost.push(e));
		await expect(client.project(exampleInput('need', 5), 'x')).rejects.toBeInstanceOf(WorkerLostError);
		expect(lost).toHaveLength(1);
		expect(client.running).toBe(false);
		dead = false;
		const again = await client.project(exampleInput('need', 5), 'x');
		expect(again?.ok).toBe(true);
		expect(stats.created).toBe(2);
		client.terminate();
	});

	it('a worker error event rejects the outstanding requests at once', async () => {
		const { port1, port2 } = new MessageChannel();
		ports.push(port1, port2);
		const target = new EventTarget();
		// No API on the other end: the request would hang for ever without the error event.
		const worker = Object.assign(port1, {
			terminate: () => port1.close(),
			addEventListener: (type: string, fn: EventListener) => (type === 'error' ? target.addEventListener(type, fn) : MessagePort.prototype.addEventListener.call(port1, type, fn))
		}) as unknown as Worker;
		const client = new ProjectionClient(() => worker, { heartbeatMs: 60_000 });
		const pending = client.project(exampleInput('need', 5), 'x');
		target.dispatchEvent(Object.assign(new Event('error'), { message: 'boom' }));
		await expect(pending).rejects.toMatchObject({ name: 'WorkerLostError', reason: 'boom' });
		client.terminate();
	});

	it('an import that keeps the worker busy for longer than the heartbeat timeout is not taken for a dead worker', async () => {
		let busy = false;
		const busyApi = {
			...projectionApi,
			ping: () => (busy ? new Promise<never>(() => {}) : true),
			previewImport: async () => {
				busy = true;
				await new Promise((r) => setTimeout(r, 300));
				busy = false;
				return { ok: false, fileName: 'x', error: { code: 'empty', message: 'Filen er tom.' } };
			}
		};
		const factory = (): Worker => {
			const { port1, port2 } = new MessageChannel();
			Comlink.expose(busyApi, port2);
			ports.push(port1, port2);
			return Object.assign(port1, { terminate: () => (port1.close(), port2.close()) }) as unknown as Worker;
		};
		const client = new ProjectionClient(factory, { heartbeatMs: 10, heartbeatTimeoutMs: 60 });
		const lost: unknown[] = [];
		client.onWorkerLost((e) => lost.push(e));
		await expect(client.previewImport(new File(['x'], 'x'))).resolves.toMatchObject({ ok: false });
		expect(lost).toEqual([]);
		client.terminate();
	});

	it('draws the plan\'s cost fan in the worker: the same numbers as in place; a newer request on the channel supersedes an older one', async () => {
		const client = new ProjectionClient(fakeWorker, 60_000);
		const nb = createExampleNotebook();
		const plan = { ...nb.scenarios[0]!.assumptions.plan!, costs: { 'invest.kjop.ordinaer': triangular(3_000_000, 3_800_000, 5_000_000) } };
		const input = { plan, base: nb.base, horizonYears: 30 };
		const first = client.costFan(input, { draws: 60, seed: 3 }, 'basis');
		const second = client.costFan(input, { draws: 80, seed: 3 }, 'basis');
		expect(await first).toBeNull();
		const fan = await second;
		expect(fan).toEqual(costFan(input, { draws: 80, seed: 3 }));
		expect(fan!.uncertain).toBe(true);
		expect(fan!.netInvestmentEconomyPlan.p90).toBeGreaterThan(fan!.netInvestmentEconomyPlan.p10);
		client.terminate();
	});
});
