/**
 * One Chromium per test file: launched before the file's tests, closed after. Returns a getter,
 * because the browser exists only once `beforeAll` has run.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.ts';

export function useBrowser(): () => Browser {
	let browser: Browser | undefined;
	beforeAll(async () => {
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
	});
	return () => {
		if (!browser) throw new Error('The browser is not running: use it inside a test');
		return browser;
	};
}
