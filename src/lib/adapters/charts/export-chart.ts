/**
 * Charts as files for reports: a standalone SVG (title, subtitle, context line and legend drawn
 * inside the SVG, fonts set explicitly, no HTML) and a PNG at 2× resolution drawn from that SVG.
 *
 * Plot returns a <figure> (HTML title, legend) when a chart has a title or legend; a report needs
 * one self-contained image, so the chart is drawn again from its spec without them and the title
 * and legend are composed around it as SVG.
 *
 * The file must open in any SVG program, not only in a browser:
 * - serialised with XMLSerializer, never outerHTML: the HTML serialiser writes nb-NO's no-break
 *   space (the thousands separator of "1 000") as `&nbsp;`, an entity XML does not define;
 * - no CSS custom properties (Plot draws tips and markers with `var(--plot-background)`) and no
 *   <style> element: presentation attributes only;
 * - fonts named explicitly (Plot's default is `system-ui`, which most converters do not know).
 */
import * as Plot from '@observablehq/plot';

const FONT = 'Arial, Helvetica, sans-serif';
const SVG_NS = 'http://www.w3.org/2000/svg';
/** What `var(--plot-background)` stands for: the exported chart is drawn on white. */
const BACKGROUND = '#ffffff';

function escapeXml(s: string): string {
	return s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

interface LegendEntry {
	label: string;
	color: string;
}

function legendOf(spec: Plot.PlotOptions): LegendEntry[] {
	const color = spec.color as { domain?: unknown[]; range?: unknown[]; legend?: boolean } | undefined;
	if (!color?.legend || !Array.isArray(color.domain) || !Array.isArray(color.range)) return [];
	return color.domain.map((d, i) => ({ label: String(d), color: String(color.range?.[i % (color.range?.length ?? 1)] ?? '#000') }));
}

/** Which kommune and scenario the numbers are for, and when they were computed: printed under the subtitle. */
export interface ChartContext {
	kommune: string;
	scenario: string;
	/** When the numbers were computed (the export moment: charts are drawn from the current result). */
	date: Date;
}

/** "Eksempelkommune · Basis · tall per 29.11.2026" */
export function chartContextLine(c: ChartContext): string {
	const d = c.date;
	const date = `${String(d.getDate()).padStart(2, '0')}.${String(d.getMonth() + 1).padStart(2, '0')}.${d.getFullYear()}`;
	return [c.kommune, c.scenario, `tall per ${date}`].filter((s) => s.trim() !== '').join(' · ');
}

/** `var(--name, fallback)` → fallback; `var(--plot-background)` (Plot's only unset one) → white. */
function resolveCssVariables(value: string): string {
	return value.replace(/var\(\s*--[\w-]+\s*(?:,\s*([^)]*))?\)/g, (_, fallback: string | undefined) => fallback?.trim() || BACKGROUND);
}

/** CSS properties that have an SVG presentation attribute of the same name: kept from style="…". */
const PRESENTATION = new Set(['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray', 'opacity', 'font-size', 'font-weight', 'font-style', 'text-anchor']);

/** style="font-size: 13px; --plot-background: white; max-width: 100%" → font-size="13px"; the rest is page layout. */
function styleToAttributes(el: Element): void {
	const style = el.getAttribute('style');
	if (style === null) return;
	el.removeAttribute('style');
	for (const decl of style.split(';')) {
		const i = decl.indexOf(':');
		if (i < 0) continue;
		const prop = decl.slice(0, i).trim().toLowerCase();
		const value = decl.slice(i + 1).trim();
		if (PRESENTATION.has(prop) && value && !value.includes('var(')) el.setAttribute(prop, value);
	}
}

/** Removes everything from Plot's SVG that a non-browser SVG reader would not understand. */
function makeStandalone(svg: SVGSVGElement): void {
	for (const style of [...svg.querySelectorAll('style')]) style.remove();
	for (const el of [svg, ...svg.querySelectorAll('*')]) {
		styleToAttributes(el);
		for (const attr of [...el.attributes]) {
			if (attr.value.includes('var(')) el.setAttribute(attr.name, resolveCssVariables(attr.value));
		}
		// Plot's class names only hook into the <style> just removed.
		if (el.getAttribute('class')?.startsWith('plot-')) el.removeAttribute('class');
		if (el.hasAttribute('font-family')) el.setAttribute('font-family', FONT);
	}
	svg.setAttribute('font-family', FONT);
	// Plot's <style> kept runs of spaces in labels (white-space: pre); the XML way to say so.
	svg.setAttributeNS('http://www.w3.org/XML/1998/namespace', 'xml:space', 'preserve');
}

