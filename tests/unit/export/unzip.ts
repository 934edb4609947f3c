/** A strict reader for ZIP archives (STORE or DEFLATE), for tests: checks signatures, sizes and CRC-32. */
import { inflateSync } from 'fflate';
import { crc32 } from '#lib/core/export/zip.ts';

/** Compression method of every entry, by name (0 STORE, 8 DEFLATE). */
export const methods = new WeakMap<Map<string, Uint8Array>, Map<string, number>>();

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
	const byName = new Map<string, number>();
	methods.set(out, byName);
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
		if (method !== 0 && method !== 8) throw new Error(`${name}: method ${method} is neither STORE nor DEFLATE`);
		if (method === 0 && csize !== usize) throw new Error(`${name}: STORE sizes differ`);
		if (view.getUint32(off, true) !== 0x04034b50) throw new Error(`${name}: bad local header`);
		const lnlen = view.getUint16(off + 26, true);
		const lelen = view.getUint16(off + 28, true);
		if (dec.decode(bytes.subarray(off + 30, off + 30 + lnlen)) !== name) throw new Error(`${name}: local name differs`);
		if (view.getUint32(off + 14, true) !== crc) throw new Error(`${name}: local CRC differs`);
		if (view.getUint16(off + 8, true) !== method) throw new Error(`${name}: local method differs`);
		const stored = bytes.subarray(off + 30 + lnlen + lelen, off + 30 + lnlen + lelen + csize);
		const data = method === 8 ? inflateSync(stored) : stored;
		if (data.length !== usize) throw new Error(`${name}: size ${data.length} ≠ ${usize}`);
		if (crc32(data) !== crc) throw new Error(`${name}: CRC mismatch`);
		out.set(name, data);
		byName.set(name, method);
		p += 46 + nlen + elen + clen;
	}
	return out;
}
