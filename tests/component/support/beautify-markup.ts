/**
 * One element a line, indented by depth: a chart's SVG/HTML as a reviewable diff. Text stays on
 * the line of its element when the element holds only text (<text>, <h2>, <tspan>).
 */
const VOID = new Set(['br', 'img', 'input', 'meta', 'link', 'hr', 'col', 'area', 'base', 'source', 'wbr']);

export function beautifyMarkup(markup: string): string {
	const tokens = markup.match(/<!--[\s\S]*?-->|<[^>]+>|[^<]+/g) ?? [];
	const lines: string[] = [];
	let depth = 0;
	for (let i = 0; i < tokens.length; i++) {
		const t = tokens[i]!;
		const pad = '\t'.repeat(depth);
		if (t.startsWith('</')) {
			depth = Math.max(0, depth - 1);
			lines.push('\t'.repeat(depth) + t);
		} else if (t.startsWith('<!--') || t.endsWith('/>')) {
			lines.push(pad + t);
		} else if (t.startsWith('<')) {
			const name = /^<([\w:-]+)/.exec(t)?.[1]?.toLowerCase() ?? '';
			const text = tokens[i + 1];
			const close = tokens[i + 2];
			if (text !== undefined && !text.startsWith('<') && close === `</${name}>`) {
				lines.push(pad + t + text + close);
				i += 2;
			} else if (tokens[i + 1] === `</${name}>`) {
				lines.push(pad + t + tokens[i + 1]);
				i += 1;
			} else {
				lines.push(pad + t);
				if (!VOID.has(name)) depth++;
			}
		} else if (t.trim()) {
			lines.push(pad + t.trim());
		}
	}
	return lines.join('\n') + '\n';
}
