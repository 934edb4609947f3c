/** Override resolution (issue 15): chains, removal, ranges, cycles, and editing that writes overrides. */
import { describe, expect, it } from 'vitest';
import {
	ancestors,
	applyOverrides,
	diffOverrides,
	isOverridePath,
	reconcileVariants,
	assumptionsById,
	resetOverrides,
	resolveAll,
	withDescendants
} from '#lib/core/scenarios/overrides.ts';
import { copyScenario, deleteScenario } from '#lib/core/notebook/edits.ts';
import { buildMinimalNotebook } from '../format/fixtures.ts';
import { triangular } from '#lib/core/model/uncertain.ts';
import type { Notebook } from '#lib/core/model/notebook.ts';

/** Runs an edit the way the session does: mutate, then reconcile the variants. */
function edit(nb: Notebook, mutate: (nb: Notebook) => void): void {
	const before = assumptionsById(nb.scenarios);
	mutate(nb);
	reconcileVariants(nb, before);
}
const scenario = (nb: Notebook, id: string) => nb.scenarios.find((s) => s.id === id)!;

describe('diffOverrides and applyOverrides', () => {
	it('an uncertain number is one override, its range included, and applying gives the child back', () => {
		const nb = buildMinimalNotebook();
		const parent = nb.scenarios[0]!.assumptions;
		const child = structuredClone(parent);
		child.groups.rop.tenure = { kind: 'botid', years: triangular(3, 4.5, 6) };
		child.horizonYears = 12;
		const o = diffOverrides(parent, child);
		expect(o).toEqual({ 'groups.rop.tenure.years': { value: 4.5, spread: { kind: 'triangular', low: 3, high: 6 } }, horizonYears: 12 });
		expect(applyOverrides(parent, o).assumptions).toEqual(child);
	});

	it('another kind (tenure model) is one override of the whole object; a removed value is null', () => {
		const nb = buildMinimalNotebook();
		const parent = nb.scenarios[0]!.assumptions;
		const child = structuredClone(parent);
		child.groups.rop.tenure = { kind: 'exitRate', pctPerYear: { value: 10 } };
		const rate = child.groups.eldre.demand;
		if (rate.kind === 'rate' || rate.kind === 'prevalence') delete (rate as { sharePct?: unknown }).sharePct;
		const o = diffOverrides(parent, child);
		expect(o['groups.rop.tenure']).toEqual({ kind: 'exitRate', pctPerYear: { value: 10 } });
		expect(applyOverrides(parent, o).assumptions).toEqual(child);
	});

	it('an override whose place no longer exists in the parent is kept but not applied', () => {
		const nb = buildMinimalNotebook();
		const parent = structuredClone(nb.scenarios[0]!.assumptions);
		parent.groups.rop.tenure = { kind: 'lease', leaseYears: 3, renewalPct: { value: 20 } };
		const r = applyOverrides(parent, { 'groups.rop.tenure.years': { value: 5 } });
		expect(r.inactive).toEqual(['groups.rop.tenure.years']);
		expect(r.assumptions.groups.rop.tenure).toEqual(parent.groups.rop.tenure);
	});

	it('a plan cost figure, whose key has dots, is one override that applies (and a variant edit keeps it)', () => {
		const nb = buildMinimalNotebook();
		const parent = structuredClone(nb.scenarios[0]!.assumptions);
		parent.plan!.costs = { 'invest.kjop.ordinaer': triangular(3_000_000, 3_800_000, 5_000_000) };
		const child = structuredClone(parent);
		child.plan!.costs = { 'invest.kjop.ordinaer': triangular(2_000_000, 3_800_000, 6_000_000), 'rent.ordinaer': { value: 1 } };
		const o = diffOverrides(parent, child);
		expect(Object.keys(o).sort()).toEqual(['plan.costs.invest.kjop.ordinaer', 'plan.costs.rent.ordinaer']);
		const r = applyOverrides(parent, o);
		expect(r.inactive).toEqual([]);
		expect(r.assumptions).toEqual(child);

		const v = copyScenario(nb, nb.scenarios[0]!.id, 'Dyrere kjøp')!;
		edit(nb, (d) => (scenario(d, v.id).assumptions.plan!.costs = { 'invest.kjop.ordinaer': { value: 4_200_000 } }));
		expect(scenario(nb, v.id).assumptions.plan!.costs).toEqual({ 'invest.kjop.ordinaer': { value: 4_200_000 } });
	});

	it('refuses paths that could reach a prototype', () => {
		expect(isOverridePath('groups.rop.tenure.years')).toBe(true);
		expect(isOverridePath('__proto__.polluted')).toBe(false);
		expect(isOverridePath('groups.constructor.prototype')).toBe(false);
		expect(isOverridePath('groups..rop')).toBe(false);
		const nb = buildMinimalNotebook();
		const r = applyOverrides(nb.scenarios[0]!.assumptions, { '__proto__.polluted': true });
		expect(r.inactive).toEqual(['__proto__.polluted']);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});
});

