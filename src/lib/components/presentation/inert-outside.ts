/**
 * Svelte action: while `node` is mounted, everything outside it is `inert` (no focus, no clicks,
 * hidden from assistive technology). A slide covers the whole window, so the app header, the
 * skip link and the notebook behind it must not take focus invisibly. Elements that were inert
 * already are left as they were.
 */
export function inertOutside(node: HTMLElement): { destroy(): void } {
	const made: Element[] = [];
	for (let el: HTMLElement | null = node; el && el !== document.body; el = el.parentElement) {
		const parent: HTMLElement | null = el.parentElement;
		if (!parent) break;
		for (const sibling of parent.children) {
			if (sibling === el || sibling.hasAttribute('inert') || sibling.tagName === 'SCRIPT' || sibling.tagName === 'STYLE') continue;
			sibling.setAttribute('inert', '');
			made.push(sibling);
		}
	}
	return {
		destroy() {
			for (const el of made) el.removeAttribute('inert');
		}
	};
}
