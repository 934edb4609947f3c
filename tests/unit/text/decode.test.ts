import { describe, expect, it } from 'vitest';
import { decodeText, detectCharset, isValidUtf8 } from '#lib/core/text/decode.ts';

const latin1 = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeText', () => {
	it('reads Latin-1 bytes (as SSB serves CSV) as windows-1252', () => {
		const r = decodeText(latin1('"0 år";"Bærum";"Østre Toten"'));
		expect(r.charset).toBe('windows-1252');
		expect(r.text).toBe('"0 år";"Bærum";"Østre Toten"');
	});
	it('reads valid UTF-8 as UTF-8 and keeps ASCII as is', () => {
		expect(decodeText(utf8('0 år')).text).toBe('0 år');
		expect(decodeText(utf8('0 år')).charset).toBe('utf-8');
		expect(decodeText(utf8('Region,Alder')).charset).toBe('utf-8');
	});
	it('honours and strips a UTF-8 BOM', () => {
		const r = decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('år')]));
		expect(r).toEqual({ text: 'år', charset: 'utf-8', bom: true });
	});
	it('honours UTF-16 LE and BE byte order marks', () => {
		expect(decodeText(Uint8Array.from([0xff, 0xfe, 0xe5, 0x00])).text).toBe('å');
		expect(decodeText(Uint8Array.from([0xfe, 0xff, 0x00, 0xe5])).text).toBe('å');
	});
	it('maps windows-1252 bytes 0x80–0x9f to their characters, not to control codes', () => {
		expect(decodeText(Uint8Array.from([0x80, 0x20, 0x96])).text).toBe('€ –');
	});
	it('accepts an ArrayBuffer', () => {
		expect(decodeText(latin1('Bærum').buffer).text).toBe('Bærum');
	});
	it('detects invalid UTF-8 (a lone Latin-1 å) and valid multi-byte UTF-8', () => {
		expect(isValidUtf8(Uint8Array.from([0x61, 0xe5, 0x72]))).toBe(false);
		expect(isValidUtf8(utf8('æøå'))).toBe(true);
		expect(detectCharset(new Uint8Array()).charset).toBe('utf-8');
	});
});
