import { describe, expect, it } from 'vitest';
import { sniffByteOrderMark } from '#lib/core/text/byte-order-mark.ts';
import { decodeText } from '#lib/core/text/decode.ts';
import { decodeFileBytes } from '#lib/core/format/decode.ts';

const bytes = (...b: number[]) => new Uint8Array(b);

describe('sniffByteOrderMark', () => {
	it('names the charset and the length of a UTF-8 or UTF-16 mark, nothing otherwise', () => {
		expect(sniffByteOrderMark(bytes(0xef, 0xbb, 0xbf, 0x41))).toEqual({ charset: 'utf-8', length: 3 });
		expect(sniffByteOrderMark(bytes(0xff, 0xfe, 0x41, 0))).toEqual({ charset: 'utf-16le', length: 2 });
		expect(sniffByteOrderMark(bytes(0xfe, 0xff, 0, 0x41))).toEqual({ charset: 'utf-16be', length: 2 });
		expect(sniffByteOrderMark(bytes(0xef, 0xbb))).toBeUndefined();
		expect(sniffByteOrderMark(bytes(0x41, 0x42))).toBeUndefined();
		expect(sniffByteOrderMark(bytes())).toBeUndefined();
	});
	it('is what both readers follow; without a mark they differ on purpose', () => {
		const latin1 = bytes(0x30, 0x20, 0xe5, 0x72); // "0 år" in Latin-1
		expect(decodeText(latin1)).toEqual({ text: '0 år', charset: 'windows-1252', bom: false });
		expect(decodeFileBytes(latin1).ok).toBe(false);
		const utf16 = bytes(0xff, 0xfe, 0x7b, 0, 0x7d, 0); // "{}" in UTF-16 LE with a mark
		expect(decodeText(utf16)).toEqual({ text: '{}', charset: 'utf-16le', bom: true });
		expect(decodeFileBytes(utf16)).toEqual({ ok: true, text: '{}', encoding: 'utf-16le' });
	});
});
