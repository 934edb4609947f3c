/**
 * One-at-a-time sensitivity for a tornado chart: every assumption that has a spread is set to its
 * low and high end (triangular low/high, or P10/P90) with all others at their values, and the
 * chosen output is read in the chosen year. Bars are sorted by |outputAtHigh − outputAtLow|.
 */
import type { EngineInput } from '#lib/core/model/engine-input.ts';
import type { SensitivityBar, SensitivityResult } from '#lib/core/model/result.ts';
import { isUncertain } from '#lib/core/model/uncertain.ts';
import { totalRequired } from './derive.ts';
import { createWorkspace, simulate, type Workspace } from './kernel.ts';
import { pointValues } from './params.ts';
import { prepare, type Prepared } from './prepare.ts';
import { EngineInputError, validateInput } from './validate.ts';

export type SensitivityOutput = 'total.requiredStock' | 'total.gap';

export interface SensitivityOptions {
	/** Calendar year, base year … base year + horizon. */
	year: number;
	output: SensitivityOutput;
}

function read(prep: Prepared, ws: Workspace, t: number, output: SensitivityOutput): number {
	const r = totalRequired(prep, ws, t);
	return output === 'total.gap' ? r - (prep.stock[t] as number) : r;
}

export function runSensitivity(input: EngineInput, opts: SensitivityOptions): SensitivityResult {
	const issues = validateInput(input);
	const b = input.base.baseYear;
	const h = input.scenario.horizonYears;
	if (issues.length === 0 && (!Number.isInteger(opts.year) || opts.year < b || opts.year > b + h)) {
		issues.push({ path: 'year', message: `Året for følsomhetsanalysen må være mellom ${b} og ${b + h}.` });
	}
	if (opts.output !== 'total.requiredStock' && opts.output !== 'total.gap') {
		issues.push({ path: 'output', message: 'Følsomhetsanalysen kan bare måle boligbehov eller gap.' });
	}
	if (issues.length > 0) throw new EngineInputError(issues);
	const prep = prepare(input);
	const ws = createWorkspace(prep);
	const t = opts.year - b;
	const base = pointValues(prep.layout);
	simulate(prep, base, ws);
	const baseline = read(prep, ws, t, opts.output);
	const p = new Float64Array(base.length);
	const bars: SensitivityBar[] = [];
	prep.layout.slots.forEach((slot, i) => {
		const s = slot.u.spread;
		if (!s || !isUncertain(slot.u)) return;
		const low = s.kind === 'triangular' ? s.low : s.p10;
		const high = s.kind === 'triangular' ? s.high : s.p90;
		p.set(base);
		p[i] = low;
		simulate(prep, p, ws);
		const outputAtLow = read(prep, ws, t, opts.output);
		p[i] = high;
		simulate(prep, p, ws);
		const outputAtHigh = read(prep, ws, t, opts.output);
		bars.push({ assumption: slot.key, label: slot.label, low, high, outputAtLow, outputAtHigh });
	});
	bars.sort((x, y) => Math.abs(y.outputAtHigh - y.outputAtLow) - Math.abs(x.outputAtHigh - x.outputAtLow));
	return { year: opts.year, output: opts.output, baseline, bars };
}
