import { describe, expect, it } from 'vitest';
import { slideParts, splitNoteSections } from '#lib/components/presentation/slide-parts.ts';
import type { Cell } from '#lib/core/model/notebook.ts';
import { createExampleNotebook } from '#lib/core/example/index.ts';

const note = (id: string, markdown: string): Cell => ({ id, kind: 'note', markdown }) as Cell;

describe('slide parts', () => {
	it('splits a note before each ### heading, keeping the text before the first with the title', () => {
		expect(splitNoteSections('## Tittel\n\nInnledning.\n\n### A\n\nom A\n\n### B\n\nom B')).toEqual([
			'## Tittel\n\nInnledning.',
			'### A\n\nom A',
			'### B\n\nom B'
		]);
	});

	it('leaves a note without ### sections, a heading in code, and other cells whole', () => {
		expect(splitNoteSections('## Bare én\n\ntekst')).toEqual(['## Bare én\n\ntekst']);
		expect(splitNoteSections('tekst\n\n```\n### ikke en overskrift\n```')).toHaveLength(1);
		expect(splitNoteSections('### Først\n\ntekst')).toEqual(['### Først\n\ntekst']);
		const chart = { id: 'c', kind: 'chart', chart: 'tornado', scenarioIds: [] } as unknown as Cell;
		expect(slideParts([chart])).toEqual([{ cell: chart, part: 1, parts: 1 }]);
	});

	it('numbers the parts of a split note and keeps every word of it', () => {
		const md = '## T\n\nx\n\n### A\n\ny\n\n### B\n\nz';
		const parts = slideParts([note('n', md)]);
		expect(parts.map((p) => [p.part, p.parts])).toEqual([
			[1, 3],
			[2, 3],
			[3, 3]
		]);
		expect(parts.map((p) => p.markdown).join('\n\n')).toBe(md);
	});

	it('gives the example notebook its slides in order, each marked cell at least once', () => {
		const doc = createExampleNotebook();
		const marked = doc.cells.filter((c) => c.slide && !c.hidden);
		const parts = slideParts(marked);
		expect([...new Set(parts.map((p) => p.cell.id))]).toEqual(marked.map((c) => c.id));
	});
});
