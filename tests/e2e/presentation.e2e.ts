/** Presentation mode in Chromium: deep link, keys, a live change, leave and discard. */
import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from './support/use-browser.ts';
import { openGuardedPage } from './support/guarded-page.ts';
import { openExample, readNumber } from './support/example.ts';
import { seriousA11yViolations } from './support/axe.ts';

const browser = useBrowser();
const baseURL = inject('baseURL');

describe('presentation mode', () => {
	it('opens by deep link, moves by keyboard, updates live, and discards changes on leaving', async () => {
		const g = await openGuardedPage(browser());
		const { page } = g;
		await openExample(page, baseURL); // seeds the example on first start

		await page.goto(`${baseURL}/notebook/eksempelkommune/present?lysbilde=2`);
		const counter = page.getByTestId('slide-counter');
		await expect.poll(() => counter.textContent()).toMatch(/^Lysbilde 2 av \d+$/);
		const total = Number((await counter.textContent())?.match(/av (\d+)/)?.[1]);
		expect(total).toBeGreaterThan(3);
		await page.getByTestId('slide').locator('figure, .note, dl').first().waitFor();
		expect(await seriousA11yViolations(page)).toEqual([]);

		await page.keyboard.press('ArrowRight');
		await expect.poll(() => counter.textContent()).toBe(`Lysbilde 3 av ${total}`);
		await page.keyboard.press('PageUp');
		await expect.poll(() => counter.textContent()).toBe(`Lysbilde 2 av ${total}`);
		await page.keyboard.press('End');
		await expect.poll(() => counter.textContent()).toBe(`Lysbilde ${total} av ${total}`);
		await page.keyboard.press('Home');
		await expect.poll(() => counter.textContent()).toBe(`Lysbilde 1 av ${total}`);
		await page.keyboard.press(' ');
		await expect.poll(() => counter.textContent()).toBe(`Lysbilde 2 av ${total}`);
		// The deep link follows the slide.
		expect(new URL(page.url()).searchParams.get('lysbilde')).toBe('2');

		// Speaker notes in a second window follow the slides.
		const [notes] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: 'Talerens notater' }).click()]);
		await expect.poll(() => notes.locator('body').textContent()).toContain(`Lysbilde 2 av ${total}`);
		await page.bringToFront();
		await page.keyboard.press('ArrowRight');
		await expect.poll(() => notes.locator('body').textContent()).toContain(`Lysbilde 3 av ${total}`);
		await page.keyboard.press('ArrowLeft');

		// Find a slide with a chart of one scenario and ask a live question.
		let found = false;
		for (let i = 1; i <= total && !found; i++) {
			await page.keyboard.press(String(i <= 9 ? i : 9));
			if (i > 9) for (let k = 9; k < i; k++) await page.keyboard.press('ArrowRight');
			const slide = page.getByTestId('slide');
			found = (await slide.locator('[data-chart="need-by-group"]').count()) > 0;
		}
		expect(found).toBe(true);
		const chart = page.locator('[data-chart="need-by-group"] figure > svg');
		await chart.waitFor();
		const before = await chart.innerHTML();
		await page.getByRole('button', { name: 'Endre forutsetning' }).click();
		await page.getByLabel('Botid – Andre', { exact: true }).fill('9');
		await expect.poll(() => chart.innerHTML()).not.toBe(before);

		// Leaving asks whether to keep the change; discard restores the notebook.
		await page.locator('body').click({ position: { x: 5, y: 5 } });
		await page.keyboard.press('Escape');
		await page.getByRole('dialog', { name: 'Du endret forutsetninger under presentasjonen' }).waitFor();
		await page.getByRole('button', { name: 'Forkast endringene' }).click();
		await page.waitForURL(/\/notebook\/eksempelkommune$/);
		const field = page.getByLabel('Botid – Andre', { exact: true }).first();
		await expect.poll(async () => readNumber(await field.inputValue())).toBe(4);
		await expect.poll(() => page.getByTestId('save-status').textContent()).toBe('Lagret');
		await page.reload();
		await expect.poll(async () => readNumber(await page.getByLabel('Botid – Andre', { exact: true }).first().inputValue())).toBe(4);

		g.expectNoProblems();
		await g.context.close();
	});
});
