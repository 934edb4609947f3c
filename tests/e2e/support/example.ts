/** Opens the built-in example notebook from the library and waits until its numbers are drawn. */
import type { Page } from 'playwright-core';

export async function openExample(page: Page, baseURL: string): Promise<void> {
	await page.goto(baseURL);
	await page.getByRole('link', { name: /Eksempelkommune/ }).click();
	await page.getByTestId('fictional-label').waitFor();
	await page.locator('[data-key="total.requiredStock"]').last().waitFor();
}

/** Parses a number as the page prints it (nb-NO: spaces, decimal comma, U+2212 minus). */
export function readNumber(text: string | null): number {
	return Number((text ?? '').replace(/[\s\u00a0\u202f]/g, '').replace('\u2212', '-').replace(',', '.').replace(/[^0-9.+-]/g, ''));
}
