/**
 * Markdown from notes (and from imported files: untrusted) to safe HTML: marked renders, then
 * DOMPurify removes scripts, event handlers, and anything that loads remote content (images,
 * iframes, styles with urls). Links are kept but open in a new tab without referrer or opener.
 */
import DOMPurify from 'dompurify';
import { Marked } from 'marked';

/**
 * Headings in a note sit inside a page (h1) and a cell (h3): "# Tittel" becomes h3, "##" h4 …,
 * so the page keeps one h1 and a heading order screen readers can follow.
 */
const marked = new Marked({
	gfm: true,
	breaks: false,
	walkTokens(token) {
		if (token.type === 'heading') token.depth = Math.min(6, token.depth + 2);
	}
});

const ALLOWED_TAGS = ['p', 'br', 'strong', 'em', 'b', 'i', 'ul', 'ol', 'li', 'blockquote', 'code', 'pre', 'h3', 'h4', 'h5', 'h6', 'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'hr', 'del'];

/**
 * Longest note text rendered as Markdown. Rendering costs a few microseconds per character on the
 * main thread (a 4,8 MB note froze the page for 17 s: issue 13, finding 7); 20 000 characters is
 * some ten pages of text, far beyond a note in a notebook, and renders in tens of milliseconds.
 * The whole text is kept and editable; only the rendered view stops, and says so.
 */
export const MARKDOWN_RENDER_LIMIT = 20_000;

/** The part of `markdown` that is rendered: cut at the last paragraph break (or line) before the limit. */
function renderedPart(markdown: string): string {
	if (markdown.length <= MARKDOWN_RENDER_LIMIT) return markdown;
	const head = markdown.slice(0, MARKDOWN_RENDER_LIMIT);
	const cut = Math.max(head.lastIndexOf('\n\n'), head.lastIndexOf('\n'));
	return cut > MARKDOWN_RENDER_LIMIT / 2 ? head.slice(0, cut) : head;
}

export function renderMarkdown(markdown: string): string {
	const part = renderedPart(markdown);
	const html = marked.parse(part, { async: false });
	const clean = DOMPurify.sanitize(html, {
		ALLOWED_TAGS,
		ALLOWED_ATTR: ['href', 'title'],
		ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#)/i
	});
	// Make links safe to follow: new tab, no opener, no referrer.
	const safe = clean.replace(/<a /g, '<a target="_blank" rel="noopener noreferrer" ');
	if (part.length === markdown.length) return safe;
	const n = (x: number) => x.toLocaleString('nb-NO');
	return `${safe}<p class="markdown-cut"><em>Notatet er for langt til å vises i sin helhet her (${n(markdown.length)} tegn). De første ${n(part.length)} tegnene vises; hele teksten er tatt vare på og kan redigeres.</em></p>`;
}
