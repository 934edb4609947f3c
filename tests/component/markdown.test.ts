/** Notes come from imported files too: untrusted. Nothing in them may run or load remote content. */
import { describe, expect, it } from 'vitest';
import { MARKDOWN_RENDER_LIMIT, renderMarkdown } from '#lib/components/markdown.ts';

const PAYLOADS = [
	'<script>window.__pwned = 1</script>',
	'<img src=x onerror="window.__pwned = 1">',
	'[klikk](javascript:window.__pwned=1)',
	'<a href="javascript:alert(1)">lenke</a>',
	'<iframe src="https://evil.example"></iframe>',
	'<svg onload="window.__pwned=1"><circle/></svg>',
	'![bilde](https://tracker.example/pixel.png)',
	'<style>body{background:url(https://tracker.example/x)}</style>',
	'<div style="background:url(https://tracker.example/y)">x</div>',
	'<form action="https://evil.example"><input name=a></form>',
	'<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>'
];

describe('renderMarkdown', () => {
	it('renders ordinary Markdown, with headings shifted below the page and cell headings', () => {
		const html = renderMarkdown('# Tittel\n\nEt **viktig** tall: 1 234.\n\n- a\n- b');
		expect(html).toContain('<h3>Tittel</h3>');
		expect(html).toContain('<strong>viktig</strong>');
		expect(html).toContain('<li>a</li>');
	});

	it.each(PAYLOADS)('neutralises %s', (payload) => {
		const html = renderMarkdown(payload);
		const host = document.createElement('div');
		host.innerHTML = html;
		expect(host.querySelector('script, iframe, img, svg, style, form, input, math')).toBeNull();
		for (const el of host.querySelectorAll('*')) {
			for (const attr of el.attributes) {
				expect(attr.name.startsWith('on')).toBe(false);
				expect(attr.name).not.toBe('style');
				expect(attr.value.toLowerCase()).not.toContain('javascript:');
			}
		}
		expect((globalThis as { __pwned?: number }).__pwned).toBeUndefined();
	});

	it('keeps safe links and opens them without opener or referrer', () => {
		const html = renderMarkdown('[SSB](https://www.ssb.no/statbank/table/12008)');
		expect(html).toContain('href="https://www.ssb.no/statbank/table/12008"');
		expect(html).toContain('rel="noopener noreferrer"');
	});
});

describe('renderMarkdown of a very long note (issue 13, finding 7)', () => {
	it('renders only the first MARKDOWN_RENDER_LIMIT characters, cut at a line, and says so in Norwegian', () => {
		const paragraph = `${'Et avsnitt med tekst. '.repeat(20)}\n\n`;
		const long = paragraph.repeat(Math.ceil((4.8 * 1024 * 1024) / paragraph.length));
		const html = renderMarkdown(long);
		const host = document.createElement('div');
		host.innerHTML = html;
		const shown = [...host.querySelectorAll('p:not(.markdown-cut)')].map((p) => p.textContent ?? '').join('');
		expect(shown.length).toBeLessThanOrEqual(MARKDOWN_RENDER_LIMIT);
		expect(shown.length).toBeGreaterThan(MARKDOWN_RENDER_LIMIT / 2);
		expect(host.querySelector('.markdown-cut')?.textContent).toMatch(/^Notatet er for langt til å vises i sin helhet her \([\d\s\u00a0]+ tegn\)\. De første/);
	});

	it('a short note is rendered whole, without the message', () => {
		expect(renderMarkdown('kort')).not.toContain('markdown-cut');
	});
});
