/**
 * Presentation mode as it is used in a council room: every slide fits a projector, a what-if
 * never reaches the notebook until it is kept, and the keyboard never lands behind a slide.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from './support/use-browser.ts';
import { openGuardedPage } from './support/guarded-page.ts';
import { openExample, readNumber } from './support/example.ts';
import { allA11yViolations } from './support/axe.ts';

const browser = useBrowser();
const baseURL = inject('baseURL');
const ID = 'eksempelkommune';

/** Waits until the slide shows its content (a chart, key figures, a note or a table), drawn and fitted. */
async function settled(page: Page): Promise<void> {
	await page.getByTestId('slide').locator('figure svg, .note, dl dd, table').first().waitFor();
	await page.waitForFunction(() => !/Beregner/.test(document.querySelector('[data-testid="slide"]')?.textContent ?? ''));
	// Table cells show «…» until their numbers arrive (the comparison's Monte Carlo column): a row
	// of «…» wraps differently from the numbers, so measure the finished slide. Bounded, in case a
	// slide's own text holds an ellipsis.
	await page
		.waitForFunction(() => ![...document.querySelectorAll('[data-testid="slide"] td')].some((td) => td.textContent?.trim() === '…'), null, { timeout: 15_000 })
		.catch(() => undefined);
	await page.waitForTimeout(400);
}

async function slideCount(page: Page): Promise<number> {
	const text = await page.getByTestId('slide-counter').textContent();
	return Number(text?.match(/av (\d+)/)?.[1]);
}

/** What does not fit: scrolling of the page or the slide, and controls outside the window. */
async function misfits(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const out: string[] = [];
		const d = document.scrollingElement!;
		if (d.scrollHeight > innerHeight + 1) out.push(`page scrolls vertically (${d.scrollHeight} > ${innerHeight})`);
		if (d.scrollWidth > innerWidth + 1) out.push(`page scrolls horizontally (${d.scrollWidth} > ${innerWidth})`);
		const slide = document.querySelector<HTMLElement>('[data-testid="slide"]');
		const content = slide?.firstElementChild as HTMLElement | null;
		if (slide && content && content.scrollHeight > slide.clientHeight + 1) out.push(`slide content cut off (${content.scrollHeight} > ${slide.clientHeight})`);
		if (slide && content && content.scrollWidth > slide.clientWidth + 1) out.push(`slide content too wide (${content.scrollWidth} > ${slide.clientWidth})`);
		for (const b of document.querySelectorAll<HTMLElement>('.presentation button')) {
			// The live-assumption panel scrolls on its own; the panel itself must be in the window.
			if (b.closest('dialog, .live')) continue;
			const r = b.getBoundingClientRect();
			if (r.top < 0 || r.left < 0 || r.bottom > innerHeight + 0.5 || r.right > innerWidth + 0.5) out.push(`button «${b.textContent?.trim()}» outside the window`);
		}
		const live = document.querySelector('.presentation .live')?.getBoundingClientRect();
		if (live && (live.bottom > innerHeight + 0.5 || live.right > innerWidth + 0.5)) out.push('live panel outside the window');
		return out;
	});
}

/** The smallest text size of the slide's own text (not chart internals). */
async function smallestTextPx(page: Page): Promise<number> {
	return page.evaluate(() => {
		const els = document.querySelectorAll<HTMLElement>('[data-testid="slide"] :is(p, li, dt, dd, td, th, h1, h2, h3, h4, h5, h6, blockquote), .presentation > .top, .presentation > .bottom');
		let min = Infinity;
		for (const el of els) if (el.textContent?.trim() && el.getClientRects().length) min = Math.min(min, parseFloat(getComputedStyle(el).fontSize));
		return min;
	});
}

/** The stored notebook, as another tab would open it: the value of «Botid – Andre» in Basis. */
async function storedBotidAndre(page: Page): Promise<number> {
	const other = await page.context().newPage();
	await other.goto(`${baseURL}/notebook/${ID}`);
	const field = other.getByLabel('Botid – Andre', { exact: true }).first();
	await field.waitFor();
	const value = readNumber(await field.inputValue());
	await other.close();
	return value;
}

