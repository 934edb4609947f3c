import { describe, expect, it } from 'vitest';
import { GROUP_FIELDS, GROUP_FIELD_IDS, VACANCY_FIELD, editorLabel, fieldName, groupFieldContext, rangeText } from '#lib/core/model/assumption-fields.ts';
import { F, buildLayout } from '#lib/core/engine/params.ts';
import { listAssumptions } from '#lib/core/report/assumption-catalogue.ts';
import { validateInput } from '#lib/core/engine/index.ts';
import { createExampleNotebook } from '#lib/core/example/index.ts';
import { fixed } from '#lib/core/model/uncertain.ts';
import { exampleInput } from '../engine/fixtures.ts';

describe('the assumption field table', () => {
	it('lists the per-group fields in the engine slot order', () => {
		expect(GROUP_FIELD_IDS).toEqual(Object.keys(F));
		GROUP_FIELD_IDS.forEach((id, i) => expect(F[id]).toBe(i));
	});

	it('gives the engine slot, the catalogue and the editor one name per assumption', () => {
		const nb = createExampleNotebook();
		const scenario = nb.scenarios[0]!;
		const slots = buildLayout(scenario.assumptions).slots;
		const items = listAssumptions(scenario);
		for (const id of GROUP_FIELD_IDS) {
			const f = GROUP_FIELDS[id];
			for (const [g, ga] of Object.entries(scenario.assumptions.groups)) {
				if (!f.get(ga)) continue;
				const slot = slots.find((s) => s.key === `${g}.${f.path}`);
				expect(slot?.label.startsWith(f.name)).toBe(true);
				const item = items.find((it) => it.key === `groups.${g}.${f.path}`);
				expect(item?.label).toBe(fieldName(f, groupFieldContext(ga, id)));
				expect(item?.label.startsWith(f.name)).toBe(true);
				expect(editorLabel(f, groupFieldContext(ga, id), 'X').startsWith(f.name)).toBe(true);
			}
		}
		expect(slots.at(-1)?.label).toBe(VACANCY_FIELD.name);
		expect(items.find((it) => it.key === 'vacancyTargetPct')?.label).toBe(VACANCY_FIELD.name);
	});

	it('the validation message names the field and the range from the table', () => {
		const input = exampleInput();
		input.scenario.groups.andre.tenure = { kind: 'botid', years: fixed(120) };
		const issue = validateInput(input).find((i) => i.path === 'scenario.groups.andre.tenure.years');
		expect(issue?.message).toBe(`${GROUP_FIELDS.botid.name} for Andre må være ${rangeText(GROUP_FIELDS.botid.range, 'år')}.`);
		expect(issue?.message).toBe('Botid for Andre må være over 0 år og høyst 100 år.');
	});

	it('writes ranges in Norwegian', () => {
		expect(rangeText({ min: 0, max: 100 }, '%')).toBe('mellom 0 og 100 %');
		expect(rangeText({ min: 0, minOpen: true, max: 20 }, '')).toBe('over 0 og høyst 20');
		expect(rangeText({ min: 0.5, max: Infinity }, 'år')).toBe('minst 0,5 år');
	});
});
