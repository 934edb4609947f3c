/**
 * The slides of a notebook: one per marked cell, except that a long note is shown as one slide per
 * `###` section. A note written to be read (several sections of argument) does not fit a projector
 * at a readable size; its sections do, and the speaker moves through them like any other slide.
 */
import type { Cell } from '#lib/core/model/notebook.ts';

export interface SlidePart {
	cell: Cell;
	/** For a note: the Markdown of this part; undefined for every other kind. */
	markdown?: string;
	/** 1-based part of the cell, and how many parts it has (1 for all but split notes). */
	part: number;
	parts: number;
}

/** Splits Markdown before each level-3 heading (outside fenced code); the text before the first stays first. */
export function splitNoteSections(markdown: string): string[] {
	const lines = markdown.split('\n');
	const sections: string[][] = [[]];
	let fenced = false;
	for (const line of lines) {
		if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
		if (!fenced && /^###\s+\S/.test(line) && sections.at(-1)!.some((l) => l.trim())) sections.push([]);
		sections.at(-1)!.push(line);
	}
	return sections.map((s) => s.join('\n').trim()).filter((s) => s.length > 0);
}

export function slideParts(cells: readonly Cell[]): SlidePart[] {
	return cells.flatMap((cell): SlidePart[] => {
		if (cell.kind !== 'note') return [{ cell, part: 1, parts: 1 }];
		const sections = splitNoteSections(cell.markdown);
		if (sections.length <= 1) return [{ cell, markdown: cell.markdown, part: 1, parts: 1 }];
		return sections.map((markdown, i) => ({ cell, markdown, part: i + 1, parts: sections.length }));
	});
}
