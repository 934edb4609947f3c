/**
 * Bytes of a notebook file → text, the way a browser reads a text file: a byte-order mark decides
 * the encoding (UTF-8, UTF-16 LE, UTF-16 BE); without one, UTF-16 is recognised by the zero
 * bytes of its ASCII characters (a JSON file starts with "{" or whitespace), otherwise the text
 * must be valid UTF-8. Pure: no Node APIs.
 */

export type DecodeResult = { ok: true; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' } | { ok: false; message: string };

function decode(bytes: Uint8Array, encoding: 'utf-8' | 'utf-16le' | 'utf-16be'): DecodeResult {
	try {
		// fatal: a byte sequence that is not valid in the encoding is an error, never U+FFFD.
		return { ok: true, text: new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes), encoding };
	} catch {
		const name = encoding === 'utf-8' ? 'UTF-8' : 'UTF-16';
		return { ok: false, message: `Filen er ikke gyldig ${name}-tekst. Lagre den som UTF-8 (slik appen gjør) og prøv igjen.` };
	}
}

export function decodeText(bytes: Uint8Array): DecodeResult {
	const [b0, b1, b2] = [bytes[0], bytes[1], bytes[2]];
	if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return decode(bytes, 'utf-8');
	if (b0 === 0xff && b1 === 0xfe) return decode(bytes, 'utf-16le');
	if (b0 === 0xfe && b1 === 0xff) return decode(bytes, 'utf-16be');
	if (bytes.length >= 2 && bytes.length % 2 === 0) {
		// No BOM: "{" as UTF-16 LE is 7B 00, as UTF-16 BE 00 7B; UTF-8 text never holds a zero byte.
		if (b0 !== 0 && b1 === 0) return decode(bytes, 'utf-16le');
		if (b0 === 0 && b1 !== 0) return decode(bytes, 'utf-16be');
	}
	return decode(bytes, 'utf-8');
}
