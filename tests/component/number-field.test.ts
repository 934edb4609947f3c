import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import NumberField from '#lib/components/NumberField.svelte';
import UncertainField from '#lib/components/UncertainField.svelte';
import CountField from '#lib/components/base-data/CountField.svelte';

describe('NumberField', () => {
	it('has a visible label that names the input, and shows the unit', () => {
		render(NumberField, { id: 'b', label: 'Botid – ROP', value: 8, unit: 'år', onchange: () => {} });
		const input = screen.getByLabelText('Botid – ROP');
		expect(input).toHaveValue('8,0');
		expect(screen.getByText('år')).toBeVisible();
	});

	it('is a Designsystemet field (ds-input) with its error state, named by its label', async () => {
		render(NumberField, { id: 'b', label: 'Botid – ROP', value: 8, unit: 'år', min: 0, minExclusive: true, onchange: () => {} });
		const input = screen.getByRole('textbox', { name: 'Botid – ROP' });
		expect(input).toHaveClass('ds-input');
		await userEvent.clear(input);
		await userEvent.type(input, '-1');
		// ds-input draws the error state from aria-invalid; the message is Designsystemet's validation message.
		expect(input).toHaveAttribute('aria-invalid', 'true');
		expect(screen.getByRole('alert')).toHaveClass('ds-validation-message');
		expect(input).toHaveAccessibleDescription(/Botid – ROP må være over 0 år/);
	});

	it('base data: the whole-number field is a Designsystemet field too', () => {
		render(CountField, { id: 'c', label: 'Leietakere – Eldre', value: 52, onchange: () => {} });
		expect(screen.getByRole('textbox', { name: 'Leietakere – Eldre' })).toHaveClass('ds-input');
	});

	it('accepts a Norwegian decimal comma and passes the number on', async () => {
		const onchange = vi.fn();
		render(NumberField, { id: 'b', label: 'Botid – ROP', value: 8, unit: 'år', min: 0, minExclusive: true, onchange });
		const input = screen.getByLabelText('Botid – ROP');
		await userEvent.clear(input);
		await userEvent.type(input, '7,5');
		expect(onchange).toHaveBeenLastCalledWith(7.5);
	});

	it('refuses text and out-of-range values with a specific message, and passes nothing on', async () => {
		const onchange = vi.fn();
		render(NumberField, { id: 'b', label: 'Botid – Flyktninger', value: 4, unit: 'år', min: 0, minExclusive: true, onchange });
		const input = screen.getByLabelText('Botid – Flyktninger');
		await userEvent.clear(input);
		await userEvent.type(input, '0');
		expect(screen.getByRole('alert')).toHaveTextContent('Botid – Flyktninger må være over 0 år.');
		expect(input).toHaveAttribute('aria-invalid', 'true');
		await userEvent.clear(input);
		await userEvent.type(input, 'fire');
		expect(screen.getByRole('alert')).toHaveTextContent('Botid – Flyktninger: skriv et tall');
		expect(onchange).not.toHaveBeenCalled();
	});

	it('steps with the arrow keys', async () => {
		const onchange = vi.fn();
		render(NumberField, { id: 'b', label: 'Trend', value: 1, step: 0.5, onchange });
		screen.getByLabelText('Trend').focus();
		await userEvent.keyboard('{ArrowUp}');
		expect(onchange).toHaveBeenLastCalledWith(1.5);
	});
});

describe('UncertainField', () => {
	it('enters a range as low / most likely / high (triangular)', async () => {
		const onchange = vi.fn();
		render(UncertainField, { id: 'u', label: 'Botid – ROP', value: { value: 8 }, unit: 'år', showSpread: true, onchange });
		const high = screen.getByLabelText('Høy');
		await userEvent.clear(high);
		await userEvent.type(high, '10');
		expect(onchange).toHaveBeenLastCalledWith({ value: 8, spread: { kind: 'triangular', low: 8, high: 10 } });
	});

	it('moves the range with a new most-likely value outside it, and says so', async () => {
		const onchange = vi.fn();
		render(UncertainField, {
			id: 'u',
			label: 'Botid – ROP',
			value: { value: 6, spread: { kind: 'triangular', low: 4.5, high: 8 } },
			showSpread: true,
			onchange
		});
		const input = screen.getByLabelText('Botid – ROP');
		await userEvent.clear(input);
		await userEvent.type(input, '3');
		expect(onchange).toHaveBeenLastCalledWith({ value: 3, spread: { kind: 'triangular', low: 2.25, high: 4 } });
		expect(screen.getByRole('status')).toHaveTextContent('Usikkerhetsområdet er flyttet til 2,3–4,0.');
	});

	it('refuses a range that does not contain the value', async () => {
		const onchange = vi.fn();
		render(UncertainField, {
			id: 'u',
			label: 'Botid – ROP',
			value: { value: 8, spread: { kind: 'triangular', low: 6, high: 10 } },
			showSpread: true,
			onchange
		});
		const low = screen.getByLabelText('Lav');
		await userEvent.clear(low);
		await userEvent.type(low, '9');
		expect(screen.getByRole('alert')).toHaveTextContent('Botid – ROP: lav må være høyst 8,0');
		expect(onchange).not.toHaveBeenCalledWith(expect.objectContaining({ spread: expect.objectContaining({ low: 9 }) }));
	});
});
