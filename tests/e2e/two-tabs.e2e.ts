/** Two tabs on one notebook: edits travel; a concurrent edit is never silently dropped. */
import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from './support/use-browser.ts';
import { openGuardedPage } from './support/guarded-page.ts';
import { openExample, readNumber } from './support/example.ts';

const browser = useBrowser();
const baseURL = inject('baseURL');

const BOTID_ANDRE = 'Botid – Andre';

describe('two tabs', () => {
	it('an edit in one tab appears in the other', async () => {
		const a = await openGuardedPage(browser());
		await openExample(a.page, baseURL);
		const bPage = await a.context.newPage();
		await bPage.goto(a.page.url());
		await bPage.getByTestId('fictional-label').waitFor();

		await a.page.getByLabel(BOTID_ANDRE, { exact: true }).first().fill('6,5');
		await expect.poll(() => a.page.getByTestId('save-status').textContent()).toBe('Lagret');
		await expect.poll(async () => readNumber(await bPage.getByLabel(BOTID_ANDRE, { exact: true }).first().inputValue())).toBe(6.5);
		a.expectNoProblems();
		await a.context.close();
	});

	it('a concurrent edit asks which version to keep and loses neither', async () => {
		const a = await openGuardedPage(browser());
		// A controllable clock, so that both edits are pending before either autosave runs
		// (on a loaded machine a fill can take longer than the autosave delay).
		await a.context.clock.install();
		await openExample(a.page, baseURL);
		const bPage = await a.context.newPage();
		await bPage.goto(a.page.url());
		await bPage.getByTestId('fictional-label').waitFor();
		await a.context.clock.pauseAt(Date.now() + 60_000);

		await bPage.getByLabel(BOTID_ANDRE, { exact: true }).first().fill('3,5');
		await a.page.getByLabel(BOTID_ANDRE, { exact: true }).first().fill('7,5');
		await a.context.clock.runFor(2_000);
		await a.context.clock.resume();
		const conflict = bPage.getByRole('alert').filter({ hasText: 'endret i en annen fane' });
		const aConflict = a.page.getByRole('alert').filter({ hasText: 'endret i en annen fane' });
		await expect.poll(async () => (await conflict.count()) + (await aConflict.count())).toBeGreaterThan(0);
		// Whichever tab lost the race keeps its version as a copy and takes the other's.
		const loser = (await conflict.count()) > 0 ? bPage : a.page;
		const winnerValue = loser === bPage ? 7.5 : 3.5;
		const loserValue = loser === bPage ? 3.5 : 7.5;
		await loser.getByRole('button', { name: 'Bruk den andre fanens versjon, lagre min som kopi' }).first().click();
		await expect.poll(async () => readNumber(await loser.getByLabel(BOTID_ANDRE, { exact: true }).first().inputValue())).toBe(winnerValue);

		// The library has the other version as a copy.
		await loser.goto(baseURL);
		const copy = loser.getByRole('link', { name: /\(min kopi\)/ });
		await copy.click();
		await expect.poll(async () => readNumber(await loser.getByLabel(BOTID_ANDRE, { exact: true }).first().inputValue())).toBe(loserValue);
		a.expectNoProblems();
		await a.context.close();
	});
});
