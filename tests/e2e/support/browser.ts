/**
 * Finds a Chromium for the end-to-end tests, in this order:
 * 1. CHROME_PATH (any Chromium/Chrome the developer points at);
 * 2. the system Chromium (Debian's `chromium` package, as .ci/run installs it);
 * 3. the headless Chromium shipped inside the @sparticuz/chromium devDependency, so that
 *    `npm test` passes on a fresh machine after `npm install` alone.
 * `npx playwright install` cannot work on these machines (no downloads outside the registries).
 * BOLIGBEHOV_BROWSER=npm skips 1 and 2, to test the fallback on a machine that has a system Chromium.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const SYSTEM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** Flags that keep Chromium from phoning home on a machine with a closed network. */
const QUIET_FLAGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--disable-quic'
];

export interface BrowserChoice {
	executablePath: string;
	args: string[];
	source: 'CHROME_PATH' | 'system' | '@sparticuz/chromium';
}

export async function findBrowser(): Promise<BrowserChoice> {
	const forceNpm = process.env.BOLIGBEHOV_BROWSER === 'npm';
	const fromEnv = process.env.CHROME_PATH;
	if (fromEnv && !forceNpm) {
		if (!existsSync(fromEnv)) throw new Error(`CHROME_PATH=${fromEnv} does not exist`);
		return { executablePath: fromEnv, args: QUIET_FLAGS, source: 'CHROME_PATH' };
	}
	const system = forceNpm ? undefined : SYSTEM_CANDIDATES.find((p) => existsSync(p));
	if (system) return { executablePath: system, args: QUIET_FLAGS, source: 'system' };
	const { default: sparticuz } = await import('@sparticuz/chromium');
	const executablePath = await sparticuz.executablePath();
	// Its own args include --single-process and similar flags for serverless hosts; we only need ours.
	return { executablePath, args: [...QUIET_FLAGS, '--headless=new'], source: '@sparticuz/chromium' };
}

export async function launchBrowser(): Promise<Browser> {
	const choice = await findBrowser();
	return chromium.launch({ executablePath: choice.executablePath, args: choice.args, headless: true });
}
