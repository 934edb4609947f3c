/**
 * «Før tallene kan brukes» in full (notebook, report) and on a slide (compact): there the
 * assumptions are counted, not named, so a new kommune's first slide keeps room for its chart.
 */
import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import PlaceholderList from '#lib/components/PlaceholderList.svelte';
import type { Placeholder } from '#lib/core/report/placeholders.ts';

const assumption = (i: number): Placeholder => ({
	key: `basis:groups.eldre.x${i}`,
	label: `Forutsetning ${i} – Eldre`,
	detail: 'Nasjonal standard.',
	target: { kind: 'assumption', scenarioId: 'basis', group: 'eldre', path: `x${i}` }
});
const items: Placeholder[] = [
	{ key: 'population', label: 'Befolkning', detail: 'Plassholder. Importer SSBs befolkningsframskriving.', target: { kind: 'population' } },
	{ key: 'base', label: 'Grunnlagsdata', detail: 'Plassholder.', target: { kind: 'base-data' } },
	...[1, 2, 3].map(assumption)
];

describe('PlaceholderList', () => {
	it('names every stand-in with where it comes from', () => {
		render(PlaceholderList, { items });
		const list = within(screen.getByTestId('placeholders'));
		expect(list.getAllByRole('listitem')).toHaveLength(5);
		expect(list.getByText('Forutsetning 3 – Eldre')).toBeInTheDocument();
		expect(list.getByText(/Importer SSBs befolkningsframskriving/)).toBeInTheDocument();
	});

	it('on a slide names population and base data and counts the assumptions', () => {
		render(PlaceholderList, { items, compact: true });
		const list = within(screen.getByTestId('placeholders'));
		expect(list.getByRole('heading', { name: 'Før tallene kan brukes' })).toBeInTheDocument();
		expect(list.getAllByRole('listitem').map((li) => li.textContent?.trim())).toEqual([
			'Befolkning',
			'Grunnlagsdata',
			'3 forutsetninger (hver er nevnt i notatboken og i rapporten)'
		]);
		expect(list.queryByText('Forutsetning 1 – Eldre')).toBeNull();
	});

	it('says nothing when no stand-in remains', () => {
		render(PlaceholderList, { items: [], compact: true });
		expect(screen.queryByTestId('placeholders')).toBeNull();
	});
});
