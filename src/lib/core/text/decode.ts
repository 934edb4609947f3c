/**
 * Decode the bytes of an uploaded text file by its real charset. Browsers' `File.text()` always
 * decodes UTF-8, but SSB's PxWebApi v2 serves CSV as `text/csv; charset=iso-8859-1` (Latin-1),
 * so "0 år" would become "0 �r". Rule, in order:
 * 1. a byte order mark (UTF-8, UTF-16 LE/BE) names the charset;
 * 2. bytes that are valid UTF-8 are UTF-8 (pure ASCII included);
 * 3. anything else is windows-1252, the superset of Latin-1 that Norwegian Excel and SSB's
 *    downloads use (the WHATWG Encoding standard also maps the label "iso-8859-1" to it).
 * Pure: runs in the browser, the worker and Node (TextDecoder is global in all three).
 *
 * Why not the notebook reader's rule (core/format/decode.ts): SSB files come from Excel and from
 * SSB's Latin-1 CSV, so bytes that are not UTF-8 are windows-1252, never an error; the BOM sniffer
 * is shared (byte-order-mark.ts).
 */
import { sniffByteOrderMark } from './byte-order-mark.ts';

export type DetectedCharset = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
	text: string;
	charset: DetectedCharset;
	/** True if the file started with a byte order mark (it is not part of `text`). */
	bom: boolean;
}

export function detectCharset(bytes: Uint8Array): { charset: DetectedCharset; bom: boolean } {
	const bom = sniffByteOrderMark(bytes);
	if (bom) return { charset: bom.charset, bom: true };
	return { charset: isValidUtf8(bytes) ? 'utf-8' : 'windows-1252', bom: false };
}

/** Decode `bytes` by their detected charset; the BOM is removed. */
export function decodeText(bytes: Uint8Array | ArrayBuffer): DecodedText {
	const b = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
	const { charset, bom } = detectCharset(b);
	// `ignoreBOM: false` (the default) strips a matching BOM, so `text` never starts with U+FEFF.
	const text = new TextDecoder(charset).decode(b);
	return { text, charset, bom };
}

/** Strict UTF-8 validity (no overlongs, no surrogates, nothing above U+10FFFF). */
export function isValidUtf8(bytes: Uint8Array): boolean {
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(bytes);
		return true;
	} catch {
		return false;
	}
}

/** Norwegian name of a charset, for previews ("Tegnsett: Latin-1 (windows-1252)"). */
export function charsetLabel(charset: DetectedCharset): string {
	if (charset === 'windows-1252') return 'Latin-1 (windows-1252)';
	return charset.toUpperCase();
}
