/**
 * A page that records every page error, console error and failed request, so that a test can
 * fail on any of them (`expectNoProblems`). A planner would see these as a broken tool.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';

export interface GuardedPage {
	context: BrowserContext;
	page: Page;
	problems: string[];
	expectNoProblems(): void;
}

export async function openGuardedPage(browser: Browser, options: { context?: BrowserContext } = {}): Promise<GuardedPage> {
	const context = options.context ?? (await browser.newContext({ locale: 'nb-NO', viewport: { width: 1280, height: 900 } }));
	const page = await context.newPage();
	const problems: string[] = [];
	page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
	page.on('console', (msg) => {
		if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
	});
	// A request the page itself abandoned by navigating away (ERR_ABORTED after a newer main-frame
	// navigation) is not a failure of the app; every other failed request is.
	let navigations = 0;
	const issuedAt = new WeakMap<object, number>();
	page.on('framenavigated', (frame) => {
		if (frame === page.mainFrame()) navigations++;
	});
	page.on('request', (req) => issuedAt.set(req, navigations));
	page.on('requestfailed', (req) => {
		const error = req.failure()?.errorText ?? '';
		const abandoned = error.includes('ERR_ABORTED') && navigations > (issuedAt.get(req) ?? navigations);
		if (!abandoned) problems.push(`request failed: ${req.url()} ${error}`);
	});
	page.on('response', (res) => {
		if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
	});
	return {
		context,
		page,
		problems,
		expectNoProblems() {
			if (problems.length > 0) throw new Error(`The page reported problems:\n${problems.join('\n')}`);
		}
	};
}
