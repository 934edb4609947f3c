/**
 * Charts as files for reports: a standalone SVG (title, subtitle and legend drawn inside the SVG,
 * fonts set explicitly, no HTML) and a PNG at 2× resolution drawn from that SVG.
 *
 * Plot returns a <figure> (HTML title, legend) when a chart has a title or legend; a report needs
 * one self-contained image, so the chart is drawn again from its spec without them and the title
 * and legend are composed around it as SVG.
 */
import * as Plot from '@observablehq/plot';

const FONT = 'Arial, Helvetica, sans-serif';
const SVG_NS = 'http://www.w3.org/2000/svg';

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

export function chartToSvg(spec: Plot.PlotOptions, opts: { width?: number; description: string; document?: Document }): string {
	const doc = opts.document ?? document;
	const width = opts.width ?? 960;
	const title = typeof spec.title === 'string' ? spec.title : '';
	const subtitle = typeof spec.subtitle === 'string' ? spec.subtitle : '';
	const legend = legendOf(spec);
	const bare = Plot.plot({
		...spec,
		title: undefined,
		subtitle: undefined,
		caption: undefined,
		width,
		color: spec.color ? { ...(spec.color as object), legend: false } : undefined,
		style: { ...(typeof spec.style === 'object' ? spec.style : {}), fontFamily: FONT, background: '#fff' },
		document: doc
	} as Plot.PlotOptions) as unknown as SVGSVGElement;
	for (const g of bare.querySelectorAll('g[aria-label]')) g.removeAttribute('aria-label');
	const chartHeight = Number(bare.getAttribute('height') ?? spec.height ?? 400);

	let y = 0;
	const parts: string[] = [];
	if (title) {
		y += 28;
		parts.push(`<text x="0" y="${y}" font-family="${FONT}" font-size="18" font-weight="bold" fill="#1f1f1f">${escapeXml(title)}</text>`);
	}
	if (subtitle) {
		y += 22;
		parts.push(`<text x="0" y="${y}" font-family="${FONT}" font-size="13" fill="#3d3d3d">${escapeXml(subtitle)}</text>`);
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
	bare.setAttribute('xmlns', SVG_NS);
	const inner = bare.outerHTML;
	const total = Math.ceil(y + chartHeight);
	return (
		`<svg xmlns="${SVG_NS}" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}" role="img" aria-label="${escapeXml(opts.description)}" font-family="${FONT}">` +
		`<title>${escapeXml(title || opts.description)}</title>` +
		`<rect width="100%" height="100%" fill="#fff"/>` +
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
