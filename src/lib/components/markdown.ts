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

export function renderMarkdown(markdown: string): string {
	const html = marked.parse(markdown, { async: false });
	const clean = DOMPurify.sanitize(html, {
		ALLOWED_TAGS,
		ALLOWED_ATTR: ['href', 'title'],
		ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#)/i
	});
	// Make links safe to follow: new tab, no opener, no referrer.
	return clean.replace(/<a /g, '<a target="_blank" rel="noopener noreferrer" ');
}
