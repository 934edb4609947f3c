// Component tests run in jsdom. Registers jest-dom matchers and testing-library's cleanup after
// each test (without Vitest globals it is not automatic: old renders would stay in the DOM).
import '@testing-library/jest-dom/vitest';
import '@testing-library/svelte/vitest';

// jsdom has no ResizeObserver; charts then draw at their default width.
if (typeof globalThis.ResizeObserver === 'undefined') {
	globalThis.ResizeObserver = class {
		observe() {}
		unobserve() {}
		disconnect() {}
	} as unknown as typeof ResizeObserver;
}
