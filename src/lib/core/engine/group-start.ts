/**
 * The base year of one group for one parameter vector: the per-group constants the year step uses
 * (batch.ts), the exit hazard at T0 and the calibration of omitted fields (docs/model.md, "New need"
 * and "Tenure and turnover"). Called once per group and draw, so it may branch freely.
 */
import { FLOW_INFLOW, FLOW_TENURE } from './calibration-choices.ts';
import { F, NF } from './params.ts';
import { DEMAND_PREVALENCE, DEMAND_RATE, DEMAND_REFUGEES, TENURE_BOTID, TENURE_LEASE, type Prepared } from './prepare.ts';

/** Per-group constants, k[(g * K + c) * B + b]. */
export const K = 11;
export const K_BOT = 0, K_NONRENEW = 1, K_EXIT = 2, K_X = 3, K_W = 4, K_RATE = 5, K_TREND = 6, K_S0 = 7, K_S1 = 8, K_FACTOR = 9, K_TRENDCUM = 10;

export function clamp(x: number, lo: number, hi: number): number {
	return x < lo ? lo : x > hi ? hi : x;
}

/** Value of a per-group field for draw b: its slot, or `fallback` when the field has none. */
function sv(P: Float64Array, B: number, slot: number, b: number, fallback: number): number {
	return slot >= 0 ? (P[slot * B + b] as number) : fallback;
}

/**
 * For draws 0 … nb − 1 of the batch: writes group g's constants into k, its new need at T0 into
 * A[g * B + b], the calibrated value (rate per 1000 or share %, NaN if none) into
 * calibrated[g * B + b] and the exit hazard at T0 (X(0) = H(0) × hazard) into hz[g * B + b].
 * The branches are taken once per group, the loops over draws are inside them (as in batch.ts);
 * the imported constants are read once into locals, outside the loops.
 */
export function groupStart(
	prep: Prepared,
	g: number,
	P: Float64Array,
	B: number,
	nb: number,
	k: Float64Array,
	calibrated: Float64Array,
	A: Float64Array,
	hz: Float64Array
): void {
	const gs = prep.layout.groupSlot;
	const gsb = g * NF;
	const sBot = gs[gsb + F.botid] as number, sRenewal = gs[gsb + F.renewal] as number, sExit = gs[gsb + F.exitPct] as number;
	const sTurn = gs[gsb + F.turnover] as number, sAttr = gs[gsb + F.attrition] as number;
	const sRate = gs[gsb + F.rate] as number, sTrend = gs[gsb + F.trend] as number;
	const sShare = gs[gsb + F.share] as number, sTarget = gs[gsb + F.targetShare] as number;
	const sNeeding = gs[gsb + F.shareNeeding] as number, sPph = gs[gsb + F.personsPerHousehold] as number;
	const kb = g * K * B;
	const kBot = kb + K_BOT * B, kNonRenew = kb + K_NONRENEW * B, kExit = kb + K_EXIT * B, kX = kb + K_X * B, kW = kb + K_W * B;
	const kRate = kb + K_RATE * B, kTrend = kb + K_TREND * B, kTrendCum = kb + K_TRENDCUM * B;
	const kS0 = kb + K_S0 * B, kS1 = kb + K_S1 * B, kFactor = kb + K_FACTOR * B;
	const gb = g * B;
	const tk = prep.tenureKind[g];
	const dk = prep.demandKind[g];
	const i0 = g * prep.n;
	const h0 = prep.H0[g] as number;
	const q0 = prep.Q0[g] as number;
	const pop0 = prep.bandPop[i0] as number;
	const L = prep.leaseYears[g] as number;
	const series0 = prep.series[i0] as number;
	const flow = prep.flowUse[g];
	const tenureFromFlow = flow === FLOW_TENURE, inflowFromFlow = flow === FLOW_INFLOW;
	const botid = tk === TENURE_BOTID, lease = tk === TENURE_LEASE;
	const rateDriver = dk === DEMAND_RATE, prevalence = dk === DEMAND_PREVALENCE, refugees = dk === DEMAND_REFUGEES;
	const lasting = prep.waitLasting[g] === 1;
	// observedFlowUse 'tenure': the exit hazard that reproduces the observed new tenants, I(0) / H(0).
	const observedHaz = tenureFromFlow ? (prep.I0[g] as number) / h0 : NaN;
	const observedInflow = inflowFromFlow ? (prep.I0[g] as number) : NaN;
	for (let b = 0; b < nb; b++) {
		let haz: number;
		if (botid) {
			const bot = Math.max(tenureFromFlow ? 1 / observedHaz : sv(P, B, sBot, b, 1), 1e-9);
			k[kBot + b] = bot;
			haz = Math.min(1, 1 / bot);
		} else if (lease) {
			const nonRenew = tenureFromFlow ? clamp(observedHaz * L, 0.01, 1) : 1 - clamp(sv(P, B, sRenewal, b, 0) / 100, 0, 0.99);
			k[kNonRenew + b] = nonRenew;
			haz = nonRenew / L;
		} else {
			const e = clamp(tenureFromFlow ? observedHaz : sv(P, B, sExit, b, 0) / 100, 1e-9, 1);
			k[kExit + b] = e;
			haz = e;
		}
		hz[gb + b] = haz;
		k[kX + b] = sv(P, B, sTurn, b, 0) / 100;
		k[kW + b] = clamp(sv(P, B, sAttr, b, 0) / 100, 0, 1);
		const x0 = h0 * haz;
		let cal = NaN;
		let a0: number;
		if (rateDriver) {
			let rate = inflowFromFlow ? NaN : sv(P, B, sRate, b, NaN);
			if (rate !== rate) {
				// New need at T0 = the observed new tenants ('inflow'), else today's exits from the
				// tenants (and, when the waiting list is lasting need, from the waiting too).
				const target = inflowFromFlow ? observedInflow : lasting ? (h0 + q0) * haz : x0;
				rate = pop0 > 0 ? (target / pop0) * 1000 : 0;
				cal = rate;
			}
			k[kRate + b] = rate;
			k[kTrend + b] = Math.max(0, 1 + sv(P, B, sTrend, b, 0) / 100);
			k[kTrendCum + b] = 1;
			a0 = (rate * pop0) / 1000;
		} else if (prevalence) {
			let s0 = sv(P, B, sShare, b, NaN) / 100;
			if (s0 !== s0) {
				s0 = pop0 > 0 ? (lasting ? h0 + q0 : h0) / pop0 : 0;
				cal = s0 * 100;
			}
			k[kS0 + b] = s0;
			k[kS1 + b] = sv(P, B, sTarget, b, s0 * 100) / 100;
			a0 = x0;
		} else if (refugees) {
			const factor = clamp(sv(P, B, sNeeding, b, 0) / 100, 0, 1) / Math.max(sv(P, B, sPph, b, 1), 1e-9);
			k[kFactor + b] = factor;
			a0 = series0 * factor;
		} else {
			a0 = series0;
		}
		calibrated[gb + b] = cal;
		A[gb + b] = a0;
	}
}