/** Opens the presentation from the notebook (as a planner does), goes to slide 2 and asks a what-if. */
async function whatIf(page: Page, botid: string): Promise<void> {
	await page.getByRole('link', { name: 'Presenter' }).click();
	await page.getByTestId('slide-counter').waitFor();
	await page.keyboard.press('2');
	await settled(page);
	await page.getByRole('button', { name: 'Endre forutsetning' }).click();
	const field = page.getByLabel('Botid – Andre', { exact: true });
	await field.fill(botid);
	await field.press('Tab');
}

describe('presentation in the council room', () => {
	it.each([
		[1280, 720],
		[1920, 1080],
		[1024, 768]
	])('fits every slide at %i×%i, readable, with no axe violation (1280×720)', async (width, height) => {
		const context = await browser().newContext({ locale: 'nb-NO', viewport: { width, height } });
		const g = await openGuardedPage(browser(), { context });
		await openExample(g.page, baseURL);
		await g.page.goto(`${baseURL}/notebook/${ID}/present?lysbilde=1`);
		await settled(g.page);
		const total = await slideCount(g.page);
		expect(total).toBeGreaterThan(3);
		for (let i = 1; i <= total; i++) {
			await g.page.goto(`${baseURL}/notebook/${ID}/present?lysbilde=${i}`);
			await settled(g.page);
			expect(await misfits(g.page), `slide ${i} at ${width}×${height}`).toEqual([]);
			if (width === 1280) {
				expect(await smallestTextPx(g.page), `smallest text on slide ${i}`).toBeGreaterThanOrEqual(18);
				expect(await allA11yViolations(g.page), `axe on slide ${i}`).toEqual([]);
			}
		}
		g.expectNoProblems();
		await context.close();
	}, 240_000);

	it('shows the live assumptions beside the chart they change, inside the window', async () => {
		const context = await browser().newContext({ locale: 'nb-NO', viewport: { width: 1280, height: 720 } });
		const g = await openGuardedPage(browser(), { context });
		await openExample(g.page, baseURL);
		await whatIf(g.page, '9');
		// The chart is drawn again after the what-if: measure it once it is there.
		await g.page.getByTestId('slide').locator('figure > svg').first().waitFor();
		const chart = await g.page.getByTestId('slide').locator('figure > svg').first().boundingBox();
		const panel = await g.page.getByRole('complementary', { name: 'Endre forutsetninger for lysbildet' }).boundingBox();
		expect(chart && panel).toBeTruthy();
		expect(panel!.x).toBeGreaterThanOrEqual(chart!.x + chart!.width - 1);
		expect(panel!.y + 10).toBeLessThan(720);
		expect(await misfits(g.page)).toEqual([]);
		g.expectNoProblems();
		await context.close();
	}, 180_000);

	it('keeps a what-if out of the notebook when leaving by Back until it is kept, then «Angre» takes it back', async () => {
		const g = await openGuardedPage(browser());
		const { page } = g;
		await openExample(page, baseURL);
		await whatIf(page, '9');
		await page.goBack();
		const dialog = page.getByRole('dialog', { name: 'Du endret forutsetninger under presentasjonen' });
		await dialog.waitFor();
		expect(page.url()).toContain('/present');
		expect(await storedBotidAndre(page)).toBe(4);

		// The dialog keeps focus inside it, and gives it back when closed.
		for (let i = 0; i < 6; i++) {
			await page.keyboard.press('Tab');
			expect(await page.evaluate(() => !!document.activeElement?.closest('dialog'))).toBe(true);
		}
		await page.getByRole('button', { name: 'Fortsett presentasjonen' }).click();
		expect(await dialog.isVisible()).toBe(false);
		expect(await storedBotidAndre(page)).toBe(4);

		// Keeping is one step in the notebook, and «Angre» undoes it.
		await page.keyboard.press('Escape');
		await dialog.waitFor();
		await page.getByRole('button', { name: 'Behold endringene' }).click();
		await page.waitForURL(new RegExp(`/notebook/${ID}$`));
		const field = page.getByLabel('Botid – Andre', { exact: true }).first();
		await expect.poll(async () => readNumber(await field.inputValue())).toBe(9);
		await page.getByTestId('presentation-draft-kept').waitFor();
		await page.getByRole('button', { name: 'Angre' }).click();
		await expect.poll(async () => readNumber(await field.inputValue())).toBe(4);
		await expect.poll(() => page.getByTestId('save-status').textContent()).toBe('Lagret');
		expect(await storedBotidAndre(page)).toBe(4);

		// Back out of a presentation opened by a deep link leaves the page (the browser cannot show
		// our question): the what-if stays aside and the notebook asks.
		await page.goto(`${baseURL}/notebook/${ID}/present?lysbilde=2`);
		await settled(page);
		await page.getByRole('button', { name: 'Endre forutsetning' }).click();
		await page.getByLabel('Botid – Andre', { exact: true }).fill('7');
		await page.getByLabel('Botid – Andre', { exact: true }).press('Tab');
		await page.goBack();
		await page.waitForURL(new RegExp(`/notebook/${ID}$`));
		await page.getByTestId('presentation-draft').waitFor();
		expect(readNumber(await field.inputValue())).toBe(4);
		await page.getByRole('button', { name: 'Behold endringene' }).click();
		await expect.poll(async () => readNumber(await field.inputValue())).toBe(7);
		await page.getByRole('button', { name: 'Angre' }).click();
		await expect.poll(async () => readNumber(await field.inputValue())).toBe(4);
		g.expectNoProblems();
		await g.context.close();
	}, 180_000);

	it('keeps a what-if aside over a reload and asks about it on the notebook page', async () => {
		const g = await openGuardedPage(browser());
		const { page } = g;
		await openExample(page, baseURL);
		await whatIf(page, '9');
		await page.reload();
		await settled(page);
		// The presentation resumes with the what-if; the notebook never had it.
		await page.getByRole('button', { name: 'Endre forutsetning' }).click();
		expect(readNumber(await page.getByLabel('Botid – Andre', { exact: true }).inputValue())).toBe(9);
		expect(await storedBotidAndre(page)).toBe(4);

		// Opened elsewhere (the tab was closed), the notebook asks; discarding leaves it as it was.
		const other = await page.context().newPage();
		await other.goto(`${baseURL}/notebook/${ID}`);
		await other.getByTestId('presentation-draft').waitFor();
		await other.getByRole('button', { name: 'Forkast endringene' }).click();
		expect(await other.getByTestId('presentation-draft').count()).toBe(0);
		expect(readNumber(await other.getByLabel('Botid – Andre', { exact: true }).first().inputValue())).toBe(4);
		await other.close();
		g.expectNoProblems();
		await g.context.close();
	}, 180_000);

	it('never lets the keyboard reach what is behind a slide, and the overview takes focus', async () => {
		const g = await openGuardedPage(browser());
		const { page } = g;
		await openExample(page, baseURL);
		await page.goto(`${baseURL}/notebook/${ID}/present?lysbilde=2`);
		await settled(page);
		// The app header's link behind the slide is inert: it cannot take focus or a click.
		expect(await page.evaluate(() => !!document.querySelector('a.brand')?.closest('[inert]'))).toBe(true);
		for (let i = 0; i < 25; i++) {
			await page.keyboard.press('Tab');
			const where = await page.evaluate(() => {
				const a = document.activeElement;
				if (!a || a === document.body) return 'body';
				return a.closest('.presentation') ? 'inside' : `outside: ${a.outerHTML.slice(0, 80)}`;
			});
			expect(where === 'inside' || where === 'body', where).toBe(true);
		}
		await page.keyboard.press('o');
		expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-current'))).toBe('step');
		await page.keyboard.press('Escape');
		g.expectNoProblems();
		await g.context.close();
	}, 180_000);
});
