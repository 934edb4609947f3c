/** Opens the built-in example notebook from the library and waits until its numbers are drawn. */
import type { Locator, Page } from 'playwright-core';

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

/**
 * The row of a yearly table for `year`, found by its row header. (Filtering rows by text is not
 * enough: a row's text is its cells run together, so "…20" "40…" also contains "2040".)
 */
export function yearRow(page: Page, table: Locator, year: number): Locator {
	return table.locator('tbody tr').filter({ has: page.locator('th[scope="row"]', { hasText: new RegExp(`^${year}\\b`) }) });
}
