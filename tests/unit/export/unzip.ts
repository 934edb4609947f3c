/** A strict reader for STORE-only ZIP archives, for tests: checks signatures, sizes and CRC-32. */
import { crc32 } from '#lib/core/export/zip.ts';

export function unzip(bytes: Uint8Array): Map<string, Uint8Array> {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const eocd = bytes.length - 22;
	if (view.getUint32(eocd, true) !== 0x06054b50) throw new Error('no end-of-central-directory record');
	const count = view.getUint16(eocd + 10, true);
	const cdSize = view.getUint32(eocd + 12, true);
	let p = view.getUint32(eocd + 16, true);
	if (p + cdSize !== eocd) throw new Error('central directory size/offset mismatch');
	const dec = new TextDecoder('utf-8', { fatal: true });
	const out = new Map<string, Uint8Array>();
	for (let i = 0; i < count; i++) {
		if (view.getUint32(p, true) !== 0x02014b50) throw new Error(`bad central header ${i}`);
		const method = view.getUint16(p + 10, true);
		const crc = view.getUint32(p + 16, true);
		const csize = view.getUint32(p + 20, true);
		const usize = view.getUint32(p + 24, true);
		const nlen = view.getUint16(p + 28, true);
		const elen = view.getUint16(p + 30, true);
		const clen = view.getUint16(p + 32, true);
		const off = view.getUint32(p + 42, true);
		const name = dec.decode(bytes.subarray(p + 46, p + 46 + nlen));
		if (method !== 0 || csize !== usize) throw new Error(`${name}: not STORE`);
		if (view.getUint32(off, true) !== 0x04034b50) throw new Error(`${name}: bad local header`);
		const lnlen = view.getUint16(off + 26, true);
		const lelen = view.getUint16(off + 28, true);
		if (dec.decode(bytes.subarray(off + 30, off + 30 + lnlen)) !== name) throw new Error(`${name}: local name differs`);
		if (view.getUint32(off + 14, true) !== crc) throw new Error(`${name}: local CRC differs`);
		const data = bytes.subarray(off + 30 + lnlen + lelen, off + 30 + lnlen + lelen + usize);
		if (crc32(data) !== crc) throw new Error(`${name}: CRC mismatch`);
		out.set(name, data);
		p += 46 + nlen + elen + clen;
	}
	return out;
}
