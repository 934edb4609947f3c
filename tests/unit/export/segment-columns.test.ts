import { describe, expect, it } from 'vitest';
import { runMonteCarlo, runProjection } from '#lib/core/engine/index.ts';
import { segmentColumns } from '#lib/core/export/columns.ts';
import { projectionToCsv } from '#lib/core/export/csv.ts';
import { PROBABILITY_HEADER, scenarioTable } from '#lib/core/export/scenario-table.ts';
import { YEARLY_COLUMNS, probabilityColumn, yearlyTable } from '#lib/core/report/yearly-table.ts';
import { exampleInput } from '../engine/fixtures.ts';
import { readCsv } from './read-csv.ts';

const capacity = runProjection(exampleInput('capacity', 10));
const need = runProjection(exampleInput('need', 10));

describe('segmentColumns (capacity mode: occupancy and free dwellings per segment)', () => {
	it('gives each segment an occupied and a free column with the result’s numbers', () => {
		const segments = capacity.segments!;
		expect(segments.length).toBeGreaterThan(1);
		const cols = segmentColumns(segments);
		expect(cols.map((c) => c.key)).toEqual(segments.flatMap((s) => [`segments.${s.id}.occupied`, `segments.${s.id}.free`]));
		expect(cols[0]!.header).toBe(`Bebodd: ${segments[0]!.name} (boliger)`);
		expect(cols[1]!.header).toBe(`Ledig: ${segments[0]!.name} (boliger)`);
		const rows = yearlyTable(capacity, cols);
		segments.forEach((s, j) => {
			capacity.years.forEach((_, i) => {
				expect(rows[i]![2 * j]).toBe(s.occupied[i]);
				expect(rows[i]![2 * j + 1]).toBe(s.free[i]);
				// Free is what the segment's dwellings leave after occupancy, never negative.
				expect(s.free[i]).toBeCloseTo(Math.max(0, s.dwellings[i]! - s.occupied[i]!), 9);
			});
		});
	});

	it('leaves the cells empty for a run without segments (need mode)', () => {
		expect(need.segments).toBeUndefined();
		const cols = segmentColumns(capacity.segments!);
		expect(yearlyTable(need, cols).flat().every(Number.isNaN)).toBe(true);
		const csv = readCsv(projectionToCsv(need, { columns: [YEARLY_COLUMNS[0]!, ...cols], bom: false }));
		expect(csv[1]!.slice(1).every((v) => v === '')).toBe(true);
	});

	it('reach the CSV as columns after the yearly ones', () => {
		const cols = [...YEARLY_COLUMNS, ...segmentColumns(capacity.segments!)];
		const [header] = readCsv(projectionToCsv(capacity, { columns: cols, bom: false }));
		expect(header).toEqual(cols.map((c) => c.header));
	});
});

describe('scenarioTable', () => {
	it('adds the probability column once, also when the table already shows it', () => {
		const input = exampleInput('need', 10);
		const mc = runMonteCarlo(input, { draws: 50, seed: 3 })!;
		const shown = [...YEARLY_COLUMNS, probabilityColumn(mc)];
		const table = scenarioTable(need, shown, { monteCarlo: mc });
		expect(table.columns.filter((c) => c.key === 'total.probRequiredExceedsPlanned')).toHaveLength(1);
		expect(scenarioTable(need, YEARLY_COLUMNS, { monteCarlo: mc }).header.at(-1)).toBe(PROBABILITY_HEADER);
	});
});
