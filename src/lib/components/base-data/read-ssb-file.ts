/**
 * The one way both SSB import panels read a dropped file: its bytes, decoded by their real
 * charset (core/text/decode.ts), because SSB's CSV downloads are Latin-1 and `File.text()`
 * would read them as UTF-8. An xlsx (a zip) goes through the xlsx reader, which is loaded only
 * then (a separate chunk: most planners never drop one).
 */
import { decodeText } from '#lib/core/text/decode.ts';

export type ReadFile = { ok: true; text: string } | { ok: false; message: string };

export async function readSsbFile(file: File): Promise<ReadFile> {
	const bytes = new Uint8Array(await file.arrayBuffer());
	if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
		const { xlsxToText } = await import('#lib/core/ssb/xlsx.ts');
		const r = await xlsxToText(bytes);
		return r.ok ? { ok: true, text: r.text } : { ok: false, message: r.error.message };
	}
	return { ok: true, text: decodeText(bytes).text };
}