describe('resolution through the parent chain', () => {
	it('a variant of a variant reads through both', () => {
		const nb = buildMinimalNotebook();
		edit(nb, (d) => copyScenario(d, 'kortere-botid', 'Enda kortere', () => 0.5));
		const third = nb.scenarios[2]!;
		expect(third.basedOn).toBe('kortere-botid');
		expect(third.assumptions.groups.rop.tenure).toEqual({ kind: 'botid', years: { value: 5 } });
		edit(nb, (d) => {
			scenario(d, 'basis').assumptions.horizonYears = 20;
		});
		expect(third.assumptions.horizonYears).toBe(20);
		expect(ancestors(nb.scenarios, third.id)!.map((s) => s.id)).toEqual(['kortere-botid', 'basis']);
		expect(withDescendants(nb.scenarios, ['basis']).sort()).toEqual(['basis', 'kortere-botid', third.id].sort());
	});

	it('a cycle or a missing parent resolves to nothing, never loops', () => {
		const scenarios = [
			{ id: 'a', basedOn: 'b', overrides: {} },
			{ id: 'b', basedOn: 'a', overrides: {} },
			{ id: 'c', basedOn: 'x', overrides: {} }
		];
		expect(ancestors(scenarios, 'a')).toBeNull();
		expect(ancestors(scenarios, 'c')).toBeNull();
		expect(resolveAll(scenarios).size).toBe(0);
	});
});

describe('editing a variant writes overrides', () => {
	it('a changed Basis value reaches the variant unless the variant overrides it', () => {
		const nb = buildMinimalNotebook();
		edit(nb, (d) => {
			scenario(d, 'basis').assumptions.groups.andre.tenure = { kind: 'botid', years: { value: 4 } };
			scenario(d, 'basis').assumptions.groups.rop.tenure = { kind: 'botid', years: { value: 7 } };
		});
		const v = scenario(nb, 'kortere-botid');
		expect(v.assumptions.groups.andre.tenure).toEqual({ kind: 'botid', years: { value: 4 } });
		expect(v.assumptions.groups.rop.tenure).toEqual({ kind: 'botid', years: { value: 5 } });
		expect(v.overrides).toEqual({ 'groups.rop.tenure.years': { value: 5 } });
	});

	it('names the variants whose values the edit changed, not one that overrides the edited value', () => {
		const nb = buildMinimalNotebook();
		copyScenario(nb, 'basis', 'Arver alt', () => 0.5);
		const inheriting = nb.scenarios[2]!.id;
		const tenure = (d: Notebook) => {
			scenario(d, 'basis').assumptions.groups.rop.tenure = { kind: 'botid', years: { value: 7 } };
		};
		let before = assumptionsById(nb.scenarios);
		tenure(nb);
		expect(reconcileVariants(nb, before)).toEqual([inheriting]);
		before = assumptionsById(nb.scenarios);
		scenario(nb, 'basis').assumptions.horizonYears = 20;
		expect(reconcileVariants(nb, before).sort()).toEqual(['kortere-botid', inheriting].sort());
		before = assumptionsById(nb.scenarios);
		scenario(nb, 'basis').assumptions.horizonYears = 20;
		expect(reconcileVariants(nb, before)).toEqual([]);
	});

	it("editing a field creates the override; typing the parent's value removes it", () => {
		const nb = buildMinimalNotebook();
		const v = scenario(nb, 'kortere-botid');
		edit(nb, () => {
			v.assumptions.vacancyTargetPct = { value: 7 };
		});
		expect(v.overrides).toEqual({ 'groups.rop.tenure.years': { value: 5 }, vacancyTargetPct: { value: 7 } });
		edit(nb, () => {
			v.assumptions.groups.rop.tenure = structuredClone(nb.scenarios[0]!.assumptions.groups.rop.tenure);
		});
		expect(v.overrides).toEqual({ vacancyTargetPct: { value: 7 } });
	});

	it('reset per field, per group and for the whole variant', () => {
		const nb = buildMinimalNotebook();
		const v = scenario(nb, 'kortere-botid');
		edit(nb, () => {
			v.assumptions.vacancyTargetPct = { value: 7 };
			v.assumptions.groups.rop.waitingAttritionPctPerYear = { value: 1 };
		});
		edit(nb, () => resetOverrides(v, 'groups.rop.tenure.years'));
		expect(Object.keys(v.overrides!).sort()).toEqual(['groups.rop.waitingAttritionPctPerYear', 'vacancyTargetPct']);
		expect(v.assumptions.groups.rop.tenure).toEqual(nb.scenarios[0]!.assumptions.groups.rop.tenure);
		edit(nb, () => resetOverrides(v, 'groups.rop'));
		expect(Object.keys(v.overrides!)).toEqual(['vacancyTargetPct']);
		edit(nb, () => resetOverrides(v));
		expect(v.overrides).toEqual({});
		expect(v.assumptions).toEqual(nb.scenarios[0]!.assumptions);
	});
});

