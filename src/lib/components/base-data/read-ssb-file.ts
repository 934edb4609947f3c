/**
 * The one way both SSB import panels read a dropped file: its bytes, decoded by their real
 * charset (core/text/decode.ts), because SSB's CSV downloads are Latin-1 and `File.text()`
 * would read them as UTF-8.
 */
import { decodeText, type DetectedCharset } from '#lib/core/text/decode.ts';

export interface ReadFile {
	text: string;
	charset: DetectedCharset;
}

export async function readSsbFile(file: File): Promise<ReadFile> {
	const { text, charset } = decodeText(new Uint8Array(await file.arrayBuffer()));
	return { text, charset };
}
