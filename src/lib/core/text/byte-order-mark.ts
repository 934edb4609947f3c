/**
 * The one byte-order-mark sniffer, shared by the two readers of uploaded text: SSB files
 * (core/text/decode.ts) and notebook files (core/format/decode.ts). A BOM names its charset in both;
 * what happens without one differs on purpose and stays with each reader.
 */
export type BomCharset = 'utf-8' | 'utf-16le' | 'utf-16be';

/** The charset a leading byte order mark names, and the mark's length in bytes; undefined without one. */
export function sniffByteOrderMark(b: Uint8Array): { charset: BomCharset; length: 2 | 3 } | undefined {
	if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { charset: 'utf-8', length: 3 };
	if (b[0] === 0xff && b[1] === 0xfe) return { charset: 'utf-16le', length: 2 };
	if (b[0] === 0xfe && b[1] === 0xff) return { charset: 'utf-16be', length: 2 };
	return undefined;
}