describe('deleting a parent', () => {
	it('re-parents its variants to Basis with their effective values kept', () => {
		const nb = buildMinimalNotebook();
		edit(nb, (d) => copyScenario(d, 'kortere-botid', 'Barnet', () => 0.5));
		const child = nb.scenarios[2]!;
		edit(nb, () => {
			child.assumptions.horizonYears = 15;
		});
		const effective = structuredClone(child.assumptions);
		edit(nb, (d) => deleteScenario(d, 'kortere-botid', 'reparent'));
		expect(nb.scenarios.map((s) => s.id)).toEqual(['basis', child.id]);
		expect(child.basedOn).toBe('basis');
		expect(child.assumptions).toEqual(effective);
		expect(child.overrides).toEqual({ 'groups.rop.tenure.years': { value: 5 }, horizonYears: 15 });
	});

	it('or deletes them with it', () => {
		const nb = buildMinimalNotebook();
		edit(nb, (d) => copyScenario(d, 'kortere-botid', 'Barnet', () => 0.5));
		edit(nb, (d) => deleteScenario(d, 'kortere-botid', 'delete'));
		expect(nb.scenarios.map((s) => s.id)).toEqual(['basis']);
	});

	it('deleting Basis leaves its variants self-contained with their values', () => {
		const nb = buildMinimalNotebook();
		const v = scenario(nb, 'kortere-botid');
		const effective = structuredClone(v.assumptions);
		edit(nb, (d) => deleteScenario(d, 'basis', 'reparent'));
		expect(v.basedOn).toBeUndefined();
		expect(v.overrides).toBeUndefined();
		expect(v.assumptions).toEqual(effective);
	});

	it('deleting a root leaves its variants self-contained even when another root exists', () => {
		const nb = buildMinimalNotebook();
		edit(nb, (d) => {
			const other = copyScenario(d, 'basis', 'Egen rot', () => 0.5)!;
			delete other.basedOn;
			delete other.overrides;
			other.assumptions.horizonYears = 20;
		});
		const other = nb.scenarios[2]!;
		const v = scenario(nb, 'kortere-botid');
		const effective = structuredClone(v.assumptions);
		edit(nb, (d) => deleteScenario(d, 'basis', 'reparent'));
		expect(nb.scenarios.map((s) => s.id)).toEqual(['kortere-botid', other.id]);
		expect(v.basedOn).toBeUndefined();
		expect(v.overrides).toBeUndefined();
		expect(v.assumptions).toEqual(effective);
	});
});
