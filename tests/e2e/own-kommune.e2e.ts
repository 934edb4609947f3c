/**
 * Issue 10 as a new user walks it, in Chromium against the build: a new notebook for the planner's
 * kommune, the population and KOSTRA imported from files (recorded fixtures; no request leaves the
 * machine), today's tenants typed, botid per group set from the "Før tallene kan brukes" list, the
 * remaining national defaults kept one by one, until the list is gone.
 */
import { resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from './support/use-browser.ts';
import { openGuardedPage } from './support/guarded-page.ts';
import { seriousA11yViolations } from './support/axe.ts';

const browser = useBrowser();
const baseURL = inject('baseURL');
const FIXTURES = resolve(import.meta.dirname, '../fixtures/ssb');
const GROUPS = ['rop', 'funksjon', 'eldre', 'flyktning', 'andre'] as const;

/** The keys of the placeholders listed, in order ([] when the list is gone). */
const listed = (page: Page) =>
	page.locator('[data-testid="placeholders"] li').evaluateAll((els) => els.map((e) => e.getAttribute('data-placeholder') ?? ''));

describe('a new notebook for the planner’s own kommune', () => {
	// The whole walk (two imports, typed base data, every stand-in replaced) with a browser on a loaded machine.
	it('starts from the planner’s data, names every stand-in, and ends with none left', { timeout: 120_000 }, async () => {
		const g = await openGuardedPage(browser());
		const { page } = g;
		await g.context.route((url) => url.hostname !== '127.0.0.1', (route) => route.abort('blockedbyclient'));
		await page.goto(baseURL);
		await page.getByLabel('Kommunenavn').fill('Bærum');
		await page.getByLabel('Kommunenummer (valgfritt)').fill('3201');
		await page.getByRole('button', { name: 'Lag notatbok' }).click();

		// Everything is a stand-in at first: population, base data and the national defaults.
		await page.getByTestId('placeholders').waitFor();
		const first = await listed(page);
		expect(first.slice(0, 2)).toEqual(['population', 'base']);
		expect(first).toContain('basis:groups.rop.tenure.years');
		expect(first).toContain('basis:vacancyTargetPct');
		expect(await seriousA11yViolations(page)).toEqual([]);
		// Beside each field: where its value comes from; the new notebook's defaults name their source.
		const ropBotid = page.getByLabel('Botid – ROP (rus og psykiske lidelser)', { exact: true }).locator('xpath=ancestor::span[contains(@class, "uncertain")][1]/following-sibling::*[1]');
		expect(await ropBotid.getAttribute('data-origin')).toBe('national-default');
		expect(await ropBotid.textContent()).toMatch(/nasjonal standard: ca\. 8 år nasjonalt/);
		// Nothing of the example's stock plan: no planned changes in the new notebook.
		expect(await page.getByText('Nybygg').count()).toBe(0);
		// The program's own settings say so, with the reason, and are not on the list.
		const origin = (key: string) => page.locator(`[data-value-key="${key}"]`).first().getAttribute('data-origin');
		for (const key of ['horizonYears', 'monteCarlo.draws', 'monteCarlo.seed', 'groups.rop.demand.kind', 'groups.rop.tenure.kind']) expect(await origin(key), key).toBe('default');
		expect(first.some((k) => k.endsWith('monteCarlo.seed') || k.endsWith('horizonYears'))).toBe(false);

		// 1. Population from a file, through the list's link.
		await page.getByTestId('placeholders').getByRole('button', { name: 'Befolkning', exact: true }).click();
		await page.getByLabel('Befolkningsfil fra SSB (JSON-stat eller CSV)').setInputFiles(resolve(FIXTURES, 'population-14288.json'));
		await page.getByTestId('population-preview').waitFor();
		await page.getByLabel('Kommune', { exact: true }).selectOption('3201');
		await page.getByLabel('Framskrivingsalternativ').selectOption('MMMM');
		await page.getByRole('button', { name: 'Bruk denne befolkningen' }).click();
		await expect.poll(() => listed(page)).not.toContain('population');

		// 2. Base data from KOSTRA (a file), then today's tenants typed (the figures).
		await page.getByLabel('KOSTRA-fil fra SSB (JSON-stat eller CSV)').setInputFiles(resolve(FIXTURES, 'kostra-12008.json'));
		await page.getByTestId('kostra-preview').waitFor();
		await page.getByRole('button', { name: 'Bruk valgte verdier' }).click();
		await page.getByTestId('kostra-done').waitFor();
		// What KOSTRA filled reads «importert»; the tenants it has no numbers for are still placeholders,
		// so the base data stays on the list until they are typed.
		expect(await origin('base.vacant')).toBe('imported');
		expect(await origin('base.segments.ordinaer.dwellings')).toBe('imported');
		// KOSTRA has a waiting list of its own only for refugees.
		expect(await origin('base.groups.flyktning.waiting')).toBe('imported');
		expect(await origin('base.groups.rop.tenants')).toBe('placeholder');
		expect(await listed(page)).toContain('base');
		// The waiting lists KOSTRA does not split out: the planner confirms the number shown (typing it
		// again makes it their own, even when it is the same).
		for (const gid of GROUPS) {
			if ((await origin(`base.groups.${gid}.waiting`)) !== 'placeholder') continue;
			const field = page.locator(`#bd-${gid}-waiting`);
			await field.fill(await field.inputValue());
			await field.press('Enter');
			await expect.poll(() => origin(`base.groups.${gid}.waiting`)).toBe('entered');
		}
		const tenants = { rop: 55, funksjon: 40, eldre: 30, flyktning: 35, andre: 15 };
		for (const gid of GROUPS) {
			const field = page.locator(`#bd-${gid}-tenants`);
			await field.fill(String(tenants[gid]));
			await field.press('Enter');
		}
		await expect.poll(() => page.locator('#bd-andre-tenants').inputValue()).toBe('15');
		expect(await page.getByTestId('other-households').textContent()).toMatch(/Husstander utenfor de fem målgruppene/);
		await expect.poll(() => listed(page)).not.toContain('base');
		// Every base-data number is now the kommune's own: imported from KOSTRA or typed; none a stand-in.
		const baseOrigins = await page.locator('[data-value-key^="base."]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-value-key'), e.getAttribute('data-origin')]));
		expect(baseOrigins.length).toBeGreaterThanOrEqual(12);
		for (const [key, o] of baseOrigins) if (key !== 'base.baseYear') expect(['imported', 'entered'], `${key}`).toContain(o);
		expect(await origin('base.vacant')).toBe('imported');
		expect(await origin('base.groups.rop.tenants')).toBe('entered');
		expect(await origin('population')).toBe('imported');

		// 3. Botid per group, reached from the list (the link focuses the field).
		const botid = { rop: '6', funksjon: '15', eldre: '8', flyktning: '3', andre: '4' };
		const labels = { rop: 'ROP (rus og psykiske lidelser)', funksjon: 'Nedsatt funksjonsevne', eldre: 'Eldre', flyktning: 'Flyktninger', andre: 'Andre' };
		for (const gid of GROUPS) {
			await page.getByTestId('placeholders').getByRole('button', { name: `Botid – ${labels[gid]}`, exact: true }).click();
			const field = page.getByLabel(`Botid – ${labels[gid]}`, { exact: true });
			await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);
			// Eldre's national default is already 8: typing 8 keeps it, so keep it explicitly instead.
			if (botid[gid] === '8') await page.getByRole('button', { name: `Behold som egen forutsetning: Botid – ${labels[gid]}` }).click();
			else await field.fill(botid[gid]);
		}

		// Exactly what is left: the trends, the waiting-list attrition, the vacancy target and the refugee driver.
		const expected = [
			'basis:vacancyTargetPct',
			...GROUPS.flatMap((gid) => [...(gid === 'eldre' ? [] : [`basis:groups.${gid}.demand.trendPctPerYear`]), `basis:groups.${gid}.waitingAttritionPctPerYear`]),
			'basis:groups.flyktning.demand'
		];
		await expect.poll(() => listed(page)).toEqual(expected);

		// 4. The planner keeps the rest as their own assumptions: the list disappears.
		for (let i = 0; i < expected.length; i++) {
			await page.getByTestId('placeholders').getByRole('button', { name: /^Behold som egen forutsetning/ }).first().click();
		}
		await expect.poll(() => page.getByTestId('placeholders').count()).toBe(0);
		// Every value the planner kept or typed is now their own; no stand-in is left anywhere (what is
		// not «oppgitt» is imported, calibrated or the program's own setting, «standard»).
		expect(await page.locator('[data-testid="provenance"]:is([data-origin="national-default"], [data-origin="example"], [data-origin="placeholder"])').count()).toBe(0);
		expect(await page.locator('[data-testid="provenance"]:not([data-origin="entered"], [data-origin="imported"], [data-origin="default"])').count()).toBe(0);
		expect(await page.locator('[data-testid="provenance"][data-origin="entered"]').count()).toBeGreaterThanOrEqual(15);
		// The waiting list imported from KOSTRA is housed in 2026: the charts say so and name the choice.
		const note = page.locator('[data-chart="need-by-group"] [data-testid="chart-note"]');
		expect(await note.textContent()).toMatch(/^Første år \(2026\): de \d+ husstandene på ventelisten .*«Ventelisten ved start»/);
		await page.locator('[data-key="total.requiredStock"]').last().waitFor();
		g.expectNoProblems();
		await g.context.close();
	});
});
