/**
 * Bytes of a file → text, the same way in the browser and the runner. JSON files are UTF-8
 * (RFC 8259), but Windows tools still write UTF-16 ("Unicode" in Notepad), so a byte order mark
 * for UTF-8, UTF-16 LE or UTF-16 BE is honoured, and BOM-less UTF-16 is recognised by its zero
 * bytes (JSON text starts with an ASCII character). Anything else must be valid UTF-8: invalid
 * bytes are refused rather than silently replaced by «�».
 *
 * Why not the SSB reader's rule (core/text/decode.ts, which falls back to windows-1252): a notebook
 * file is JSON, which is never Latin-1, so bytes that are not UTF-8 mean a damaged or foreign file
 * and are refused; the BOM sniffer is shared (core/text/byte-order-mark.ts).
 */
import { fileError, type FileError } from './errors.ts';
import { sniffByteOrderMark } from '../text/byte-order-mark.ts';

export type DecodeResult = { ok: true; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' } | { ok: false; error: FileError };

function encodingOf(b: Uint8Array): { encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; skip: number } {
	const bom = sniffByteOrderMark(b);
	if (bom) return { encoding: bom.charset, skip: bom.length };
	if (b.length >= 2 && b[0] !== 0 && b[1] === 0) return { encoding: 'utf-16le', skip: 0 };
	if (b.length >= 2 && b[0] === 0 && b[1] !== 0) return { encoding: 'utf-16be', skip: 0 };
	return { encoding: 'utf-8', skip: 0 };
}

export function decodeFileBytes(bytes: Uint8Array): DecodeResult {
	const { encoding, skip } = encodingOf(bytes);
	try {
		const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(skip));
		return { ok: true, text, encoding };
	} catch {
		return {
			ok: false,
			error: fileError(
				'not-json',
				`Filen er ikke gyldig tekst (${encoding.toUpperCase()}): den inneholder byte som ikke er tegn. En Boligbehov-fil er en JSON-fil i UTF-8; lagre den på nytt som UTF-8.`
			)
		};
	}
}
