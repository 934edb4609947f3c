/**
 * Issue 10, item 6: number entry never changes what was typed. An out-of-range value stays visible
 * with a message naming the range and is never applied, not even the prefix typed on the way to it.
 * Item 5: emptying a calibratable field returns it to calibration.
 */
import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import NumberField from '#lib/components/NumberField.svelte';
import UncertainField from '#lib/components/UncertainField.svelte';

describe('out-of-range entry', () => {
	it('typing 120 into botid keeps "120" visible, names the range and leaves the model at its value before', async () => {
		const onchange = vi.fn();
		render(NumberField, { id: 'b', label: 'Botid – ROP', value: 6, unit: 'år', min: 0, minExclusive: true, max: 100, onchange });
		const input = screen.getByLabelText('Botid – ROP');
		await userEvent.clear(input);
		await userEvent.type(input, '120');
		await userEvent.tab();
		expect(input).toHaveValue('120');
		expect(screen.getByRole('alert')).toHaveTextContent('Botid – ROP kan ikke være over 100 år. Tillatt: over 0 til 100 år. Verdien er ikke brukt.');
		// "1" and "12" were passed on while typing; the last word is the value from before the edit.
		expect(onchange).toHaveBeenLastCalledWith(6);
		expect(onchange).not.toHaveBeenCalledWith(120);
	});

	it('1234 is never shortened to a prefix', async () => {
		const onchange = vi.fn();
		render(NumberField, { id: 'b', label: 'Botid – ROP', value: 6, unit: 'år', min: 0, minExclusive: true, max: 100, onchange });
		const input = screen.getByLabelText('Botid – ROP');
		await userEvent.clear(input);
		await userEvent.type(input, '1234');
		await userEvent.tab();
		expect(input).toHaveValue('1234');
		expect(onchange).toHaveBeenLastCalledWith(6);
		expect(onchange.mock.calls.flat()).not.toContain(1234);
	});

	it('an uncertain field restores its whole value, range included, when the edit ends out of range', async () => {
		const onchange = vi.fn();
		const before = { value: 6, spread: { kind: 'triangular' as const, low: 4.5, high: 8 } };
		render(UncertainField, { id: 'u', label: 'Botid – ROP', value: before, unit: 'år', min: 0, minExclusive: true, max: 100, showSpread: false, onchange });
		const input = screen.getByLabelText('Botid – ROP');
		await userEvent.clear(input);
		await userEvent.type(input, '120');
		expect(onchange).toHaveBeenLastCalledWith(before);
		expect(input).toHaveValue('120');
	});

	it('a correction after a refused value is applied', async () => {
		const onchange = vi.fn();
		render(NumberField, { id: 'b', label: 'Botid – ROP', value: 6, unit: 'år', min: 0, minExclusive: true, max: 100, onchange });
		const input = screen.getByLabelText('Botid – ROP');
		await userEvent.clear(input);
		await userEvent.type(input, '120');
		await userEvent.type(input, '{Backspace}');
		expect(onchange).toHaveBeenLastCalledWith(12);
		expect(screen.queryByRole('alert')).toBeNull();
	});
});

describe('emptying a field', () => {
	it('with onclear: leaving it empty calls onclear, and no error is shown', async () => {
		const onchange = vi.fn();
		const onclear = vi.fn();
		render(NumberField, { id: 'r', label: 'Rate', value: 0.16, decimals: 2, onchange, onclear });
		const input = screen.getByLabelText('Rate');
		await userEvent.clear(input);
		expect(screen.queryByRole('alert')).toBeNull();
		expect(onclear).not.toHaveBeenCalled();
		await userEvent.tab();
		expect(onclear).toHaveBeenCalledTimes(1);
		expect(onchange).not.toHaveBeenCalled();
	});

	it('without onclear: an empty field asks for a number', async () => {
		render(NumberField, { id: 'r', label: 'Botid – ROP', value: 6, onchange: () => {} });
		const input = screen.getByLabelText('Botid – ROP');
		await userEvent.clear(input);
		await userEvent.tab();
		expect(screen.getByRole('alert')).toHaveTextContent('Botid – ROP: skriv et tall');
		expect(input).toHaveValue('');
	});
});