export function chartToSvg(
	spec: Plot.PlotOptions,
	opts: { width?: number; description: string; context?: ChartContext; document?: Document }
): string {
	const doc = opts.document ?? document;
	const width = opts.width ?? 960;
	const title = typeof spec.title === 'string' ? spec.title : '';
	const subtitle = typeof spec.subtitle === 'string' ? spec.subtitle : '';
	const contextLine = opts.context ? chartContextLine(opts.context) : '';
	const legend = legendOf(spec);
	const bare = Plot.plot({
		...spec,
		title: undefined,
		subtitle: undefined,
		caption: undefined,
		width,
		color: spec.color ? { ...(spec.color as object), legend: false } : undefined,
		style: { ...(typeof spec.style === 'object' ? spec.style : {}), fontFamily: FONT, background: BACKGROUND },
		document: doc
	} as Plot.PlotOptions) as unknown as SVGSVGElement;
	for (const g of bare.querySelectorAll('g[aria-label]')) g.removeAttribute('aria-label');
	makeStandalone(bare);
	const chartHeight = Number(bare.getAttribute('height') ?? spec.height ?? 400);

	let y = 0;
	const parts: string[] = [];
	if (title) {
		y += 28;
		parts.push(`<text x="0" y="${y}" font-family="${FONT}" font-size="18" font-weight="bold" fill="#1f1f1f">${escapeXml(title)}</text>`);
	}
	for (const line of [subtitle, contextLine]) {
		if (!line) continue;
		y += 22;
		parts.push(`<text x="0" y="${y}" font-family="${FONT}" font-size="13" fill="#3d3d3d">${escapeXml(line)}</text>`);
	}
	if (legend.length) {
		y += 24;
		let x = 0;
		for (const e of legend) {
			const w = 22 + e.label.length * 7.2 + 16;
			if (x + w > width && x > 0) {
				x = 0;
				y += 20;
			}
			parts.push(`<rect x="${x}" y="${y - 11}" width="14" height="14" fill="${escapeXml(e.color)}"/>`);
			parts.push(`<text x="${x + 20}" y="${y + 1}" font-family="${FONT}" font-size="12" fill="#1f1f1f">${escapeXml(e.label)}</text>`);
			x += w;
		}
	}
	y += 12;
	bare.setAttribute('x', '0');
	bare.setAttribute('y', String(y));
	const Serializer = doc.defaultView?.XMLSerializer ?? XMLSerializer;
	// An SVG element made in an HTML document serialises with its SVG namespace declared.
	const inner = new Serializer().serializeToString(bare);
	const total = Math.ceil(y + chartHeight);
	const name = [title || opts.description, contextLine].filter(Boolean).join(' – ');
	return (
		`<svg xmlns="${SVG_NS}" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}" role="img" aria-label="${escapeXml(opts.description)}" font-family="${FONT}">` +
		`<title>${escapeXml(name)}</title>` +
		`<rect width="100%" height="100%" fill="${BACKGROUND}"/>` +
		parts.join('') +
		inner +
		'</svg>'
	);
}

/** Draws an SVG string onto a canvas at `scale`× and returns a PNG blob (browser only). */
export async function svgToPng(svg: string, scale = 2): Promise<Blob> {
	const m = svg.match(/width="(\d+(?:\.\d+)?)" height="(\d+(?:\.\d+)?)"/);
	const w = Number(m?.[1] ?? 960);
	const h = Number(m?.[2] ?? 540);
	const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
	try {
		const img = new Image();
		img.decoding = 'sync';
		await new Promise<void>((resolve, reject) => {
			img.onload = () => resolve();
			img.onerror = () => reject(new Error('Kunne ikke tegne figuren som bilde.'));
			img.src = url;
		});
		const canvas = document.createElement('canvas');
		canvas.width = Math.round(w * scale);
		canvas.height = Math.round(h * scale);
		const ctx = canvas.getContext('2d');
		if (!ctx) throw new Error('Nettleseren kan ikke lage PNG-bilder.');
		ctx.scale(scale, scale);
		ctx.fillStyle = '#fff';
		ctx.fillRect(0, 0, w, h);
		ctx.drawImage(img, 0, 0, w, h);
		return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG-eksport feilet.'))), 'image/png'));
	} finally {
		URL.revokeObjectURL(url);
	}
}
